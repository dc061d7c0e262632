import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, parseIdentityNumber } from '../src/core/personnummer.js';
import { COLUMNS } from '../src/core/source-lists.js';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, skipE2E } from './fixtures.js';

const dashed = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const status = (page: Page) => page.locator('.details .badge').textContent();
const wrongCheckDigit = (pnr: string) => pnr.slice(0, 11) + String((Number(pnr[11]) + 1) % 10);

describe.skipIf(skipE2E)('[register]: a coordinator builds the register from two files', () => {
  const spec = serverAndBrowser();
  let dir: string;
  /** Unused test numbers of people aged 16–19 today, so they can be in the register. */
  let young: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-lists-'));
    young = [];
    for (let n = 0; young.length < 6; n++) {
      const pnr = spec.lotsa.unusedIdentityNumber(n);
      const parsed = parseIdentityNumber(pnr);
      if (parsed.ok && ageOn(parsed.value.birthDate, new Date()) < 20) young.push(pnr);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, content: string | Buffer): string {
    const full = path.join(dir, name);
    writeFileSync(full, content);
    return full;
  }

  async function upload(page: Page, kind: 'Folkbokföringslista' | 'Inskrivningslista', filePath: string) {
    await page.goto('/register/imports');
    await page.getByRole('radio', { name: kind }).check();
    await page.locator('#import-file').setInputFiles(filePath);
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await page.waitForURL(/\/register\/imports\/[0-9a-f-]{36}$/);
  }

  it('imports a list with errors and one in Windows-1252, reconciles, and shows why on the person page', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    const [alva, bertil, , otherMunicipality] = young as [string, string, string, string];
    const badNumber = wrongCheckDigit(young[2]!);

    // The population list: Lotsa's layout, UTF-8, commas. Line 4 has a bad check digit; line 5 lives in Göteborg
    // (1480).
    const population = file(
      'folkbokforing.csv',
      [
        COLUMNS.population.join(','),
        `${alva},Alva,Testsson,Gatan 1,43330,Partille,1402,nej,`,
        `${bertil},Bertil,Testsson,Gatan 2,43330,Partille,1402,nej,`,
        `${badNumber},Felix,Felnummer,Gatan 3,43330,Partille,1402,nej,`,
        `${otherMunicipality},Greta,Göteborg,Avenyn 1,41136,Göteborg,1480,nej,`,
      ].join('\n') + '\n',
    );
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera listor' }).click();
    await page.waitForURL(/\/register\/imports$/);
    await expect.poll(() => h1(page)).toBe('Importera listor');
    expect(await page.title()).toBe('Importera listor – Lotsa');
    expect(await page.getByRole('region', { name: 'Så ska filen se ut' }).textContent()).toContain(
      'UTF-8 eller Windows-1252',
    );
    await expectNoAxeViolations(page, 'imports page');

    // Nothing chosen: the form says so.
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await expect.poll(() => page.locator('#import-file-error').textContent()).toContain('Välj en fil att ladda upp.');

    await upload(page, 'Folkbokföringslista', population);
    await expect.poll(() => h1(page)).toBe('Import av folkbokforing.csv');
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Granska fel');
    const review = page.getByRole('region', { name: 'Rader med fel' });
    await expect.poll(() => review.textContent()).toContain('1 rad har fel och kan inte föras in.');
    const errorRows = page.getByRole('table', { name: 'Rader med fel' }).locator('tbody tr');
    await expect.poll(() => errorRows.count()).toBe(1);
    expect(await errorRows.first().locator('th').textContent()).toBe('4');
    expect(await errorRows.first().textContent()).toContain('Kontrollsiffran i personnumret stämmer inte.');
    expect(await errorRows.first().textContent()).toContain(badNumber);
    const otherRows = page
      .getByRole('table', { name: 'Rader för personer i andra kommuner (förs inte in)' })
      .locator('tbody tr');
    expect(await otherRows.first().locator('th').textContent()).toBe('5');
    expect(await otherRows.first().textContent()).toContain(
      'Personen är folkbokförd i en annan kommun och importeras inte.',
    );
    await expectNoAxeViolations(page, 'import needing review');

    // Accepting needs the explicit tick.
    await page.getByRole('button', { name: 'Hoppa över raderna och använd listan' }).click();
    await expect.poll(() => page.locator('#accept-confirm-error').textContent()).toContain('Kryssa i rutan');
    await page.getByLabel('Jag godkänner att den 1 felaktiga raden hoppas över').check();
    await page.getByRole('button', { name: 'Hoppa över raderna och använd listan' }).click();
    await expect.poll(() => status(page)).toBe('Klar');
    const ready = page.getByRole('region', { name: 'Listan är klar' });
    await expect.poll(() => ready.textContent()).toContain('Giltiga rader2');
    expect(await ready.textContent()).toContain('Felaktiga rader som hoppades över1');
    expect(await ready.textContent()).toContain('Rader för andra kommuner (förs inte in)1');
    await expectNoAxeViolations(page, 'ready import');

    // The same file again is not imported twice.
    await upload(page, 'Folkbokföringslista', population);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'redan uppladdad' }).count()).toBe(1);
    expect(await status(page)).toBe('Klar');

    // The enrolment list: Windows-1252 with semicolons and a school named with "ö". Alva dropped out; Bertil is in
    // upper secondary.
    const enrolments = file(
      'inskrivningar.csv',
      Buffer.from(
        [
          COLUMNS.enrolments.join(';'),
          `${alva};12345678;Porthälla gymnasium Öjersjö;GY;NA;2024-08-19;2025-03-01;interrupted;none`,
          `${bertil};12345678;Porthälla gymnasium Öjersjö;GY;NA;2025-08-18;;;`,
        ].join('\r\n') + '\r\n',
        'latin1',
      ),
    );
    await upload(page, 'Inskrivningslista', enrolments);
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Klar');
    await expect
      .poll(() => page.getByRole('region', { name: 'Listan är klar' }).textContent())
      .toContain('Giltiga rader2');

    await page.goto('/register/imports');
    const recent = page.getByRole('table', { name: 'Senaste importer, nyast först' });
    await expect.poll(() => recent.locator('tbody tr').count()).toBe(2);
    expect(await recent.locator('tbody tr').first().textContent()).toContain('inskrivningar.csv');

    // Reconcile: preview first, then apply.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stäm av registret' }).click();
    await page.waitForURL(/\/register\/reconcile$/);
    await expect.poll(() => h1(page)).toBe('Stäm av registret');
    await expectNoAxeViolations(page, 'reconcile page');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.getByRole('region', { name: /^Förhandsgranskning per / });
    await preview.waitFor({ timeout: 20_000 });
    const entering = page.getByRole('table', { name: 'Förs in i registret' });
    // Everyone is named, not only numbered.
    expect(await entering.locator('tbody tr').allTextContents()).toEqual([
      `${dashed(alva)}Alva TestssonAvbröt gymnasieskolan`,
    ]);
    expect(await preview.textContent()).toContain('Förs in i registret (1)');
    expect(await preview.textContent()).not.toContain(dashed(bertil));
    const leavingTable = page.getByRole('table', { name: 'Förs ut ur registret' });
    expect(await leavingTable.textContent()).toContain('Flyttade från kommunen');
    expect(await leavingTable.locator('tbody tr td').first().textContent()).toMatch(/\p{L}+ \p{L}+/u);
    await expectNoAxeViolations(page, 'reconcile preview');

    // The two-row list takes most of the demo register out: the number leaving must be typed first.
    const leaving = Number(/Förs ut ur registret \((\d+)\)/.exec((await preview.textContent())!)![1]);
    expect(leaving).toBeGreaterThan(20);
    const applySection = page.getByRole('region', { name: 'Genomför' });
    expect(await applySection.getByRole('status').textContent()).toMatch(
      new RegExp(`^${leaving} av de \\d+ personerna i registret förs ut`),
    );
    await page.getByRole('button', { name: 'Genomför avstämningen' }).click();
    await expect
      .poll(() => page.locator('#reconcile-confirm-leaving-error').textContent())
      .toContain(`Skriv ${leaving}, antalet som förs ut`);
    await page.getByLabel('Antal personer som förs ut').fill(String(leaving - 1));
    await page.getByRole('button', { name: 'Genomför avstämningen' }).click();
    await expect.poll(() => page.locator('#reconcile-confirm-leaving-error').count()).toBe(1);
    await expectNoAxeViolations(page, 'reconcile asking for the number leaving');
    await page.getByLabel('Antal personer som förs ut').fill(String(leaving));
    await page.getByRole('button', { name: 'Genomför avstämningen' }).click();
    const applied = page.getByRole('region', { name: /^Avstämningen är genomförd per / });
    await applied.waitFor({ timeout: 20_000 });
    expect(await applied.textContent()).toContain('Registret är uppdaterat.');
    expect(
      await page.getByRole('table', { name: 'Fördes in i registret' }).locator('tbody tr').allTextContents(),
    ).toEqual([`${dashed(alva)}Alva TestssonAvbröt gymnasieskolan`]);
    const inRegister = page.getByRole('region', { name: 'I registret per datum' });
    await expect.poll(() => inRegister.getByRole('status').textContent()).toMatch(/^1 person i registret per /);
    await expectNoAxeViolations(page, 'reconcile applied');

    const leaver = (await page
      .getByRole('table', { name: 'Fördes ut ur registret' })
      .locator('tbody tr th')
      .first()
      .textContent())!;

    // The person page shows the period and why.
    await page
      .getByRole('table', { name: 'Fördes in i registret' })
      .getByRole('link', { name: dashed(alva) })
      .click();
    await page.waitForURL(/\/persons\?q=/);
    await page.getByRole('link', { name: 'Alva Testsson' }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await expect.poll(() => h1(page)).toBe('Alva Testsson');
    const periods = page.getByRole('region', { name: 'Perioder i registret' });
    expect(await periods.locator('tbody tr').count()).toBe(1);
    expect(await periods.locator('tbody tr').textContent()).toContain('Avbröt gymnasieskolan');
    expect(await periods.locator('tbody tr').textContent()).toContain('Pågår');
    await expect
      .poll(() => page.locator('.timeline').textContent())
      .toMatch(/Personen fördes in i registret per .+\. Skäl: Avbröt gymnasieskolan\./);
    await expectNoAxeViolations(page, 'person page after reconciliation');

    // Someone from the demo who is not in the new population list left the register, and their journal says why.
    await page.goto(`/persons?q=${leaver.replace('-', '')}`);
    await page.locator('tbody tr th a').first().click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.locator('.timeline').textContent())
      .toMatch(
        new RegExp(
          String.raw`Personen fördes ut ur registret per .+\. Skäl: Flyttade från kommunen\. ` +
            String.raw`Enligt listorna: Inte längre folkbokförd i kommunen\.`,
        ),
      );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('maps the columns of a file in another layout, then processes it', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    // Another system's export: Swedish headers in Windows-1252, semicolons, and no optional columns.
    const other = file(
      'export-fran-annat-system.csv',
      Buffer.from(
        ['Personnummer;Förnamn;Efternamn;Kommun', `${dashed(young[4]!)};Östen;Åberg;1402`].join('\r\n') + '\r\n',
        'latin1',
      ),
    );
    await upload(page, 'Folkbokföringslista', other);
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Välj kolumner');
    const mapping = page.getByRole('region', { name: 'Välj vilken kolumn som är vilken' });
    // Headers read in Windows-1252 come out right, and those named like a field are chosen already.
    expect(await page.locator('#mapping-given_name option').allTextContents()).toEqual([
      'Välj kolumn',
      'Personnummer',
      'Förnamn',
      'Efternamn',
      'Kommun',
    ]);
    expect(await page.locator('#mapping-given_name').inputValue()).toBe('Förnamn');
    expect(await page.locator('#mapping-personal_identity_number').inputValue()).toBe('Personnummer');
    expect(await page.locator('#mapping-city option').first().textContent()).toBe('— saknas —');
    await expectNoAxeViolations(page, 'mapping step');

    // The municipality code is required and not guessed.
    await mapping.getByRole('button', { name: 'Använd kolumnvalet och kontrollera filen' }).click();
    await expect
      .poll(() => page.locator('#mapping-municipality_code-error').textContent())
      .toContain('Välj vilken kolumn i filen som innehåller uppgiften.');
    await page.getByLabel(/^Kommunkod/).selectOption('Kommun');
    await page.getByLabel('Spara kolumnvalet till nästa gång').check();
    await page.getByLabel(/^Namn på kolumnvalet/).fill('Export från annat system');
    await mapping.getByRole('button', { name: 'Använd kolumnvalet och kontrollera filen' }).click();

    // One resident where the list before had two: the register guard holds it until confirmed, naming both numbers.
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Granska fel');
    const shrunk = page.getByRole('region', { name: 'Listan är mycket mindre än den förra' });
    await expect.poll(() => shrunk.textContent()).toContain('Folkbokföringslistan har 1 invånare, den förra hade 2.');
    await shrunk.getByRole('button', { name: 'Använd listan' }).click();
    await expect
      .poll(() => page.locator('#accept-confirm-error').textContent())
      .toContain('Kryssa i rutan för att bekräfta att den mindre listan ska användas.');
    await expectNoAxeViolations(page, 'population list held because it shrank');
    await page.getByLabel('Jag har kontrollerat att listan med 1 invånare är rätt och ska användas').check();
    await shrunk.getByRole('button', { name: 'Använd listan' }).click();

    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Klar');
    const ready = page.getByRole('region', { name: 'Listan är klar' });
    await expect.poll(() => ready.textContent()).toContain('Rader i filen1');
    expect(await ready.textContent()).toContain('Giltiga rader1');
    await expectNoAxeViolations(page, 'mapped import ready');

    // A second file with the same headers uses the saved mapping at once.
    const again = file(
      'export-2.csv',
      Buffer.from(
        ['Personnummer;Förnamn;Efternamn;Kommun', `${dashed(young[5]!)};Åsa;Öberg;1402`].join('\r\n') + '\r\n',
        'latin1',
      ),
    );
    await upload(page, 'Folkbokföringslista', again);
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('Klar');
    expect(errors).toEqual([]);
    await context.close();
  });
});
