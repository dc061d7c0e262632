import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const panel = (page: Page) => page.getByRole('region', { name: /^(Avslut och uppföljning|Closing and follow-up)$/ });

describe.skipIf(skipE2E)(
  '[OUTCOMES]: a coordinator closes a case with an outcome and takes the person on again',
  () => {
    const spec = serverAndBrowser();
    let personId: string;
    beforeAll(async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const body = {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(43),
        givenName: 'Olle',
        familyName: 'Utfall',
      };
      personId = (await coordinator.send('POST', '/api/v1/persons', body)).body.id;
      await coordinator.api.dispose();
    });

    it('records the participant, refuses a future closing day, closes with work and reopens (Swedish)', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
      const outcomes = panel(page);
      await expect.poll(() => outcomes.textContent()).toContain('Målgrupp');

      await outcomes.getByLabel(/^Målgrupp/).selectOption({ label: 'Ung vuxen' });
      await outcomes.getByLabel(/^Gymnasieexamen/).selectOption({ label: 'Nej' });
      await outcomes.getByRole('button', { name: 'Spara uppgifterna' }).click();
      await expect
        .poll(() => outcomes.textContent(), { timeout: 10_000 })
        .toContain('Uppgifterna om deltagaren är sparade.');
      expect(await outcomes.locator('dl').textContent()).toContain('Ung vuxen');

      await outcomes.getByLabel(/^Utfall/).selectOption({ label: 'Arbete' });
      await outcomes.getByLabel(/^Avslutsdag/).fill('2099-01-01');
      await outcomes.getByLabel(/^Anteckning/).fill('Anställd på lager.');
      await outcomes.getByRole('button', { name: 'Avsluta ärendet' }).click();
      await expect
        .poll(() => page.locator('.error-summary').textContent())
        .toContain('Dagen kan inte ligga efter i dag.');
      await expectNoAxeViolations(page, 'close-case form with an error');

      // Today in Sweden, as the server judges it: the browser's own day is the machine's (UTC here), a day
      // behind from midnight in Sweden to midnight UTC.
      const today = todayInSweden();
      await outcomes.getByLabel(/^Avslutsdag/).fill(today);
      await outcomes.getByRole('button', { name: 'Avsluta ärendet' }).click();
      await expect.poll(() => outcomes.textContent(), { timeout: 10_000 }).toContain('Efter 6 månader');
      expect(await outcomes.textContent()).toContain('Arbete');
      expect(await outcomes.textContent()).toContain('Anställd på lager.');
      await expect.poll(() => page.locator('body').textContent()).toContain('avslutade ärendet');
      await expectNoAxeViolations(page, 'person page with a closed case');

      await outcomes.getByRole('button', { name: 'Ta upp igen i ett nytt ärende' }).click();
      await expect.poll(() => outcomes.textContent(), { timeout: 10_000 }).toContain('Avsluta ärendet');
      await expect.poll(() => page.locator('body').textContent()).toContain('tog upp personen igen');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
