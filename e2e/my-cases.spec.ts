import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, signInAt, skipE2E } from './fixtures.js';

const count = async (page: Page) =>
  Number(((await page.locator('.result-count').textContent()) ?? '').replace(/\s/g, '').match(/\d+/)?.[0] ?? NaN);

describe.skipIf(skipE2E)(
  '[my cases]: a caseworker finds their own cases in one click; a coordinator filters the person list',
  () => {
    const spec = serverAndBrowser();

    it('takes a coach from the start page count to their own open cases', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, ACCOUNTS.youthCoach);
      const card = page.getByRole('link', { name: /mina ärenden/ });
      await card.waitFor();
      const shown = Number(((await card.textContent()) ?? '').replace(/\s/g, '').match(/\d+/)![0]);
      expect(shown).toBeGreaterThan(0);
      await card.click();
      await page.waitForURL(/\/my-cases$/);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mina ärenden');
      await expect.poll(() => count(page)).toBe(shown);
      const contacts = await page.locator('tbody tr td:nth-child(5)').allTextContents();
      expect(new Set(contacts)).toEqual(new Set(['Sofia Coach']));
      expect(await page.locator('tbody tr').filter({ hasText: 'Avslutad' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'my cases');

      // Closed cases too, kept in the address.
      await page.getByLabel('Ärendets status').selectOption({ label: 'Alla' });
      await page.waitForURL(/status=all/);
      await expect.poll(() => count(page)).toBeGreaterThanOrEqual(shown);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('lets a coordinator filter and sort the person list, with everything kept in the address', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/persons');
      await expect.poll(() => count(page)).toBe(300);
      await page.getByLabel('Kontaktperson').selectOption({ label: 'Ingen kontaktperson' });
      await page.waitForURL(/contactPerson=none/);
      await page.getByLabel('Ålder').selectOption({ label: 'Under 18 år' });
      await page.waitForURL(/under18=true/);
      // The count and the rows come from one answer: once every row shown is under 18, both are filtered.
      const agesShown = async () => (await page.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
      await expect
        .poll(async () => {
          const shown = await agesShown();
          return shown.length > 0 && shown.every((a) => a < 18);
        })
        .toBe(true);
      await expect.poll(() => page.locator('[aria-busy="false"]').count()).toBe(1);
      const filtered = await count(page);
      expect(filtered).toBeLessThan(300);
      expect(new Set(await page.locator('tbody tr td:nth-child(5)').allTextContents())).toEqual(
        new Set(['Ingen kontaktperson']),
      );
      const ages = await agesShown();
      expect(ages.length).toBeGreaterThan(0);

      await page.getByRole('button', { name: /^Ålder/ }).click();
      await page.waitForURL(/sort=age/);
      await expect
        .poll(async () => (await page.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number))
        .toEqual([...ages].sort((a, b) => a - b));
      await expectNoAxeViolations(page, 'filtered person list');

      await page.reload();
      await expect.poll(() => count(page)).toBe(filtered);
      expect(await page.getByLabel('Ålder').inputValue()).toBe('true');
      await page.getByRole('button', { name: 'Rensa filter' }).click();
      await expect.poll(() => count(page)).toBe(300);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
