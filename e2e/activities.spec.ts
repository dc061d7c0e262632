import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { addDays } from '../src/core/outreach.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signIn, skipE2E } from './fixtures.js';

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipE2E)('[activities]: a coach runs a group activity and takes attendance on a phone', () => {
  const spec = serverAndBrowser();
  let personId: string;
  beforeAll(async () => {
    // A new young person whose contact person is the demo coach.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    personId = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(61),
        givenName: 'Alva',
        familyName: 'Aktivitet',
      })
    ).body.id;
    const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
    const person = (await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json()) as {
      case: { id: string; version: number };
    };
    const coach = staff.find((s) => s.email === ACCOUNTS.youthCoach)!;
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          contactPersonId: coach.id,
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    await coordinator.api.dispose();
  });

  it('makes a weekly activity, enrols a young person, marks present, then late, counts a visit (Swedish)', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.setViewportSize(PHONE);
    await signIn(page, ACCOUNTS.youthCoach);
    await page.goto('/activities');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gruppaktiviteter');
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    await page.getByRole('button', { name: 'Skapa aktiviteten' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Namn');
    await expectNoAxeViolations(page, 'activity form with errors on a phone');
    await page.getByLabel(/^Namn/).fill('Arbetsliv och studierum');
    await page.getByLabel(/^Slag av aktivitet/).selectOption({ label: 'Arbetsliv' });
    await page.getByLabel(/^Plats/).fill('Centrum, sal 2');
    for (const day of ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'])
      await page.getByLabel(day, { exact: true }).check();
    await page.getByRole('button', { name: 'Skapa aktiviteten' }).click();
    const card = page.locator('li.activity', { hasText: 'Arbetsliv och studierum' });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Centrum, sal 2');

    // The contact person enrols the young person on their page: a missing activity is named first.
    const today = todayInSweden();
    await page.goto(`/persons/${personId}`);
    const enrol = page.locator('section', { has: page.getByRole('heading', { name: 'Anmäl till aktivitet' }) });
    await enrol.getByRole('button', { name: 'Anmäl', exact: true }).click();
    await expect.poll(() => enrol.locator('.error-summary').textContent()).toContain('Aktivitet');
    await enrol.getByLabel(/^Aktivitet/).selectOption({ label: 'Arbetsliv och studierum' });
    await enrol.getByLabel(/^Från och med/).fill(addDays(today, -7));
    await enrol.getByRole('button', { name: 'Anmäl', exact: true }).click();
    await expect.poll(() => enrol.textContent(), { timeout: 10_000 }).toContain('Anmäld till Arbetsliv och studierum');
    await expectNoAxeViolations(page, 'person page with the enrol panel on a phone');
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const activity = (
      (await (await coach.api.get('/api/v1/activities')).json()) as { id: string; title: string }[]
    ).find((a) => a.title === 'Arbetsliv och studierum')!;
    await page.goto('/activities');
    await expect.poll(() => card.textContent()).toContain('Ta närvaro');
    await expectNoAxeViolations(page, 'activities page on a phone');
    await card
      .getByRole('link', { name: /^Ta närvaro/ })
      .first()
      .click();
    await page.waitForURL(`**/sessions/${activity.id}_*`);

    const row = page.locator('li.attendance-row', { hasText: 'Alva Aktivitet' });
    await row.getByRole('button', { name: 'Närvarande' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Närvarande' }).getAttribute('aria-pressed')).toBe('true');
    await row.getByRole('button', { name: 'Sen' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Sen' }).getAttribute('aria-pressed')).toBe('true');
    expect(await row.getByRole('button', { name: 'Närvarande' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Lägg till anonymt besök' }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Anonyma besök: 1');
    await expectNoAxeViolations(page, 'attendance taking on a phone');

    // The correction is the latest entry; the person's attendance shows it.
    const report = (await (
      await coach.api.get(`/api/v1/persons/${personId}/attendance?from=${addDays(today, -7)}&to=${addDays(today, 14)}`)
    ).json()) as { entries: { status: string }[] };
    expect(report.entries.map((e) => e.status)).toEqual(['late']);
    await coach.api.dispose();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a colleague who does not lead the activity no roster, in English', async () => {
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const weekly = { type: 'weekly', slots: [{ weekday: 3, start: '13:00', end: '15:00' }] };
    expect(
      (
        await coach.send('POST', '/api/v1/activities', {
          title: 'Hälsa på onsdagar',
          kind: 'wellness',
          recurrence: weekly,
          startsOn: todayInSweden(),
        })
      ).status,
    ).toBe(201);
    await coach.api.dispose();
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.setViewportSize(PHONE);
    await signIn(page, ACCOUNTS.teamMember);
    await page.goto('/activities');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Group activities');
    const card = page.locator('li.activity', { hasText: 'Hälsa på onsdagar' });
    await expect.poll(() => card.textContent()).toContain('Wellness and gym');
    expect(await card.getByRole('link', { name: /^Take attendance/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'activities page in English on a phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
