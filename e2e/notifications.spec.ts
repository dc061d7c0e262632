import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, skipE2E } from './fixtures.js';

const dashed = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe.skipIf(skipE2E)('[notifications]: a school reporter notifies, a coordinator verifies', () => {
  const spec = serverAndBrowser();
  let student: string;
  beforeAll(async () => {
    student = spec.lotsa.unusedIdentityNumber(3);
  });

  it('lets a school reporter notify a dropout, after correcting the fields the API rejects', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.schoolReporter);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual([
      'Start',
      'Anmälningar',
    ]);
    const start = page.getByRole('region', { name: 'Anmälningar från skolan' });
    await start.getByRole('link', { name: 'Gör en ny anmälan' }).click();
    await page.waitForURL(/\/notifications\/new$/);
    await expect.poll(() => h1(page)).toBe('Ny anmälan');
    expect(await page.title()).toBe('Ny anmälan – Lotsa');
    await expectNoAxeViolations(page, 'notification form');

    // A wrong check digit: the API's field error shows beside the field and in the summary.
    const wrong = student.slice(0, 11) + String((Number(student[11]) + 1) % 10);
    await page.getByLabel(/^Elevens personnummer/).fill(dashed(wrong));
    await page.getByLabel(/^Skolenhetskod/).fill('12345678');
    await page.getByLabel('Skolenhetens namn').fill('Porthälla gymnasium');
    await page.getByLabel(/^Anmälan gäller/).selectOption({ label: 'Avbrott' });
    await page.getByLabel('Meddelande till hemkommunen').fill('Eleven har inte kommit till skolan sedan höstlovet.');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect.poll(() => summary.textContent()).toContain('Elevens personnummer: Kontrollsiffran stämmer inte');
    expect(await page.locator('#notification-personalIdentityNumber-error').textContent()).toContain(
      'Kontrollsiffran stämmer inte. Kontrollera numret.',
    );
    expect(await page.getAttribute('#notification-personalIdentityNumber', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'notification form with errors');

    // Then a school unit code that is not eight digits.
    await page.getByLabel(/^Elevens personnummer/).fill(dashed(student));
    await page.getByLabel(/^Skolenhetskod/).fill('1234');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expect
      .poll(() => page.locator('#notification-schoolUnitCode-error').textContent())
      .toContain('Skolenhetskoden ska vara åtta siffror.');
    expect(await page.locator('#notification-personalIdentityNumber-error').count()).toBe(0);

    await page.getByLabel(/^Skolenhetskod/).fill('12345678');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.waitForURL(/\/notifications$/);
    await expect.poll(() => h1(page)).toBe('Mina anmälningar');
    expect(await page.getByRole('status').filter({ hasText: 'skickad' }).textContent()).toBe(
      'Anmälan är skickad till elevens hemkommun.',
    );
    const rows = page.getByRole('table', { name: 'Mina anmälningar, nyast först' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain(dashed(student));
    expect(row).toContain('Porthälla gymnasium (12345678)');
    expect(row).toContain('Avbrott');
    expect(row).toContain('Mottagen');
    await expectNoAxeViolations(page, 'my notifications');

    // A reporter may submit, not browse.
    await page.goto('/persons');
    await expect.poll(() => h1(page)).toBe('Sidan finns inte');
    await page.goto('/register/imports');
    await expect.poll(() => h1(page)).toBe('Sidan finns inte');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the notification in the coordinator inbox, where it is verified and handled', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Anmälningar' }).click();
    await page.waitForURL(/\/notifications$/);
    await expect.poll(() => h1(page)).toBe('Inkorg');
    const item = page.getByRole('article', { name: `Avbrott: ${dashed(student)}` });
    await item.waitFor();
    expect(await item.textContent()).toContain('Porthälla gymnasium (12345678)');
    expect(await item.textContent()).toContain('Rektor Skolrapportör');
    expect(await item.textContent()).toContain('Eleven har inte kommit till skolan sedan höstlovet.');
    await expectNoAxeViolations(page, 'inbox');

    await item.getByRole('button', { name: 'Spara kontrollen' }).click();
    await expect.poll(() => item.getByRole('alert').textContent()).toContain('Välj vad kontrollen visade.');
    await item
      .getByLabel(/^Vad visade kontrollen med skolan\?/)
      .selectOption({ label: 'Eleven har avbrutit sina studier' });
    await item.getByLabel(/^Anteckning/).fill('Rektorn bekräftade avbrottet per telefon.');
    await item.getByRole('button', { name: 'Spara kontrollen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'hanterad' }).textContent())
      .toBe(`Anmälan om ${dashed(student)} är hanterad och har lämnat inkorgen.`);
    await expect.poll(() => item.count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Inkorgen är tom.');
    await expectNoAxeViolations(page, 'inbox after handling');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells the reporter only that the notification was received, never what the coordinator found', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.schoolReporter);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Anmälningar' }).click();
    const rows = page.getByRole('table', { name: 'Mina anmälningar, nyast först' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().textContent();
    expect(text).toContain('Mottagen');
    expect(text).not.toContain('Hanterad');
    await context.close();
  });
});
