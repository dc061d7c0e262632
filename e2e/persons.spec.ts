import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

const dashed = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const firstColumn = (page: Page, column: number) =>
  page.locator(`tbody tr td:nth-child(${column}), tbody tr th:nth-child(${column})`).allTextContents();

describe.skipIf(skipE2E)('[persons]: a coordinator finds, creates and edits young people', () => {
  const spec = serverAndBrowser();

  /** Signed in as the coordinator on the start page, or straight on `to` (without loading the start page first). */
  async function coordinatorPage(to?: string) {
    const opened = await openPage(spec.browser, spec.lotsa.baseUrl);
    if (to) await signInAt(opened.page, ACCOUNTS.coordinator, to);
    else await signIn(opened.page, ACCOUNTS.coordinator);
    return opened;
  }

  it('lists people 25 at a time with paging kept in the address', async () => {
    const { context, page, errors } = await coordinatorPage();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personer' }).click();
    await page.waitForURL(/\/persons$/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'personer' }).textContent())
      .toBe('300 personer');
    expect(await page.locator('tbody tr').count()).toBe(25);
    expect(await page.getByRole('navigation', { name: 'Sidor i personlistan' }).textContent()).toContain(
      'Sida 1 av 12',
    );
    expect(await page.getByRole('button', { name: 'Föregående' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'persons list');

    const firstOnPageOne = await page.locator('tbody tr th').first().textContent();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator('.pagination__status').textContent()).toBe('Sida 2 av 12');
    await expect.poll(() => page.locator('tbody tr th').first().textContent()).not.toBe(firstOnPageOne);
    await page.goBack();
    await expect.poll(() => page.locator('.pagination__status').textContent()).toBe('Sida 1 av 12');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches by name and keeps the search in the address', async () => {
    const { context, page } = await coordinatorPage('/persons');
    await page.getByLabel('Sök på namn eller personnummer').fill('Ahmed');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/q=Ahmed/);
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/^\d+ personer? matchar ”Ahmed”$/);
    // The count and the rows can arrive in separate renders: wait for the rows themselves.
    const rows = page.locator('tbody tr th');
    await expect
      .poll(async () => {
        const shown = await rows.allTextContents();
        return shown.length > 0 && shown.every((name) => name.includes('Ahmed'));
      })
      .toBe(true);
    const names = await rows.allTextContents();

    await page.reload();
    expect(await page.getByLabel('Sök på namn eller personnummer').inputValue()).toBe('Ahmed');
    await expect.poll(() => page.locator('tbody tr th').allTextContents()).toEqual(names);

    await page.getByLabel('Sök på namn eller personnummer').fill('Ingenalls Sådannamn');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tbody').textContent()).toBe('Inga personer matchar sökningen.');
    await context.close();
  });

  it('sorts by identity number both ways, announced with aria-sort', async () => {
    const { context, page } = await coordinatorPage('/persons');
    const header = page.getByRole('columnheader', { name: /Personnummer/ });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.getByRole('button').click();
    await page.waitForURL(/sort=personalIdentityNumber/);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const numbers = async () => ((await page.locator('[aria-busy="false"]').count()) ? firstColumn(page, 2) : []);
    await expect
      .poll(async () => {
        const shown = await numbers();
        return shown.length === 25 && shown.join() === [...shown].sort().join();
      })
      .toBe(true);
    const ascending = await numbers();

    await header.getByRole('button').click();
    await page.waitForURL(/order=desc/);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect
      .poll(async () => {
        const shown = await numbers();
        return shown.length === 25 && shown.join() === [...shown].sort().reverse().join();
      })
      .toBe(true);
    expect((await numbers())[0]! > ascending[24]!).toBe(true);
    await context.close();
  });

  it('shows the field error when the identity number is invalid', async () => {
    const { context, page } = await coordinatorPage('/persons');
    await page.getByRole('link', { name: 'Ny person' }).click();
    await page.waitForURL(/\/persons\/new$/);
    await expectNoAxeViolations(page, 'create form');

    const valid = spec.lotsa.unusedIdentityNumber(0);
    const wrongCheckDigit = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
    await page.getByLabel(/^Personnummer/).fill(wrongCheckDigit);
    await page.getByLabel(/^Förnamn/).fill('Test');
    await page.getByLabel(/^Efternamn/).fill('Felnummer');
    await page.getByRole('button', { name: 'Registrera personen' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect.poll(() => summary.textContent()).toContain('Kontrollsiffran stämmer inte');
    expect(await page.locator('#person-personalIdentityNumber-error').textContent()).toContain(
      'Kontrollsiffran stämmer inte. Kontrollera numret.',
    );
    expect(await page.getAttribute('#person-personalIdentityNumber', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#person-personalIdentityNumber', 'aria-describedby')).toContain(
      'person-personalIdentityNumber-error',
    );
    expect(new URL(page.url()).pathname).toBe('/persons/new');
    await expectNoAxeViolations(page, 'create form with errors');

    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-personalIdentityNumber');
    await context.close();
  });

  it('registers a person with a guardian and opens their page', async () => {
    const { context, page, errors } = await coordinatorPage('/persons/new');
    const pnr = spec.lotsa.unusedIdentityNumber(1);
    await page.getByLabel(/^Personnummer/).fill(pnr);
    await page.getByLabel(/^Förnamn/).fill('Elsa');
    await page.getByLabel(/^Efternamn/).fill('Nyström');
    await page.getByLabel('Gatuadress').fill('Storgatan 1');
    await page.getByLabel('Postnummer').fill('433 30');
    await page.getByLabel('Ort').fill('Partille');
    await page.getByLabel('Telefon', { exact: true }).fill('070-1740600');

    await page.getByRole('button', { name: 'Lägg till vårdnadshavare' }).click();
    await page.getByRole('button', { name: 'Lägg till vårdnadshavare' }).click();
    expect(await page.getByRole('group', { name: /^Vårdnadshavare \d$/ }).count()).toBe(2);
    await page.getByRole('button', { name: 'Ta bort vårdnadshavare 2' }).click();
    expect(await page.getByRole('group', { name: /^Vårdnadshavare \d$/ }).count()).toBe(1);
    const guardian = page.getByRole('group', { name: 'Vårdnadshavare 1' });
    await guardian.getByLabel(/^Namn/).fill('Anna Nyström');
    await guardian.getByLabel('Relation').fill('mamma');

    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await expect.poll(() => h1(page)).toBe('Elsa Nyström');
    await expect.poll(() => page.title()).toBe('Elsa Nyström – Lotsa');
    expect(await page.getByRole('status').filter({ hasText: 'registrerad' }).textContent()).toContain(
      'Personen är registrerad',
    );
    const details = page.getByRole('region', { name: 'Personuppgifter' });
    expect(await details.textContent()).toContain(dashed(pnr));
    expect(await details.textContent()).toContain('Storgatan 1');
    expect(await details.textContent()).toContain('Anna Nyström');
    expect(await page.getByRole('region', { name: 'Ärende' }).textContent()).toContain('Ny');
    await expect
      .poll(() => page.locator('.timeline').textContent())
      .toContain('Karin Samordnare registrerade personen.');
    await expectNoAxeViolations(page, 'person page');

    // The same number again is refused.
    await page.goto('/persons/new');
    await page.getByLabel(/^Personnummer/).fill(dashed(pnr));
    await page.getByLabel(/^Förnamn/).fill('Elsa');
    await page.getByLabel(/^Efternamn/).fill('Dubblett');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await expect
      .poll(() => page.locator('#person-personalIdentityNumber-error').textContent())
      .toContain('Det finns redan en person med det personnumret.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hides the address of a person with protected identity', async () => {
    const { context, page } = await coordinatorPage('/persons/new');
    await page.getByLabel(/^Personnummer/).fill(spec.lotsa.unusedIdentityNumber(3));
    await page.getByLabel(/^Förnamn/).fill('Sam');
    await page.getByLabel(/^Efternamn/).fill('Skyddad');
    await page.getByLabel('Gatuadress').fill('Hemliga vägen 3');
    await page.getByLabel('Skyddade personuppgifter').check();
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const details = page.getByRole('region', { name: 'Personuppgifter' });
    await expect.poll(() => details.textContent()).toContain('Skyddade personuppgifter – adressen visas inte');
    expect(await details.textContent()).not.toContain('Hemliga vägen');
    expect(await page.locator('main').textContent()).not.toContain('Hemliga vägen');

    await page.getByRole('link', { name: 'Ändra uppgifter' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Skyddade personuppgifter – adressen visas inte');
    expect(await page.getByLabel('Gatuadress').count()).toBe(0);
    await context.close();
  });

  it('edits a person and is told to reload when someone else changed them first', async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const pnr = spec.lotsa.unusedIdentityNumber(2);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: pnr,
      givenName: 'Malte',
      familyName: 'Redigerad',
      phone: '070-1740601',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const { context, page } = await coordinatorPage(`/persons/${id}`);
    await page.getByRole('link', { name: 'Ändra uppgifter' }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => h1(page)).toBe('Ändra uppgifter om Malte Redigerad');
    await page.getByLabel('Telefon', { exact: true }).fill('070-1740602');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForURL(new RegExp(`/persons/${id}$`));
    await expect
      .poll(() => page.getByRole('region', { name: 'Personuppgifter' }).textContent())
      .toContain('070-1740602');
    expect(await page.getByRole('status').filter({ hasText: 'sparade' }).textContent()).toBe('Ändringarna är sparade.');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Karin Samordnare ändrade Telefon.');

    // Someone else saves while the form is open.
    await page.goto(`/persons/${id}/edit`);
    await page.getByLabel('Ort').fill('Partille');
    const current = await (await coordinator.api.get(`/api/v1/persons/${id}`)).json();
    const other = await coordinator.send('PATCH', `/api/v1/persons/${id}`, {
      givenName: 'Malte',
      familyName: 'Redigerad',
      phone: '070-1740603',
      version: current.version,
    });
    expect(other.status).toBe(204);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Någon annan har ändrat uppgifterna under tiden');
    await page.getByRole('button', { name: 'Ladda om uppgifterna' }).click();
    await expect.poll(() => page.getByLabel('Telefon', { exact: true }).inputValue()).toBe('070-1740603');
    await coordinator.api.dispose();
    await context.close();
  });

  it('warns on the person page while the case’s contact person cannot open the case', async () => {
    const admin = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.administrator);
    const leaver = await admin.send('POST', '/api/v1/staff', {
      name: 'Lena Slutar',
      email: 'lena.slutar@demo.lotsa.local',
      role: 'coordinator',
      unitId: null,
    });
    expect(leaver.status).toBe(201);
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: spec.lotsa.unusedIdentityNumber(4),
      givenName: 'Kim',
      familyName: 'Kontaktlös',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const person = await (await coordinator.api.get(`/api/v1/persons/${id}`)).json();
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          contactPersonId: leaver.body.id,
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    // She leaves: her account is deactivated, and the case she holds is nobody's.
    expect(
      (
        await admin.send('PATCH', `/api/v1/staff/${leaver.body.id}`, {
          name: 'Lena Slutar',
          role: 'coordinator',
          unitId: null,
          active: false,
          version: leaver.body.version,
        })
      ).status,
    ).toBe(200);
    const offered = await (await coordinator.api.get('/api/v1/staff?active=true&contactPerson=true')).json();
    await admin.api.dispose();

    const { context, page, errors } = await coordinatorPage(`/persons/${id}`);
    const casePanel = page.getByRole('region', { name: 'Ärende' });
    await expect
      .poll(() => casePanel.getByRole('status').textContent())
      .toBe('Lena Slutar kan inte öppna ärendet och kan därför inte vara kontaktperson. Välj en annan kontaktperson.');
    await expect
      .poll(() => page.getByLabel('Kontaktperson').locator('option:checked').textContent())
      .toBe('Lena Slutar (kan inte öppna ärendet)');
    await expectNoAxeViolations(page, 'person page, contact person without access');

    await page.getByLabel('Kontaktperson').selectOption(offered[0].id);
    await page.getByRole('button', { name: 'Spara ärendet' }).click();
    await expect.poll(() => casePanel.getByRole('status').filter({ hasText: 'Ärendet är sparat' }).count()).toBe(1);
    await expect.poll(() => casePanel.textContent()).not.toContain('kan inte öppna ärendet');
    expect(errors).toEqual([]);
    await coordinator.api.dispose();
    await context.close();
  });
});
