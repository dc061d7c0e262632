import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

const timelineItems = (page: Page) => page.locator('.timeline > li');

describe.skipIf(skipE2E)('[journal]: a coordinator writes notes and changes the contact person', () => {
  const spec = serverAndBrowser();
  let personId: string;
  beforeAll(async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: spec.lotsa.unusedIdentityNumber(10),
      givenName: 'Jonna',
      familyName: 'Journal',
    });
    personId = created.body.id;
    await coordinator.api.dispose();
  });

  it('writes a note that appears first in the timeline', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
    await page.getByRole('heading', { name: 'Journal', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect
      .poll(() => page.locator('.note-form .field__error').textContent())
      .toContain('Skriv något innan du sparar.');

    await page.getByLabel('Ny anteckning').fill('Ringde hem. Jonna vill boka ett studiebesök.');
    await page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Anteckningen är sparad.' }).count()).toBe(1);
    await expect
      .poll(() => timelineItems(page).first().textContent())
      .toContain('Ringde hem. Jonna vill boka ett studiebesök.');
    const first = timelineItems(page).first();
    expect(await first.textContent()).toContain('Karin Samordnare skrev en anteckning.');
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.getByLabel('Ny anteckning').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'person page with note');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a written note to the young person and stops again, by keyboard, axe-clean', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
    const item = timelineItems(page).filter({ hasText: 'Ringde hem.' });
    const share = item.getByRole('checkbox', { name: 'Visa för ungdomen' });
    expect(await share.isChecked()).toBe(false);
    const sharedNow = async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const events = (await (await coordinator.api.get(`/api/v1/persons/${personId}/events`)).json()) as {
        payload: { text?: string; sharedWithYoungPerson?: boolean };
      }[];
      await coordinator.api.dispose();
      return events.find((e) => e.payload.text?.startsWith('Ringde hem.'))?.payload.sharedWithYoungPerson;
    };
    await share.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => item.getByRole('status').textContent()).toBe('Anteckningen visas nu för ungdomen.');
    expect(await share.isChecked()).toBe(true);
    expect(await sharedNow()).toBe(true);
    await expectNoAxeViolations(page, 'person page, a note shown to the young person');
    await share.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => item.getByRole('status').textContent())
      .toBe('Anteckningen visas inte längre för ungdomen.');
    expect(await share.isChecked()).toBe(false);
    expect(await sharedNow()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('corrects a note: the original stays, marked as corrected and linked to its correction', async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    expect(
      (
        await coordinator.send('POST', `/api/v1/persons/${personId}/notes`, {
          text: 'Skickade brev. Jonna vill boka ett studiebesök.',
        })
      ).status,
    ).toBe(201);
    await coordinator.api.dispose();

    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
    const original = timelineItems(page).filter({ hasText: 'Skickade brev.' });
    await original.getByRole('button', { name: 'Rätta' }).click();
    const correction = page.getByLabel('Rättad text');
    expect(await correction.inputValue()).toBe('Skickade brev. Jonna vill boka ett studiebesök.');
    await correction.fill('Skickade brev. Jonna vill boka två studiebesök.');
    await page.getByRole('button', { name: 'Spara rättelsen' }).click();

    await expect
      .poll(() => timelineItems(page).first().textContent())
      .toContain('Karin Samordnare rättade en anteckning.');
    const newest = timelineItems(page).first();
    expect(await newest.textContent()).toContain('Rättelse');
    expect(await newest.textContent()).toContain('två studiebesök');
    const corrected = timelineItems(page).filter({ hasText: 'Skickade brev. Jonna vill boka ett studiebesök.' });
    expect(await corrected.locator('.badge--corrected').textContent()).toBe('Rättad');
    expect(await corrected.getByRole('button', { name: 'Rätta' }).count()).toBe(0);
    await corrected.getByRole('link', { name: 'Visa rättelsen' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('två studiebesök');
    await expectNoAxeViolations(page, 'person page with correction');
    await context.close();
  });

  it('assigns a contact person and changes the status', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
    const casePanel = page.getByRole('region', { name: 'Ärende' });
    expect(await casePanel.textContent()).toContain('Ingen kontaktperson');
    await casePanel.getByLabel('Kontaktperson').selectOption({ label: 'Sofia Coach (Ungdomscoach)' });
    await casePanel.getByLabel('Status').selectOption({ label: 'Kontaktas' });
    await casePanel.getByRole('button', { name: 'Spara ärendet' }).click();
    await expect.poll(() => casePanel.getByRole('status').textContent()).toBe('Ärendet är sparat.');
    await expect.poll(() => casePanel.locator('dl').textContent()).toContain('Sofia Coach');
    expect(await casePanel.locator('dl .badge').textContent()).toBe('Kontaktas');
    await expect
      .poll(() => page.locator('.timeline').textContent())
      .toContain('Karin Samordnare gjorde Sofia Coach till kontaktperson.');
    expect(await page.locator('.timeline').textContent()).toContain(
      'Karin Samordnare ändrade status från Ny till Kontaktas.',
    );
    await context.close();
  });

  it('asks to reload when the case changed in the meantime', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, `/persons/${personId}`);
    const casePanel = page.getByRole('region', { name: 'Ärende' });
    await casePanel.getByLabel('Status').waitFor();

    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const person = await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json();
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          status: 'active',
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    await coordinator.api.dispose();

    await casePanel.getByLabel('Status').selectOption({ label: 'Ny' });
    await casePanel.getByRole('button', { name: 'Spara ärendet' }).click();
    await expect
      .poll(() => casePanel.getByRole('alert').textContent())
      .toContain('Någon annan har ändrat uppgifterna under tiden');
    await casePanel.getByRole('button', { name: 'Ladda om' }).click();
    await expect.poll(() => casePanel.locator('dl .badge').textContent()).toBe('Pågående');
    await context.close();
  });

  it('lets a contact person write notes and change status, but not reassign', async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: spec.lotsa.unusedIdentityNumber(11),
      givenName: 'Kim',
      familyName: 'Kontakt',
    });
    const person = await (await coordinator.api.get(`/api/v1/persons/${created.body.id}`)).json();
    const staff = await (await coordinator.api.get('/api/v1/staff')).json();
    const sofia = staff.find((s: { email: string }) => s.email === ACCOUNTS.youthCoach);
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          contactPersonId: sofia.id,
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    await coordinator.api.dispose();

    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${created.body.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kim Kontakt');
    const casePanel = page.getByRole('region', { name: 'Ärende' });
    await casePanel.getByLabel('Status').waitFor();
    expect(await casePanel.getByLabel('Kontaktperson').count()).toBe(0);
    await page.getByLabel('Ny anteckning').fill('Första mötet bokat.');
    await page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect.poll(() => timelineItems(page).first().textContent()).toContain('Sofia Coach skrev en anteckning.');
    await context.close();
  });
});
