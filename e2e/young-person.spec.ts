import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { request as playwrightRequest } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { WEB_DIST } from '../src/server/app.js';
import {
  ACCOUNTS,
  apiAs,
  expectNoAxeViolations,
  openPage,
  serverAndBrowser,
  signIn,
  signInAt,
  skipE2E,
} from './fixtures.js';

const SOCIAL_WORKER = 'socialsekreterare@demo.lotsa.local';
/** A phone's screen. */
const PHONE = { width: 360, height: 740 };

/** The JavaScript the young person's first page loads (its entry and what it preloads), gzip-compressed, in bytes. */
function firstPageJavaScript(): number {
  const html = readFileSync(path.join(WEB_DIST, 'mitt.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(files.length).toBeGreaterThan(0);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(WEB_DIST, f))).length, 0);
}

describe.skipIf(skipE2E)(
  '[young person]: signs in by code, follows and words their plan, rates a measure, withdraws a consent, ' +
    'signs one the contact person prepared, reads the log',
  () => {
    const spec = serverAndBrowser();
    let personId: string;
    let pnr: string;
    let caseId: string;
    let offerId: string;
    let assessmentId: string;
    beforeAll(async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      pnr = spec.lotsa.unusedIdentityNumber(40);
      personId = (
        await coordinator.send('POST', '/api/v1/persons', {
          personalIdentityNumber: pnr,
          givenName: 'Ylva',
          familyName: 'Ungdom',
          phone: '070-1740605',
          phoneGivenBy: 'young_person',
        })
      ).body.id;
      const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
      const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
      const person = (await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json()) as {
        case: { id: string; version: number };
      };
      const coach = staff.find((s) => s.email === ACCOUNTS.youthCoach)!.id;
      expect(
        (
          await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
            contactPersonId: coach,
            teamId: teams.find((t) => t.name === 'Ungdomsteamet')!.id,
            version: person.case.version,
          })
        ).status,
      ).toBe(204);
      const plan = {
        version: 0,
        followUpOn: null,
        goals: [
          {
            area: 'studies',
            title: 'Börja på komvux',
            ownWords: 'Jag vill plugga vidare',
            subGoals: [],
            steps: [{ title: 'Ringa studievägledaren', responsibleKind: 'young_person' }],
          },
        ],
      };
      expect((await coordinator.send('PUT', `/api/v1/cases/${person.case.id}/plan`, plan)).status).toBe(200);
      const units = (await (await coordinator.api.get('/api/v1/units')).json()) as { id: string; name: string }[];
      const consent = {
        recipientUnitIds: [units.find((u) => u.name === 'Socialtjänsten')!.id],
        categories: ['contact_occupation'],
        purpose: 'Stöd med boende',
        givenBy: 'young_person',
      };
      expect((await coordinator.send('POST', `/api/v1/persons/${personId}/consents`, consent)).status).toBe(201);
      // A second consent, prepared by the contact person for the young person to sign in /mitt.
      const contactPerson = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const prepared = { ...consent, purpose: 'Hjälp att hitta en bostad', givenBy: undefined };
      expect((await contactPerson.send('POST', `/api/v1/persons/${personId}/prepared-consents`, prepared)).status).toBe(
        201,
      );
      // A completed assessment: the contact person shares its first section with the young person, not the others.
      assessmentId = (await contactPerson.send('POST', `/api/v1/persons/${personId}/assessments`, {})).body.id;
      const draft = {
        version: 1,
        participants: { staff: [], others: [{ role: 'young_person' }] },
        highestEducation: 'unknown',
        diploma: 'unknown',
        answers: { wants: 'Jobba med djur', programmes: 'Naturbruk, ett år' },
      };
      expect((await contactPerson.send('PUT', `/api/v1/assessments/${assessmentId}`, draft)).status).toBe(200);
      const done = await contactPerson.send('POST', `/api/v1/assessments/${assessmentId}/complete`, { version: 2 });
      expect(done.status).toBe(200);
      const sharing = { version: done.body.version, shared: true };
      expect(
        (await contactPerson.send('PUT', `/api/v1/assessments/${assessmentId}/sections/own_words/sharing`, sharing))
          .status,
      ).toBe(200);
      await contactPerson.api.dispose();
      caseId = person.case.id;
      // A measure that ended a week ago, for the young person's short evaluation.
      const daysAgo = (n: number) => todayInSweden(new Date(Date.now() - n * 86_400_000));
      offerId = (
        await coordinator.send('POST', '/api/v1/offers', {
          name: 'Studiecoachning',
          kind: 'guidance',
          providerName: 'Porten',
        })
      ).body.id;
      const measure = { offerId, startsOn: daysAgo(40), endedOn: daysAgo(7), endReason: 'completed' };
      expect((await coordinator.send('POST', `/api/v1/persons/${personId}/measures`, measure)).status).toBe(201);
      await coordinator.api.dispose();
    });

    it('keeps the first page under 100 kB of compressed JavaScript', () => {
      expect(firstPageJavaScript()).toBeLessThan(100 * 1024);
    });

    it('on a phone: signs in, does a step, writes own words, rates a measure, withdraws, reads log', async () => {
      const social = await apiAs(spec.lotsa.baseUrl, SOCIAL_WORKER);
      expect((await social.api.get(`/api/v1/persons/${personId}`)).status()).toBe(200);

      const context = await spec.browser.newContext({
        baseURL: spec.lotsa.baseUrl,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto('/mitt');
      await page.getByLabel('Ditt personnummer').fill(pnr);
      await expectNoAxeViolations(page, '/mitt (sign-in)');
      await page.getByRole('button', { name: 'Skicka kod' }).click();
      await page.getByLabel('Koden du fick').waitFor();

      // The code waits in the contact person's outbox (no SMS gateway is configured).
      const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      // It is made after the answer (so the answer's timing tells nothing): wait until it is there.
      const codeMessage = async () => {
        const outbox = (await (await coach.api.get('/api/v1/sms')).json()) as { personId: string; body: string }[];
        return outbox.find((m) => m.personId === personId)?.body ?? '';
      };
      await expect.poll(codeMessage, { timeout: 10_000 }).toMatch(/\d{6}/);
      const code = /(\d{6})/.exec(await codeMessage())![1]!;
      await coach.api.dispose();
      await page.getByLabel('Koden du fick').fill(code);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hej Ylva!' }).waitFor();
      await expect
        .poll(() => page.getByRole('region', { name: 'Min kontaktperson' }).textContent())
        .toContain('Sofia Coach');
      await page.getByRole('region', { name: 'Min vecka' }).waitFor();
      // The shared section of the assessment, in plain words; the sections not shared are not there.
      const shared = page.getByRole('region', { name: 'Delat med dig' });
      await expect.poll(() => shared.textContent()).toContain('Jobba med djur');
      expect(await shared.textContent()).toContain('Vad vill du? Vad drömmer du om?');
      expect(await shared.textContent()).not.toContain('Naturbruk');
      const week = page.getByRole('region', { name: 'Min vecka' });
      await week.getByRole('button', { name: 'Lägg in veckan i mobilens kalender' }).click();
      await expect
        .poll(() => week.getByLabel('Adress till din kalender').inputValue())
        .toMatch(/\/api\/v1\/schedule-feed\.ics\?token=/);
      const calendar = await page.request.get(await week.getByLabel('Adress till din kalender').inputValue());
      expect(calendar.headers()['content-type']).toContain('text/calendar');

      const plan = page.getByRole('region', { name: 'Min plan' });
      await expect.poll(() => plan.textContent()).toContain('Ringa studievägledaren');
      await plan.getByRole('button', { name: /^Jag har gjort det\s*: Ringa studievägledaren$/ }).click();
      await expect.poll(() => plan.textContent()).toContain('Klart');
      await plan.getByRole('button', { name: 'Jag godkänner planen' }).click();
      await expect.poll(() => plan.textContent()).toContain('Du har godkänt den här planen.');

      // Their own words on the goal, by keyboard: a new plan version that staff see as the young person's.
      await plan.getByRole('button', { name: /^Ändra dina ord\s*: Börja på komvux$/ }).focus();
      await page.keyboard.press('Enter');
      const words = plan.getByLabel('Vad betyder målet för dig?');
      await expect.poll(() => words.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Jag vill bli sjuksköterska');
      await expectNoAxeViolations(page, '/mitt (own words)');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => plan.textContent()).toContain('“Jag vill bli sjuksköterska”');

      // A short evaluation of the measure that ended, by keyboard.
      const evaluation = page.getByRole('region', { name: 'Tyck till' });
      await expect.poll(() => evaluation.textContent()).toContain('Studiecoachning');
      await evaluation.getByRole('radio', { name: 'Mycket', exact: true }).focus();
      await page.keyboard.press('Space');
      await evaluation.getByLabel('Vad kunde ha varit bättre? (om du vill)').fill('Fler träffar på kvällen');
      await expectNoAxeViolations(page, '/mitt (evaluation)');
      await evaluation.getByRole('button', { name: /^Skicka svaret\s*: Studiecoachning$/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => evaluation.textContent()).toContain('Tack! Du svarade: Mycket.');

      const consents = page.getByRole('region', { name: 'Mina samtycken' });
      await consents.getByRole('button', { name: /^Ta tillbaka samtycket\s*: Socialtjänsten$/ }).click();
      await expect.poll(() => consents.textContent()).toContain('Tillbakataget');
      expect((await social.api.get(`/api/v1/persons/${personId}`)).status()).toBe(404);

      // The consent the contact person prepared gives nothing until the young person signs it; then at once.
      await expect.poll(() => consents.textContent()).toContain('Väntar på att du signerar');
      expect(await consents.textContent()).toContain('Hjälp att hitta en bostad');
      await expectNoAxeViolations(page, '/mitt (a consent to sign)');
      await consents.getByRole('button', { name: /^Signera samtycket\s*: Socialtjänsten$/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => consents.textContent()).not.toContain('Väntar på att du signerar');
      expect(await consents.getByRole('button', { name: /^Ta tillbaka samtycket/ }).count()).toBe(1);
      expect((await social.api.get(`/api/v1/persons/${personId}`)).status()).toBe(200);
      await social.api.dispose();

      const log = page.getByRole('region', { name: 'Vem har läst om mig' });
      await expect.poll(() => log.textContent()).toContain('Socialtjänsten');
      expect(await log.textContent()).toContain('ditt samtycke');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await expectNoAxeViolations(page, '/mitt (signed in)');

      const extract = await page.request.get('/api/v1/me/extract.pdf?lang=sv');
      expect(extract.headers()['content-type']).toBe('application/pdf');
      expect(errors).toEqual([]);
      await context.close();

      // Staff see the words as the young person's, and the evaluation without a name.
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const staffPlan = (await (await coordinator.api.get(`/api/v1/cases/${caseId}/plan`)).json()) as {
        goals: { id: string; ownWords: string }[];
        ownWordsByYoungPerson: string[];
      };
      expect(staffPlan.goals[0]!.ownWords).toBe('Jag vill bli sjuksköterska');
      expect(staffPlan.ownWordsByYoungPerson).toEqual([staffPlan.goals[0]!.id]);
      const summary = (await (await coordinator.api.get('/api/v1/evaluations/summary')).json()) as {
        rows: { id: string; answers: number; counts: number[]; better: string[] }[];
      };
      expect(summary.rows.find((r) => r.id === offerId)).toMatchObject({
        answers: 1,
        counts: [0, 0, 0, 1, 0],
        better: [],
      });
      await coordinator.api.dispose();
    });
    it('lets a coordinator choose, by keyboard, that the young person’s log names staff', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, ACCOUNTS.coordinator);
      await page.getByRole('link', { name: 'Mitt Lotsa' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inställningar för Mitt Lotsa' }).waitFor();
      const box = page.getByLabel('Visa personalens namn i ungdomens logg');
      await expect.poll(() => box.isChecked()).toBe(false);
      await expectNoAxeViolations(page, '/settings/young-person');
      await box.focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Spara' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Inställningen är sparad.').waitFor();
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const settings = await (await coordinator.api.get('/api/v1/settings/young-person')).json();
      expect(settings).toEqual({ staffNamesShown: true });
      await coordinator.api.dispose();
      expect(errors).toEqual([]);
      await context.close();
    });
    it('lets the contact person share an assessment section with the young person, by keyboard', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}/assessments/${assessmentId}`);
      const school = page.getByRole('region', { name: 'Skolan hittills' });
      const box = school.getByRole('checkbox', { name: 'Visa den här delen för den unga i Mitt Lotsa' });
      expect(await box.isChecked()).toBe(false);
      await box.focus();
      await page.keyboard.press('Space');
      await school.getByText('Delen visas nu för den unga.').waitFor();
      expect(await box.isChecked()).toBe(true);
      await expectNoAxeViolations(page, 'assessment page, a section shared with the young person');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('lets the contact person prepare a consent for signing in Mitt Lotsa, by keyboard', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
      const panel = page.getByRole('region', { name: 'Samtycken' });
      await panel.getByRole('button', { name: 'Förbered för signering i Mitt Lotsa' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'Förbered ett samtycke för signering i Mitt Lotsa' }).waitFor();
      await panel.getByRole('checkbox', { name: 'Socialtjänsten' }).focus();
      await page.keyboard.press('Space');
      await panel.getByRole('checkbox', { name: 'Kartläggning och handlingsplan' }).focus();
      await page.keyboard.press('Space');
      await expectNoAxeViolations(page, 'person page, preparing a consent');
      await panel.getByRole('button', { name: 'Förbered samtycket' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'Väntar på ungdomens signatur' }).waitFor();
      expect(await panel.textContent()).toContain('Kartläggning och handlingsplan');
      await expectNoAxeViolations(page, 'person page, a consent waiting for the signature');
      const contactPerson = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const waiting = (await (await contactPerson.api.get(`/api/v1/persons/${personId}/prepared-consents`)).json()) as {
        categories: string[];
      }[];
      expect(waiting.map((w) => w.categories)).toContainEqual(['assessment_plan']);
      await contactPerson.api.dispose();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('lets the contact person prepare an application for signing and take it back, by keyboard', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
      const panel = page.getByRole('region', { name: 'Ansökningar' });
      await panel.getByRole('button', { name: 'Förbered för signering i Mitt Lotsa' }).focus();
      await page.keyboard.press('Enter');
      const form = panel.getByRole('form', { name: 'Förbered en ansökan för signering i Mitt Lotsa' });
      await form.waitFor();
      // No team chosen: the field says so, and nothing is prepared.
      await form.getByRole('button', { name: 'Förbered ansökan' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => form.textContent()).toContain('Välj ett team.');
      await expectNoAxeViolations(page, 'person page, preparing an application without a team');
      await form.getByLabel('Team').selectOption({ label: 'Ungdomsteamet' });
      await form.getByLabel('Vem remitterade?').selectOption({ label: 'Socialtjänsten' });
      await form.getByRole('button', { name: 'Förbered ansökan' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'Väntar på ungdomens signatur' }).waitFor();
      expect(await panel.textContent()).toContain('Ungdomsteamet, Socialtjänsten');
      await expectNoAxeViolations(page, 'person page, an application waiting for the signature');
      const contactPerson = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const waiting = async () =>
        (
          (await (await contactPerson.api.get(`/api/v1/persons/${personId}/prepared-applications`)).json()) as {
            team: { name: string };
            referrer: string;
          }[]
        ).map((a) => [a.team.name, a.referrer]);
      expect(await waiting()).toEqual([['Ungdomsteamet', 'social_services']]);
      // Taken back: the list goes, and the young person has nothing to sign.
      await panel.getByRole('button', { name: 'Ta bort den förberedda ansökan till Ungdomsteamet' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.getByRole('heading', { name: 'Väntar på ungdomens signatur' }).count()).toBe(0);
      expect(await waiting()).toEqual([]);
      await contactPerson.api.dispose();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('shows the contact person an e-mail code in their outbox, in Swedish and English, axe-clean', async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const emailPnr = spec.lotsa.unusedIdentityNumber(41);
      const emailPersonId = (
        await coordinator.send('POST', '/api/v1/persons', {
          personalIdentityNumber: emailPnr,
          givenName: 'Elin',
          familyName: 'Epost',
          email: 'elin.epost@example.se',
          emailGivenBy: 'young_person',
          signInCodeChannel: 'email',
        })
      ).body.id;
      const kase = (
        (await (await coordinator.api.get(`/api/v1/persons/${emailPersonId}`)).json()) as {
          case: { id: string; version: number };
        }
      ).case;
      const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
      const coach = staff.find((s) => s.email === ACCOUNTS.youthCoach)!.id;
      const assign = { contactPersonId: coach, version: kase.version };
      expect((await coordinator.send('PATCH', `/api/v1/cases/${kase.id}`, assign)).status).toBe(204);
      await coordinator.api.dispose();
      const young = await playwrightRequest.newContext({ baseURL: spec.lotsa.baseUrl });
      const asked = await young.post('/api/v1/me/code', { data: { personalIdentityNumber: emailPnr } });
      expect(asked.status()).toBe(202);
      await young.dispose();

      // The code is made after the answer: wait until the contact person's outbox holds it, then open the page.
      const coachApi = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      await expect
        .poll(
          async () => {
            const mail = (await (await coachApi.api.get('/api/v1/email')).json()) as { personId: string }[];
            return mail.some((m) => m.personId === emailPersonId);
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      await coachApi.api.dispose();

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, ACCOUNTS.youthCoach);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'E-post' }).click();
      await page.getByRole('heading', { level: 1, name: 'E-post' }).waitFor();
      const outbox = page.getByRole('region', { name: 'E-post, senaste först' });
      await expect.poll(() => outbox.textContent(), { timeout: 10_000 }).toMatch(/Din kod till Lotsa: \d{6}/);
      expect(await outbox.getByRole('row', { name: /Elin Epost/ }).textContent()).toContain('elin.epost@example.se');
      await expectNoAxeViolations(page, 'e-mail outbox');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'E-mail' }).waitFor();
      await expectNoAxeViolations(page, 'e-mail outbox (en)');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
