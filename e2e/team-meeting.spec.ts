import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/outreach.js';
import { todayInSweden } from '../src/core/dates.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

/** A team member from the social services, in Ungdomsteamet, with no consent from the young people here. */
const SOCIAL_WORKER = 'socialsekreterare@demo.lotsa.local';
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Presses Tab until `target` has the focus (at most 80 times), as someone using only the keyboard would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the link');
}

describe.skipIf(skipE2E)(
  '[team meeting]: the lead runs a meeting from agenda to minutes; members see only whom they may',
  () => {
    const spec = serverAndBrowser();
    let teamId: string;
    let personId: string;
    let otherPersonId: string;
    beforeAll(async () => {
      // Two young people applying to Ungdomsteamet, whose contact person is the demo coach, who leads the meetings.
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
      teamId = teams.find((t) => t.name === 'Ungdomsteamet')!.id;
      const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
      const coach = staff.find((s) => s.email === ACCOUNTS.youthCoach)!;
      const ids: string[] = [];
      for (const [n, givenName] of [
        [51, 'Tea'],
        [52, 'Tor'],
      ] as const) {
        const body = { personalIdentityNumber: spec.lotsa.unusedIdentityNumber(n), givenName, familyName: 'Teammöte' };
        const id = (await coordinator.send('POST', '/api/v1/persons', body)).body.id as string;
        const person = (await (await coordinator.api.get(`/api/v1/persons/${id}`)).json()) as {
          case: { id: string; version: number };
        };
        const patch = { contactPersonId: coach.id, version: person.case.version };
        expect((await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, patch)).status).toBe(204);
        const application = {
          teamId,
          referrer: 'school',
          signedOn: addDays(todayInSweden(), -4),
          signedByYoungPerson: true,
        };
        expect((await coordinator.send('POST', `/api/v1/persons/${id}/applications`, application)).status).toBe(201);
        ids.push(id);
      }
      [personId, otherPersonId] = ids as [string, string];
      const series = { weekday: 2, time: '09:00', place: 'Ungdomstorget', leadId: coach.id, version: 0 };
      expect((await coordinator.send('PUT', `/api/v1/teams/${teamId}/meeting-series`, series)).status).toBe(204);
      await coordinator.api.dispose();
    });

    // Long: it walks the menu by keyboard, then runs a whole meeting.
    it(
      'creates a meeting from the team page, takes attendance, decides, downloads the minutes (sv)',
      {
        timeout: 210_000,
      },
      async () => {
        const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
        // The menu's Teammöte lists the coach's teams; reached by keyboard alone, from the top of the page.
        await signInAt(page, ACCOUNTS.youthCoach, '/persons');
        await heading(page).waitFor();
        await tabTo(page, page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Teammöte' }));
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/team-meetings$/);
        await expect.poll(() => heading(page).textContent()).toBe('Teammöten');
        await page.getByRole('link', { name: 'Teammöten för Ungdomsteamet' }).waitFor();
        // Only the teams the coach is in link to their meetings: Jobbspåret's are not the coach's to read.
        expect(await page.getByRole('link', { name: 'Teammöten för Jobbspåret' }).count()).toBe(0);
        await expectNoAxeViolations(page, "the coach's team meetings");
        await tabTo(page, page.getByRole('link', { name: 'Teammöten för Ungdomsteamet' }));
        await page.keyboard.press('Enter');
        await expect.poll(() => heading(page).textContent()).toBe('Teammöten: Ungdomsteamet');
        expect(await page.locator('body').textContent()).toContain('Tisdag kl. 09:00, Ungdomstorget');
        await expectNoAxeViolations(page, 'team meetings page');

        const form = page.getByRole('form', { name: 'Nytt möte' });
        await form.getByLabel(/^Datum/).fill(todayInSweden());
        await form.getByRole('button', { name: 'Skapa möte' }).click();
        await page.waitForURL(/\/meetings\/team\//);
        await expect.poll(() => heading(page).textContent()).toContain('Teammöte Ungdomsteamet');
        const agenda = page.getByRole('region', { name: 'Dagordning' });
        await expect.poll(() => agenda.textContent()).toContain('Tea Teammöte');
        expect(await agenda.textContent()).toContain('Tor Teammöte');
        await expectNoAxeViolations(page, 'team meeting with its agenda');

        // Attendance: the lead, the career counsellor and the social worker, and the school's student health team.
        const attendance = page.getByRole('form', { name: 'Närvaro', exact: true });
        await attendance.getByLabel('Sofia Coach (Utbildningsförvaltningen)').check();
        await attendance.getByLabel('Lena Vägledare (Utbildningsförvaltningen)').check();
        await attendance.getByLabel('Mats Socialsekreterare (Socialtjänsten)').check();
        await attendance.getByLabel(/^Gästens namn/).fill('Elevhälsan, Ekhagens skola');
        await attendance.getByLabel(/^Roll/).fill('Skolkurator');
        await attendance.getByRole('button', { name: 'Lägg till gäst' }).click();
        await attendance.getByRole('button', { name: 'Spara närvaro' }).click();
        await expect.poll(() => page.locator('body').textContent()).toContain('Närvaron är sparad.');

        // From the agenda to a decision: accept Tea's application.
        await agenda.getByRole('button', { name: 'Besluta om Tea Teammöte' }).click();
        const decide = page.getByRole('form', { name: 'Registrera beslut' });
        expect(await decide.getByLabel(/^Beslut/).inputValue()).toBe('accepted');
        await decide.getByLabel(/^Motivering/).fill('Börjar i gruppen på måndag.');
        await decide.getByRole('button', { name: 'Spara beslut' }).click();
        await expect.poll(() => page.locator('body').textContent()).toContain('Beslutet är sparat');
        const decisions = page.getByRole('region', { name: 'Beslut', exact: true });
        await expect
          .poll(() => decisions.textContent())
          .toContain('Tea Teammöte: Antagen till teamet. Börjar i gruppen på måndag.');
        await expectNoAxeViolations(page, 'team meeting with a decision');

        // A new measure for Tor: the form asks for the offer, and the measure is booked with the decision.
        await decide.getByLabel(/^Ung person/).selectOption({ label: 'Tor Teammöte' });
        await decide.getByLabel(/^Beslut/).selectOption('new_measure');
        await decide.getByRole('button', { name: 'Spara beslut' }).click();
        await expect.poll(() => decide.getByLabel(/^Insats \(erbjudande\)/).getAttribute('aria-invalid')).toBe('true');
        await expectNoAxeViolations(page, 'decision on a new measure, asking for the offer');
        await decide.getByLabel(/^Insats \(erbjudande\)/).selectOption({ index: 1 });
        await decide.getByRole('button', { name: 'Spara beslut' }).click();
        await expect.poll(() => decisions.textContent(), { timeout: 10_000 }).toContain('Tor Teammöte: Ny insats');

        const href = await page.getByRole('link', { name: 'Protokoll på svenska (PDF)' }).getAttribute('href');
        const minutes = await page.context().request.get(href!);
        expect(minutes.status()).toBe(200);
        expect(minutes.headers()['content-type']).toBe('application/pdf');
        expect((await minutes.body()).subarray(0, 5).toString()).toBe('%PDF-');

        // The decision is on Tea's timeline, and the case is now in the team.
        await page.goto(`/persons/${personId}`);
        await expect
          .poll(() => page.locator('body').textContent(), { timeout: 10_000 })
          .toContain('registrerade teammötets beslut (Ungdomsteamet');
        expect(errors).toEqual([]);
        await context.close();
      },
    );

    it('shows a social worker without consent each young person as no access, in English', async () => {
      const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      // A day the demo holds no meeting of the team on: they fall on the team's weekday, Tuesday (demo-week.ts).
      let heldOn = addDays(todayInSweden(), 7);
      if (new Date(`${heldOn}T12:00:00Z`).getUTCDay() === 2) heldOn = addDays(heldOn, 1);
      const meeting = await coach.send('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn });
      expect(meeting.status).toBe(201);
      const applications = (await (await coach.api.get(`/api/v1/persons/${otherPersonId}/applications`)).json()) as {
        id: string;
      }[];
      const decision = {
        personId: otherPersonId,
        kind: 'waiting_list',
        applicationId: applications[0]!.id,
        text: 'Plats i januari.',
      };
      expect((await coach.send('POST', `/api/v1/meetings/team/${meeting.body.id}/decisions`, decision)).status).toBe(
        201,
      );
      await coach.api.dispose();

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, SOCIAL_WORKER, `/meetings/team/${meeting.body.id}`);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => heading(page).textContent()).toContain('Team meeting Ungdomsteamet');
      const decisions = page.getByRole('region', { name: 'Decisions', exact: true });
      await expect.poll(() => decisions.textContent()).toContain('A young person (no access): Waiting list');
      // The agenda counts what the social worker may not see, on one line a kind, and names none of it.
      const newApplications = page.getByRole('region', { name: 'New applications' });
      expect(await newApplications.textContent()).toMatch(/\d+ young people \(no access\)/);
      expect(await newApplications.getByRole('link').count()).toBe(0);
      const body = await page.locator('body').textContent();
      expect(body).not.toContain('Teammöte');
      expect(body).not.toContain('Plats i januari');
      // A member who does not lead records no decision.
      expect(await page.getByRole('form', { name: 'Record a decision' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'team meeting as a social worker, in English');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
