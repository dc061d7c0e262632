import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { addWeeks, daysOfWeek, isoWeekOf } from '../src/core/iso-week.js';
import { instantInSweden } from '../src/core/schedule.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const section = (page: Page) => page.getByRole('region', { name: /^(Veckoschema|Weekly schedule)$/ });
const days = daysOfWeek(isoWeekOf(todayInSweden()));

describe.skipIf(skipE2E)('[schedule]: a contact person sees, adds to and prints a young person’s week', () => {
  const spec = serverAndBrowser();
  let personId: string;
  beforeAll(async () => {
    // A new young person whose contact person is the demo coach, with a measure on Mondays and a meeting on Thursday.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: spec.lotsa.unusedIdentityNumber(61),
      givenName: 'Vera',
      familyName: 'Vecka',
    });
    personId = created.body.id;
    const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
    const person = (await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json()) as {
      case: { id: string; version: number };
    };
    const coachId = staff.find((s) => s.email === ACCOUNTS.youthCoach)!.id;
    const assigned = await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: coachId,
      version: person.case.version,
    });
    expect(assigned.status).toBe(204);
    await coordinator.api.dispose();

    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const offers = (await (await coach.api.get('/api/v1/offers')).json()) as {
      id: string;
      name: string;
      kind: string;
    }[];
    const offer = offers.find((o) => o.kind !== 'work_placement')!;
    const hours = [{ weekday: 1, start: '09:00', end: '15:00' }];
    const measure = await coach.send('POST', `/api/v1/persons/${personId}/measures`, {
      offerId: offer.id,
      startsOn: days[0],
      weeklyHours: hours,
    });
    expect(measure.status).toBe(201);
    const centres = (await (await coach.api.get('/api/v1/centres')).json()) as { id: string }[];
    const meeting = await coach.send('POST', '/api/v1/meetings', {
      kind: 'meeting',
      startsAt: instantInSweden(days[3]!, '10:00').toISOString(),
      endsAt: instantInSweden(days[3]!, '11:00').toISOString(),
      centreId: centres[0]?.id,
      personId,
    });
    expect(meeting.status).toBe(201);
    await coach.api.dispose();
  });

  it('shows the week from the measure and the meeting, adds and removes an addition, links the PDF', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    const week = section(page);
    await expect.poll(() => week.textContent(), { timeout: 10_000 }).toContain('09:00–15:00');
    const monday = week.locator('li.schedule__day').nth(0);
    expect(await monday.textContent()).toMatch(/måndag/i);
    expect(await monday.textContent()).toContain('Insats');
    const thursday = week.locator('li.schedule__day').nth(3);
    expect(await thursday.textContent()).toContain('10:00–11:00');
    expect(await thursday.textContent()).toContain('Möte med');
    const pdf = week.getByRole('link', { name: 'Skriv ut veckan (PDF, svenska)' });
    expect(await pdf.getAttribute('href')).toMatch(
      new RegExp(`/api/v1/persons/${personId}/schedule\\.pdf\\?week=\\d{4}-W\\d{2}&lang=sv$`),
    );
    const printed = await page.request.get((await pdf.getAttribute('href'))!);
    expect(printed.status()).toBe(200);
    expect(printed.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page, 'person page with the week');

    await week.getByRole('button', { name: 'Lägg till i veckan' }).click();
    const form = page.getByRole('form', { name: 'Lägg till i veckan' });
    await form.getByLabel(/^Dag/).fill(days[4]!);
    await form.getByLabel(/^Från klockan/).fill('13:00');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Vad');
    await expectNoAxeViolations(page, 'addition form with an error');
    await form.getByLabel(/^Vad/).fill('Studiebesök på Komvux');
    await form.getByLabel(/^Var/).fill('Partille gymnasium');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    const friday = week.locator('li.schedule__day').nth(4);
    await expect.poll(() => friday.textContent(), { timeout: 10_000 }).toContain('Studiebesök på Komvux');
    expect(await friday.textContent()).toContain('Partille gymnasium');

    await friday.getByRole('button', { name: /^Ta bort Studiebesök på Komvux/ }).click();
    await expect.poll(() => friday.textContent(), { timeout: 10_000 }).not.toContain('Studiebesök på Komvux');

    await week.getByRole('button', { name: 'Nästa vecka' }).click();
    const next = addWeeks(isoWeekOf(days[0]!), 1).week;
    await expect.poll(() => week.locator('.schedule__week').textContent()).toContain(`Vecka ${next},`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('makes the young person a calendar address and reads the week in English', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    await page.getByRole('button', { name: 'English' }).click();
    const week = section(page);
    await expect.poll(() => week.textContent(), { timeout: 10_000 }).toContain('Meeting with');
    await week.getByRole('button', { name: 'Make a calendar address' }).click();
    const address = week.getByLabel('Calendar address');
    await expect.poll(() => address.inputValue(), { timeout: 10_000 }).toMatch(/\/api\/v1\/schedule-feed\.ics\?token=/);
    const feed = await page.request.get(await address.inputValue());
    expect(feed.status()).toBe(200);
    expect(await feed.text()).not.toContain('Vera');
    await expectNoAxeViolations(page, 'the week in English with a calendar address');
    await page.goto('/calendar');
    const changes = page.getByRole('region', { name: 'Changed activities for your young people' });
    await expect.poll(() => changes.textContent(), { timeout: 10_000 }).toContain('No cancelled or moved activities');
    await expectNoAxeViolations(page, 'the calendar with changed activities');
    expect(errors).toEqual([]);
    await context.close();
  });
});
