import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { addDays } from '../src/core/outreach.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipE2E)('[activities]: a coach runs a group activity and takes attendance on a phone', () => {
  const spec = serverAndBrowser();
  let personId: string;
  /** A new young person whose contact person is the demo coach. */
  async function personOfCoach(n: number, givenName: string, familyName: string): Promise<string> {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const id = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(n),
        givenName,
        familyName,
      })
    ).body.id as string;
    const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
    const person = (await (await coordinator.api.get(`/api/v1/persons/${id}`)).json()) as {
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
    return id;
  }
  beforeAll(async () => {
    personId = await personOfCoach(61, 'Alva', 'Aktivitet');
  });

  it('creates an activity, enrols, marks present then late, counts a visitor, sees the person page (sv)', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.setViewportSize(PHONE);
    await signInAt(page, ACCOUNTS.youthCoach, '/activities');
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

    // The person page: the enrolment and the session's attendance in a panel, both on the timeline.
    await page.goto(`/persons/${personId}`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Aktiviteter och närvaro' }) });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Arbetsliv och studierum');
    expect(await panel.locator('tbody tr').count()).toBe(1);
    expect(await panel.locator('tbody').textContent()).toContain('Sen');
    expect(await panel.getByRole('link', { name: 'Närvarorapport (PDF)' }).getAttribute('href')).toContain(
      'format=pdf',
    );
    const timeline = page.locator('ol.timeline');
    await expect.poll(() => timeline.textContent()).toContain('anmälde personen till Arbetsliv och studierum');
    expect(await timeline.textContent()).toContain('rättade närvaron vid Arbetsliv och studierum');
    await expectNoAxeViolations(page, 'person page with the attendance panel on a phone');
    // Another period: the coming two weeks hold no attendance yet.
    await panel.getByLabel('Närvaro från och med').fill(addDays(today, 1));
    await panel.getByLabel('Närvaro till och med').fill(addDays(today, 14));
    await panel.getByRole('button', { name: 'Visa perioden' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Ingen närvaro');
    // Ending the enrolment today: the panel says so and the timeline gets it.
    await panel.getByRole('button', { name: 'Avsluta anmälan till Arbetsliv och studierum' }).click();
    await panel.getByLabel('Sista dag').fill(today);
    await panel.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Anmälan till Arbetsliv och studierum');
    await expect.poll(() => timeline.textContent()).toContain('avslutade anmälan till Arbetsliv och studierum');
    await expectNoAxeViolations(page, 'person page after ending an enrolment on a phone');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

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
    await signInAt(page, ACCOUNTS.teamMember, '/activities');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Group activities');
    const card = page.locator('li.activity', { hasText: 'Hälsa på onsdagar' });
    await expect.poll(() => card.textContent()).toContain('Wellness and gym');
    expect(await card.getByRole('link', { name: /^Take attendance/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'activities page in English on a phone');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('cancels and moves sessions on the activities page; the contact person sees whom it touched', async () => {
    const tomorrow = addDays(todayInSweden(), 1);
    const otto = await personOfCoach(62, 'Otto', 'Ombokad');
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '12:00' }));
    const created = await coach.send('POST', '/api/v1/activities', {
      title: 'Studierum varje dag',
      kind: 'study_room',
      recurrence: { type: 'weekly', slots: everyDay },
      startsOn: tomorrow,
      leaderStaffIds: [],
    });
    expect(created.status).toBe(201);
    const activityId = created.body.id as string;
    expect(
      (await coach.send('POST', `/api/v1/activities/${activityId}/enrolments`, { personId: otto, from: tomorrow }))
        .status,
    ).toBe(201);
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, '/activities');
    const card = page.locator('li.activity', { hasText: 'Studierum varje dag' });
    const change = card.getByRole('button', { name: /^Ställ in eller flytta Studierum varje dag/ });
    await expect.poll(() => change.count(), { timeout: 10_000 }).toBeGreaterThan(1);

    // The first session is cancelled with a message.
    await change.first().click();
    const form = card.getByRole('form', { name: /^Ändra tillfället/ });
    await form.getByLabel('Inställt', { exact: true }).check();
    await form.getByLabel(/^Meddelande/).fill('Ledaren är sjuk');
    await expectNoAxeViolations(page, 'the session change form');
    await form.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect
      .poll(() => card.locator('.alert--success').textContent(), { timeout: 10_000 })
      .toContain('är inställt');
    await expect.poll(() => card.locator('.activity-sessions li').first().textContent()).toContain('Inställt');
    expect(await card.locator('.activity-sessions li').first().textContent()).toContain('Ledaren är sjuk');

    // The second is moved to the afternoon; an end before the start is named first.
    await change.nth(1).click();
    await form.getByLabel(/^Flyttat/).check();
    await form.getByLabel(/^Börjar kl/).fill('14:00');
    await form.getByLabel(/^Slutar kl/).fill('13:00');
    await form.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Slutar kl.');
    await expectNoAxeViolations(page, 'the session change form with an error');
    await form.getByLabel(/^Slutar kl/).fill('16:00');
    await form.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(() => card.locator('.alert--success').textContent(), { timeout: 10_000 }).toContain('flyttat');
    const sessions = (await (
      await coach.api.get(`/api/v1/activities/${activityId}/sessions?from=${tomorrow}&to=${addDays(tomorrow, 14)}`)
    ).json()) as { cancelled: boolean; moved: boolean; start: string; note: string | null }[];
    expect(sessions[0]).toMatchObject({ cancelled: true, moved: false, note: 'Ledaren är sjuk' });
    expect(sessions[1]).toMatchObject({ cancelled: false, moved: true, start: '14:00' });
    await expectNoAxeViolations(page, 'activities page after changing sessions');
    await coach.api.dispose();

    // The contact person's calendar names the young person both changes touch, linked to their page.
    await page.goto('/calendar');
    const changes = page.getByRole('region', { name: 'Ändrade aktiviteter för dina ungdomar' });
    const touched = changes.locator('li', { hasText: 'Studierum varje dag' });
    await expect.poll(() => touched.count(), { timeout: 10_000 }).toBe(2);
    expect(await touched.getByRole('link', { name: 'Otto Ombokad' }).first().getAttribute('href')).toBe(
      `/persons/${otto}`,
    );
    await expectNoAxeViolations(page, 'the calendar with the changed sessions');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it('gives a manager the attendance per activity on the figures page, counts only, as CSV too', async () => {
    const today = todayInSweden();
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const visitor = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(63),
        givenName: 'Siv',
        familyName: 'Siffersson',
      })
    ).body.id as string;
    const created = await coordinator.send('POST', '/api/v1/activities', {
      title: 'Temakväll om arbete',
      kind: 'theme_evening',
      recurrence: { type: 'dates', dates: [{ date: today, start: '17:00', end: '19:00' }] },
      startsOn: today,
      dropIn: true,
    });
    expect(created.status).toBe(201);
    const taken = await coordinator.send('PUT', `/api/v1/sessions/${created.body.id}_${today}/attendance`, [
      { personId: visitor, status: 'present' },
      { anonymous: true, status: 'present' },
      { anonymous: true, status: 'late' },
    ]);
    expect(taken.status).toBe(200);
    await coordinator.api.dispose();

    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.manager, `/figures?from=${today}&to=${today}`);
    const table = page.getByRole('table', { name: /^Närvaro per aktivitet/ });
    const row = table.getByRole('row', { name: /^Temakväll om arbete/ });
    await expect
      .poll(() => row.locator('td').allTextContents(), { timeout: 15_000 })
      .toEqual(['1', '1', '0', '0', '0', '100 %', '2', '1']);
    expect(await page.locator('main').textContent()).not.toContain('Siffersson');
    await expectNoAxeViolations(page, 'figures page with attendance (manager)');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner Närvaro per aktivitet som CSV' }).click();
    const chunks: Buffer[] = [];
    for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'group;code;title;sessions;present;late;absent;excused;rate;anonymous_visits;young_people',
    );
    expect(csv).toContain(`;Temakväll om arbete;1;1;0;0;0;1;2;1\r\n`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it('closes an activity for some days from its form; no session is planned inside them', async () => {
    const today = todayInSweden();
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '13:00', end: '15:00' }));
    const created = await coach.send('POST', '/api/v1/activities', {
      title: 'Öppet hus med personaldagar',
      kind: 'other',
      recurrence: { type: 'weekly', slots: everyDay },
      startsOn: today,
    });
    expect(created.status).toBe(201);
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, '/activities');
    await page.getByRole('button', { name: 'Ändra Öppet hus med personaldagar' }).click();
    const form = page.getByRole('form', { name: 'Ändra Öppet hus med personaldagar' });
    await form.getByRole('button', { name: 'Lägg till stängd period' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Fyll i både första och sista dag');
    await expectNoAxeViolations(page, 'activity form with a closed period missing its days');
    await form.getByLabel('Stängt från och med').fill(addDays(today, 2));
    await form.getByLabel('Stängt till och med').fill(addDays(today, 4));
    await form.getByLabel(/^Anledning/).fill('Personaldagar');
    await form.getByRole('button', { name: 'Lägg till stängd period' }).click();
    await expect.poll(() => form.textContent()).toContain('Personaldagar');
    await expectNoAxeViolations(page, 'activity form with a closed period');
    await form.getByRole('button', { name: 'Spara ändringarna' }).click();
    const card = page.locator('li.activity', { hasText: 'Öppet hus med personaldagar' });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Stängda perioder');
    expect(await card.textContent()).toContain('(Personaldagar)');
    const sessions = (await (
      await coach.api.get(`/api/v1/activities/${created.body.id}/sessions?from=${today}&to=${addDays(today, 6)}`)
    ).json()) as { date: string }[];
    const dates = sessions.map((s) => s.date);
    for (const closed of [2, 3, 4]) expect(dates).not.toContain(addDays(today, closed));
    expect(dates).toContain(addDays(today, 5));

    // The whole centre closes for a day next autumn: missing days are named first.
    await page.getByRole('button', { name: 'Stäng alla aktiviteter en period' }).click();
    const centre = page.getByRole('form', { name: 'Stäng alla aktiviteter en period' });
    await centre.getByRole('button', { name: 'Stäng aktiviteterna' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Stängt från och med');
    await expectNoAxeViolations(page, 'the centre closure form with errors');
    await centre.getByLabel(/^Stängt från och med/).fill(addDays(today, 300));
    await centre.getByLabel(/^Stängt till och med/).fill(addDays(today, 300));
    await centre.getByLabel(/^Anledning/).fill('Studiedag');
    await centre.getByRole('button', { name: 'Stäng aktiviteterna' }).click();
    await expect
      .poll(() => page.locator('.alert--success').textContent(), { timeout: 10_000 })
      .toMatch(/stängda? under/);
    const after = (await (await coach.api.get(`/api/v1/activities/${created.body.id}`)).json()) as {
      closedPeriods: { reason: string | null }[];
    };
    expect(after.closedPeriods.map((p) => p.reason)).toEqual(['Personaldagar', 'Studiedag']);
    await expectNoAxeViolations(page, 'activities page after closing the centre');
    await coach.api.dispose();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
