import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const panel = (page: Page) =>
  page.getByRole('region', { name: /^(Insatser och lotsning|Measures and guiding onward)$/ });

describe.skipIf(skipE2E)('[measures]: a coach books a work placement and refers to Arbetsförmedlingen', () => {
  const spec = serverAndBrowser();
  let personId: string;
  beforeAll(async () => {
    // A new young person whose contact person is the demo coach.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    personId = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(41),
        givenName: 'Ines',
        familyName: 'Insats',
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

  it('books a placement (no bad org. number), refers to Arbetsförmedlingen, both on the timeline (sv)', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    const measures = panel(page);
    await expect.poll(() => measures.textContent()).toContain('Inga insatser registrerade.');

    await measures.getByRole('button', { name: 'Ny insats' }).click();
    await page
      .getByLabel('Erbjudande', { exact: false })
      .first()
      .selectOption({ label: 'Praktik i näringslivet (Praktik, Arbetsmarknadsenheten)' });
    await page.getByLabel(/^Arbetsgivarens namn/).fill('Partille Bygg AB');
    await page.getByLabel(/^Organisationsnummer/).fill('556036-0794');
    await page.getByLabel(/^Handledarens namn/).fill('Kim Handledare');
    await page.getByLabel(/^Handledarens telefon/).fill('070-1740607');
    await page.getByLabel(/^Timmar per vecka/).fill('20');
    await page.getByRole('button', { name: 'Lägg till Besök' }).click();
    await page.getByLabel('Besök 1, datum').fill('2026-12-20');
    await page.getByRole('button', { name: 'Boka insatsen' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Skriv ett giltigt organisationsnummer');
    await expectNoAxeViolations(page, 'measure form with an error');
    await page.getByLabel(/^Organisationsnummer/).fill('556036-0793');
    await page.getByRole('button', { name: 'Boka insatsen' }).click();
    const booked = measures.locator('li.measure').first();
    await expect.poll(() => booked.textContent(), { timeout: 10_000 }).toContain('Praktik i näringslivet');
    expect(await booked.textContent()).toContain('Partille Bygg AB (556036-0793)');
    expect(await booked.textContent()).toContain('Pågår');

    await measures.getByRole('button', { name: 'Ny lotsning' }).click();
    await page.getByRole('combobox', { name: /^Till/ }).selectOption({ label: 'Arbetsförmedlingen' });
    await page.getByLabel('Varför', { exact: true }).fill('Inskrivning och ungdomsgaranti');
    await page.getByLabel('Personal följde med till första besöket').check();
    await page.getByRole('button', { name: 'Registrera lotsningen' }).click();
    const referral = measures.locator('li.referral').first();
    await expect.poll(() => referral.textContent(), { timeout: 10_000 }).toContain('Arbetsförmedlingen');
    expect(await referral.textContent()).toContain('personal följde med');
    await expect.poll(() => page.locator('body').textContent()).toContain('bokade insatsen Praktik i näringslivet');
    expect(await page.locator('body').textContent()).toContain('lotsade till Arbetsförmedlingen');
    await expectNoAxeViolations(page, 'person page with a measure and a referral');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the referral up and reads the offer catalogue, in English', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    await page.getByRole('button', { name: 'English' }).click();
    const measures = panel(page);
    await expect.poll(() => measures.textContent()).toContain('Work placement');
    await measures.getByRole('button', { name: /^Follow up the referral to Arbetsförmedlingen/ }).click();
    const followUp = page.getByRole('form', { name: /^Follow up the referral to Arbetsförmedlingen/ });
    await followUp.getByLabel('Status').selectOption({ label: 'Accepted' });
    await followUp.getByLabel('First visit', { exact: true }).fill('2026-12-28');
    await expectNoAxeViolations(page, 'referral follow-up form in English');
    await followUp.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => measures.locator('li.referral').first().textContent(), { timeout: 10_000 })
      .toContain('Accepted');

    await page.goto('/offers');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Offer catalogue');
    const table = page.getByRole('table', { name: 'Offers in the catalogue' });
    await expect.poll(() => table.textContent()).toContain('Praktik i näringslivet');
    expect(await table.textContent()).toMatch(/\d+ of 15 in use/);
    expect(await page.getByRole('button', { name: 'New offer' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'offer catalogue in English');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a coordinator add an offer to the catalogue, in Swedish', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, '/offers');
    await page.getByRole('button', { name: 'Nytt erbjudande' }).click();
    await page.getByLabel(/^Namn/).fill('Sommarpraktik i kommunen');
    await page.getByLabel(/^Vad det är/).selectOption({ label: 'Praktik' });
    await page.getByLabel(/^Enhet som anordnar/).selectOption({ label: 'Arbetsmarknadsenheten' });
    await page.getByLabel(/^Kostnad i kronor/).fill('900');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Kostnaden gäller per');
    await expectNoAxeViolations(page, 'offer form with an error');
    await page.getByLabel(/^Kostnaden gäller per/).selectOption({ label: 'Vecka' });
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const table = page.getByRole('table', { name: 'Erbjudanden i katalogen' });
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('Sommarpraktik i kommunen');
    expect(await table.textContent()).toContain('900 kr per vecka');
    await expectNoAxeViolations(page, 'offer catalogue in Swedish');
    // The catalogue prints as a PDF for young people and guardians, with the new offer.
    const print = await page.getByRole('link', { name: 'Skriv ut (svenska)' }).getAttribute('href');
    expect(print).toBe('/api/v1/offers.pdf?lang=sv');
    const pdf = await page.request.get(print!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the coach whose placements end within two weeks in the work queue, in Swedish', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, '/queues/measure-ending');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Insatser som snart slutar');
    const table = page.getByRole('table');
    await expect.poll(() => table.locator('thead').textContent()).toContain('Insatsen slutar');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'measure-ending queue');
    await table.locator('tbody tr th a').first().click();
    await expect.poll(() => panel(page).textContent()).toContain('Pågår');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a team social worker only the referral the consent covers, and says measures are withheld', async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
    const units = (await (await coordinator.api.get('/api/v1/units')).json()) as { id: string; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
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
    const consent = (recipient: string, categories: string[]) =>
      coordinator.send('POST', `/api/v1/persons/${personId}/consents`, {
        recipientUnitIds: [unit(recipient)],
        categories,
        purpose: 'Samverkan kring stöd',
        givenBy: 'young_person',
      });
    expect((await consent('Socialtjänsten', ['contact_occupation', 'health_social'])).status).toBe(201);
    expect((await consent('Utbildningsförvaltningen', ['health_social'])).status).toBe(201);
    await coordinator.api.dispose();
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    expect(
      (
        await coach.send('POST', `/api/v1/persons/${personId}/referrals`, {
          agency: 'social_services',
          sentOn: '2026-12-01',
          accompanied: true,
        })
      ).status,
    ).toBe(201);
    await coach.api.dispose();

    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, 'socialsekreterare@demo.lotsa.local', `/persons/${personId}`);
    const measures = panel(page);
    await expect.poll(() => measures.textContent()).toContain('Socialtjänsten');
    expect(await measures.textContent()).toContain('Insatserna visas inte för dig');
    expect(await measures.textContent()).not.toContain('Arbetsförmedlingen');
    expect(await measures.textContent()).not.toContain('Praktik i näringslivet');
    expect(await measures.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'measures panel seen by consent');
    expect(errors).toEqual([]);
    await context.close();
  });
});
