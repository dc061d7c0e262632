import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
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

/** Demo accounts from other agencies than the team's (Ungdomsteamet is run by Utbildningsförvaltningen). */
const SOCIAL_WORKER = 'socialsekreterare@demo.lotsa.local';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.skipIf(skipE2E)(
  '[consent]: a social worker sees what the consent allows; coordinators record, withdraw ' +
    'and produce the extract; administrators follow up',
  () => {
    const spec = serverAndBrowser();
    let personId: string;
    let pnr: string;
    beforeAll(async () => {
      // A new young person in Ungdomsteamet, with no consent yet.
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      pnr = spec.lotsa.unusedIdentityNumber(30);
      personId = (
        await coordinator.send('POST', '/api/v1/persons', {
          personalIdentityNumber: pnr,
          givenName: 'Sam',
          familyName: 'Samtycke',
        })
      ).body.id;
      const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
      const person = (await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json()) as {
        case: { id: string; version: number };
      };
      expect(
        (
          await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
            teamId: teams.find((t) => t.name === 'Ungdomsteamet')!.id,
            version: person.case.version,
          })
        ).status,
      ).toBe(204);
      await coordinator.api.dispose();
      // By default only the KAA's own units break the glass; this municipality lets the social services too.
      const admin = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.administrator);
      const units = (await (await admin.api.get('/api/v1/units')).json()) as {
        id: string;
        name: string;
        kaa: boolean;
      }[];
      const allowed = units.filter((u) => u.kaa || u.name === 'Socialtjänsten').map((u) => u.id);
      expect((await admin.send('PUT', '/api/v1/settings', { emergencyUnitIds: allowed })).status).toBe(200);
      await admin.api.dispose();
    });

    it('records a consent by keyboard; the social worker sees exactly that until it is withdrawn', async () => {
      const social = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(social.page, SOCIAL_WORKER, `/persons/${personId}`);
      await expect.poll(() => heading(social.page).textContent()).toBe('Sidan finns inte');

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
      const access = page.getByRole('region', { name: 'Vad du ser och varför' });
      await expect.poll(() => access.textContent()).toContain('samordnare för aktivitetsansvaret');
      expect(await access.textContent()).toContain('Du ser inte');
      expect(await page.getByRole('link', { name: 'Blankett på svenska (PDF)' }).getAttribute('href')).toBe(
        `/api/v1/persons/${personId}/consent-form?lang=sv`,
      );
      const form = await page.request.get(`/api/v1/persons/${personId}/consent-form?lang=sv`);
      expect(form.headers()['content-type']).toBe('application/pdf');

      await page.getByRole('button', { name: 'Registrera ett samtycke' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Spara samtycket' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Välj minst en verksamhet.');
      await page.getByRole('checkbox', { name: 'Socialtjänsten' }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('checkbox', { name: 'Kontaktuppgifter och sysselsättning' }).focus();
      await page.keyboard.press('Space');
      await expectNoAxeViolations(page, 'person page with the consent form');
      await page.getByRole('button', { name: 'Spara samtycket' }).focus();
      await page.keyboard.press('Enter');
      // The recorded consent is listed (the form, now closed, named the same words).
      const recorded = page.getByRole('region', { name: 'Samtycken' }).locator('.consent-list > li').first();
      await expect.poll(() => recorded.textContent(), { timeout: 10_000 }).toContain('Gäller');
      expect(await recorded.textContent()).toContain('Socialtjänsten');

      await social.page.reload();
      const seen = social.page.getByRole('region', { name: 'Vad du ser och varför' });
      await expect.poll(() => seen.textContent()).toContain('ungdomen har samtyckt');
      expect(
        await social.page
          .getByRole('region', { name: 'Vad du ser och varför' })
          .locator('.access-list--sees')
          .textContent(),
      ).toBe('Kontaktuppgifter och sysselsättning');
      expect(await seen.locator('.access-list--hidden').textContent()).toContain('Kartläggning och handlingsplan');
      expect(await social.page.getByRole('region', { name: 'Personuppgifter' }).count()).toBe(1);
      expect(await social.page.getByRole('region', { name: 'Ansökningar' }).count()).toBe(0);
      expect(await social.page.getByRole('link', { name: 'Ändra uppgifter' }).count()).toBe(0);
      await expectNoAxeViolations(social.page, 'person page seen by consent');

      await page
        .getByRole('region', { name: 'Samtycken' })
        .getByRole('button', { name: 'Återkalla samtycket' })
        .click();
      await page.getByLabel('Hur återkallades det? (frivilligt)').fill('Ringde och sade det');
      await page.getByRole('button', { name: 'Återkalla nu' }).click();
      await expect.poll(() => recorded.textContent()).toContain('Återkallat');

      await social.page.reload();
      await expect.poll(() => heading(social.page).textContent()).toBe('Sidan finns inte');
      expect(errors).toEqual([]);
      await Promise.all([context.close(), social.context.close()]);
    });

    it('lets a social worker break the glass by identity number, alerts, flags it in log and follow-up', async () => {
      const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, SOCIAL_WORKER);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Nödåtkomst' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('Nödåtkomst till en person');
      await expectNoAxeViolations(page, 'emergency access page');
      await page.getByRole('button', { name: 'Öppna nödåtkomst' }).click();
      await expect.poll(() => page.locator('.field__error').first().textContent()).toContain('Skriv skälet');
      await page.getByLabel('Personnummer').fill(`${pnr.slice(0, 8)}-${pnr.slice(8)}`);
      await page.getByLabel('Skäl').fill('Sam ringer i kris och kontaktpersonen nås inte');
      await page.getByRole('button', { name: 'Öppna nödåtkomst' }).click();
      await page.waitForURL(`**/persons/${personId}`);
      await expect
        .poll(() => page.getByRole('region', { name: 'Vad du ser och varför' }).textContent())
        .toContain('Du har nödåtkomst till och med');
      await context.close();

      const admin = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(admin.page, ACCOUNTS.administrator);
      await expect
        .poll(() => admin.page.getByRole('region', { name: 'Att känna till' }).textContent())
        .toContain('Mats Socialsekreterare öppnade nödåtkomst');
      await expectNoAxeViolations(admin.page, 'start page with an alert');
      await admin.page.goto('/admin/audit');
      await expect.poll(() => admin.page.locator('tr.row--emergency').count()).toBeGreaterThan(0);
      expect(await admin.page.locator('tr.row--emergency').first().textContent()).toContain('Nödåtkomst');

      await admin.page.goto('/admin/access-review');
      await admin.page.getByRole('combobox', { name: 'Rapport' }).selectOption('emergency');
      await admin.page.getByRole('button', { name: 'Visa' }).click();
      const row = admin.page.locator('tbody tr').filter({ hasText: 'Sam Samtycke' });
      await expect.poll(() => row.textContent()).toContain('Mats Socialsekreterare');
      await expectNoAxeViolations(admin.page, 'access follow-up');
      await row.getByRole('button', { name: /Markera som granskad/ }).click();
      await expect.poll(() => row.textContent()).toContain('Agnes Admin');
      await admin.page.getByLabel('Nödåtkomst gäller i antal timmar').fill('6');
      await admin.page.getByRole('button', { name: 'Spara inställningen' }).click();
      await expect
        .poll(() => admin.page.getByRole('status').filter({ hasText: 'Inställningen är sparad.' }).count())
        .toBe(1);
      await admin.context.close();
    });

    it('turns a coach’s fourth emergency access of the day into a request that a coordinator approves', async () => {
      const coordinatorApi = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const names = ['Ett', 'Två', 'Tre', 'Fyra'];
      const ids: string[] = [];
      for (const [i, familyName] of names.entries()) {
        ids.push(
          (
            await coordinatorApi.send('POST', '/api/v1/persons', {
              personalIdentityNumber: spec.lotsa.unusedIdentityNumber(31 + i),
              givenName: 'Nöd',
              familyName,
            })
          ).body.id,
        );
      }
      await coordinatorApi.api.dispose();
      const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const reason = { reason: 'Ungdomen ringer i kris och kontaktpersonen nås inte' };
      for (const id of ids.slice(0, 3))
        expect((await coach.send('POST', `/api/v1/persons/${id}/emergency-access`, reason)).status).toBe(201);
      const fourth = await coach.send('POST', `/api/v1/persons/${ids[3]}/emergency-access`, reason);
      expect(fourth.status).toBe(202);

      const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/emergency-access');
      const requests = page.getByRole('region', { name: 'Begärd nödåtkomst' });
      await expect.poll(() => requests.textContent()).toContain('Sofia Coach vill se Nöd Fyra');
      await expectNoAxeViolations(page, 'emergency access page with a request');
      await requests.getByRole('button', { name: 'Godkänn nödåtkomst till Nöd Fyra' }).click();
      await expect
        .poll(() => requests.getByRole('status').textContent())
        .toContain('Nödåtkomsten till Nöd Fyra är godkänd.');
      await context.close();
      expect((await coach.api.get(`/api/v1/persons/${ids[3]}`)).status()).toBe(200);
      await coach.api.dispose();
    });

    it('takes an application through the team meeting, shows the teams, produces the register extract', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
      const applications = page.getByRole('region', { name: 'Ansökningar' });
      await applications.getByRole('button', { name: 'Registrera en ansökan' }).click();
      await applications.getByLabel(/^Team/).selectOption({ label: 'Ungdomsteamet' });
      await page.getByLabel('Vem remitterade?').selectOption('social_services');
      await page.getByRole('button', { name: 'Spara ansökan' }).click();
      await expect
        .poll(() => page.locator('#application-signed-error').textContent())
        .toContain('underskriven av ungdomen');
      await page.getByLabel('Ungdomen har skrivit under ansökan').check();
      await page.getByRole('button', { name: 'Spara ansökan' }).click();
      await expect.poll(() => applications.textContent()).toContain('Mottagen');

      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ansökningar' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('Ansökningar till teamet');
      const row = page.locator('tbody tr').filter({ hasText: 'Sam Samtycke' });
      await expect.poll(() => row.textContent()).toContain('Mottagen');
      await expectNoAxeViolations(page, 'team meeting page');
      await row.getByLabel('Ny status').selectOption('on_agenda');
      await row.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => row.textContent()).toContain('På teammötet');
      await row.getByLabel('Ny status').selectOption('accepted');
      await row.getByLabel('Motivering eller anteckning').fill('Börjar på måndag');
      await row.getByRole('button', { name: 'Spara' }).click();
      // A decided application leaves the pending list; the page says where it went.
      await expect
        .poll(() => page.locator('.alert').first().textContent())
        .toContain('Beslutet om Sam Samtycke är sparat (Antagen)');
      await page.getByLabel('Visa').selectOption('decided');
      await page.waitForURL(/show=decided/);
      await expect.poll(() => row.textContent()).toContain('Beslutat av Karin Samordnare');
      await expectNoAxeViolations(page, 'team meeting page, decided');

      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('link', { name: 'Team', exact: true })
        .click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Jobbspåret' }).textContent())
        .toContain('Arbetsmarknadsenheten');
      await expectNoAxeViolations(page, 'teams page');

      const extract = await page.request.get(`/api/v1/persons/${personId}/extract?format=json`);
      const body = (await extract.json()) as { accessLog: { by: string | null }[]; consents: unknown[] };
      expect(body.consents).toHaveLength(1);
      expect(body.accessLog.some((a) => a.by === 'Mats Socialsekreterare')).toBe(true);
      const pdf = await page.request.get(`/api/v1/persons/${personId}/extract?format=pdf&lang=sv`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
