import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { genderOf } from '../src/core/figures.js';
import { recentHalves } from '../src/core/scb.js';
import { todayInSweden } from '../src/core/dates.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const BLOCK_TABLES = [
  'Registreringar och skäl per kod',
  'Kontakter och sysselsättning per kod',
  'Påbörjade insatser per kod',
  'Avslutade insatser per kod',
  'Avregistreringar och skäl per kod',
];
const halves = recentHalves(todayInSweden(), 4);
let half = halves[0]!;
const labelOf = (h: string) => `${h.slice(0, 4)}, halvår ${h.slice(-1)}`;

/** The text of a downloaded file. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe.skipIf(skipE2E)(
  '[FIGURES]: a coordinator checks the SCB return, sets the figure settings and traces a count to its cases; ' +
    'a manager sees counts only',
  () => {
    const spec = serverAndBrowser();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field
    let scb: any;
    let teaPnr = '';
    beforeAll(async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      teaPnr = spec.lotsa.unusedIdentityNumber(71);
      const body = {
        personalIdentityNumber: teaPnr,
        givenName: 'Tea',
        familyName: 'Spårsson',
      };
      const personId = (await coordinator.send('POST', '/api/v1/persons', body)).body.id;
      const person = await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json();
      const closed = await coordinator.send('POST', `/api/v1/cases/${person.case.id}/close`, {
        outcome: 'moved',
        closedOn: todayInSweden(),
        version: person.case.version,
      });
      expect(closed.status).toBe(200);
      // The recent half-year with failed checks in the demo data, if any has, else the current one.
      for (const h of [...halves].reverse()) {
        const r = await (await coordinator.api.get(`/api/v1/reports/scb?half=${h}`)).json();
        if (!scb || r.checks.listed.length > 0) [scb, half] = [r, h];
      }
      await coordinator.api.dispose();
    });

    it('shows the coordinator the five blocks and every failed check, and downloads the CSV (Swedish)', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/figures');
      await page.getByRole('link', { name: 'Halvårsrapport till SCB' }).click();
      await page.getByRole('heading', { name: 'Halvårsrapport till SCB', level: 1 }).waitFor();
      // By keyboard: the half-year, then Tab to the button and Enter.
      await page.getByRole('combobox', { name: 'Halvår' }).selectOption(half);
      await page.getByRole('combobox', { name: 'Halvår' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toContain(`half=${half}`);
      await page.getByRole('heading', { name: `Kontroller för ${labelOf(half)}` }).waitFor();
      for (const name of BLOCK_TABLES) await page.getByRole('table', { name, exact: true }).waitFor();
      const registrations = page.getByRole('table', { name: BLOCK_TABLES[0], exact: true });
      const total = await registrations
        .getByRole('row', { name: /^Totalt/ })
        .locator('td')
        .last()
        .textContent();
      expect(Number(total?.replace(/\s/g, ''))).toBe(scb.blocks.registrations.total);
      if (scb.checks.listed.length) {
        const failed = page.getByRole('table', { name: 'Kontroller som inte är godkända' });
        await expect.poll(() => failed.getByRole('row').count()).toBe(scb.checks.listed.length + 1);
        const first = scb.checks.listed[0];
        expect(await failed.getByRole('link').first().getAttribute('href')).toBe(`/persons/${first.person.id}`);
      } else {
        expect(await page.getByRole('status').allTextContents()).toContain(
          'Alla kontroller är godkända. Filen kan skickas till SCB.',
        );
      }
      await expectNoAxeViolations(page, 'SCB return (sv)');
      if (scb.blocks.registrations.total > 0) {
        // Each count leads to the persons behind it: the block's total to as many rows (up to the list's limit).
        await registrations
          .getByRole('link', { name: /: visa personerna bakom Registreringar och skäl, Totalt$/ })
          .click();
        await page
          .getByRole('heading', { name: /^Personer bakom siffran: Registreringar och skäl, alla koder/ })
          .waitFor();
        const rows = page.getByRole('table', { name: /rad/ });
        await expect.poll(() => rows.locator('tbody tr').count()).toBe(Math.min(scb.blocks.registrations.total, 500));
        await expectNoAxeViolations(page, 'persons behind an SCB count (sv)');
        await page.getByRole('link', { name: 'Till halvårsrapporten' }).click();
        await expect.poll(() => page.url()).toContain(`half=${half}`);
      }
      const csv = await downloaded(page, () =>
        page.getByRole('link', { name: `Ladda ner filen för ${labelOf(half)} som CSV (till SCB)` }).click(),
      );
      expect(csv.split('\r\n')[0]).toBe('block;municipality_code;identity_number;date;code;code_list_version');
      expect(await page.getByRole('link', { name: /som Excel \(XLSX, att läsa\)$/ }).getAttribute('href')).toContain(
        'format=xlsx',
      );
      expect(errors).toEqual([]);
      await context.close();
    });

    it('reads the SCB return in English with no axe violations', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, `/figures/scb?half=${half}`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Half-year return to SCB', level: 1 }).waitFor();
      await page.getByRole('table', { name: 'Measures started by code' }).waitFor();
      await expectNoAxeViolations(page, 'SCB return (en)');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('lets the coordinator set the target and see it in the outcome table', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/figures');
      await page.getByRole('link', { name: 'Inställningar för siffrorna' }).click();
      await page.getByRole('heading', { name: 'Inställningar för siffrorna', level: 1 }).waitFor();
      const months = page.getByLabel('Inom antal månader från start');
      await expect.poll(() => months.inputValue()).toBe('5');
      expect(await page.getByLabel('Uppföljning efter avslut (månader)').inputValue()).toBe('6, 12');
      await expectNoAxeViolations(page, 'figure settings (sv)');
      // An emptied field is named in the error summary, checked with core's schema before anything is sent.
      await months.fill('');
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Inom antal månader från start');
      await expectNoAxeViolations(page, 'figure settings with an error (sv)');
      await months.fill('4');
      await page.getByLabel('Målandel (procent)').fill('55');
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      await page.getByText('Inställningarna är sparade.').waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel('Inom antal månader från start').inputValue()).toBe('4');
      await page.getByRole('link', { name: 'Till siffrorna' }).click();
      const table = page.getByRole('table', { name: /^Utfall per kön, målgrupp och bakgrund/ });
      await table.getByRole('rowheader', { name: 'Till studier eller arbete inom 4 månader (mål 55 %)' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('takes the coordinator from a count in the outcome table to the cases behind it', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/figures');
      const table = page.getByRole('table', { name: /^Utfall per kön, målgrupp och bakgrund/ });
      await table.getByRole('link', { name: /: visa ärendena bakom Flyttat$/ }).click();
      await page.getByRole('heading', { name: /^Ärenden bakom siffran: Flyttat/, level: 1 }).waitFor();
      const cases = page.getByRole('table', { name: /ärende/ });
      await cases.getByRole('link', { name: 'Tea Spårsson' }).waitFor();
      await expectNoAxeViolations(page, 'cases behind a count (sv)');
      await cases.getByRole('link', { name: 'Tea Spårsson' }).click();
      await expect.poll(() => page.url()).toMatch(/\/persons\/[0-9a-f-]+$/);
      // The count of her gender in the same row leads to her too.
      await page.goto('/figures');
      const gender = genderOf(teaPnr) === 'female' ? 'Kvinnor' : 'Män';
      await table.getByRole('link', { name: new RegExp(`: visa ärendena bakom Flyttat, ${gender}$`) }).click();
      await page.getByRole('heading', { name: new RegExp(`^Ärenden bakom siffran: Flyttat, ${gender}`) }).waitFor();
      await page
        .getByRole('table', { name: /ärende/ })
        .getByRole('link', { name: 'Tea Spårsson' })
        .waitFor();
      // The median time to the outcome leads to the cases it is taken over, each with its start, end and days.
      await page.goto('/figures');
      await page
        .getByRole('table', { name: /^Tid till utfall \(median, dagar\)/ })
        .getByRole('link', { name: /: visa de ärenden som medianen till avslut med utfall räknas på$/ })
        .click();
      await page
        .getByRole('heading', { name: /^Ärenden bakom siffran: Alla avslutade, tid från start till avslut med utfall/ })
        .waitFor();
      const spans = page.getByRole('table', { name: /ärende/ });
      await spans.getByRole('columnheader', { name: 'Dagar' }).waitFor();
      await spans.getByRole('link', { name: 'Tea Spårsson' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('reads the figure settings and the cases behind a count in English with no axe violations', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/settings/figures');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Settings for the figures', level: 1 }).waitFor();
      await page.getByLabel('Target share (per cent)').waitFor();
      await expectNoAxeViolations(page, 'figure settings (en)');
      await page.getByRole('link', { name: 'Back to the figures' }).click();
      const table = page.getByRole('table', { name: /^Outcomes by gender, target group and background/ });
      await table.getByRole('link', { name: /: show the cases behind Moved away$/ }).click();
      await page.getByRole('heading', { name: /^Cases behind the figure: Moved away/, level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Tea Spårsson' }).waitFor();
      await expectNoAxeViolations(page, 'cases behind a count (en)');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('gives a manager counts only: no file, no names, no way to the cases or the settings', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.manager, '/figures');
      const table = page.getByRole('table', { name: /^Utfall per kön, målgrupp och bakgrund/ });
      await table.waitFor();
      expect(await table.getByRole('link').count()).toBe(0);
      const medians = page.getByRole('table', { name: /^Tid till utfall \(median, dagar\)/ });
      await medians.waitFor();
      expect(await medians.getByRole('link').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Inställningar för siffrorna' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Halvårsrapport till SCB' }).click();
      await page.getByRole('table', { name: BLOCK_TABLES[2], exact: true }).waitFor();
      expect(await page.getByRole('link', { name: /som CSV/ }).count()).toBe(0);
      await page.getByText('Bara kommunens samordnare kan ladda ner den.', { exact: false }).waitFor();
      expect(await page.locator('main a[href^="/persons"]').count()).toBe(0);
      expect(await page.locator('main a[href^="/figures/cases"]').count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('Spårsson');
      await expectNoAxeViolations(page, 'SCB return (manager)');
      await page.goto('/figures/cases?from=2020-01-01&to=2030-12-31');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
      expect(await page.locator('main').textContent()).not.toContain('Spårsson');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
