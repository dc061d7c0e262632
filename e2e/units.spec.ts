import { describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, skipE2E } from './fixtures.js';

describe.skipIf(skipE2E)('[units]: an administrator adds, renames and deactivates a unit', () => {
  const spec = serverAndBrowser();

  it('adds a unit (not a name in use), renames and deactivates it, after which it is not offered', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.administrator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enheter' }).click();
    await page.waitForURL(/\/admin\/units$/);
    const table = page.getByRole('table', { name: 'Kommunens enheter och verksamheter' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(4);
    expect(await table.getByRole('row', { name: /Utbildningsförvaltningen/ }).textContent()).toContain('Ja');
    await expectNoAxeViolations(page, 'units admin');

    const form = page.getByRole('region', { name: 'Lägg till enhet' });
    await form.getByRole('button', { name: 'Lägg till enheten' }).click();
    await expect.poll(() => form.locator('#unit-new-name-error').textContent()).toContain('Fältet måste fyllas i.');
    await form.getByLabel(/^Namn/).fill('Ungdomsmottagningen');
    await form.getByLabel(/^Slag/).selectOption({ label: 'Extern verksamhet' });
    await form.getByRole('button', { name: 'Lägg till enheten' }).click();
    await expect
      .poll(() => page.locator('.alert--success').textContent())
      .toBe('Enheten Ungdomsmottagningen är tillagd.');
    const row = table.getByRole('row', { name: /Ungdomsmottagningen/ });
    await expect.poll(() => row.textContent()).toContain('Extern verksamhet');
    expect(await row.textContent()).toContain('Aktiv');

    // The same name, in other letters, is refused with a sentence that says why.
    await form.getByLabel(/^Namn/).fill('ungdomsmottagningen');
    await form.getByRole('button', { name: 'Lägg till enheten' }).click();
    await expect
      .poll(() => form.locator('#unit-new-name-error').textContent())
      .toContain('Det finns redan en enhet med det namnet');
    await expectNoAxeViolations(page, 'units admin with a refused name');

    // Rename, with the keyboard.
    await row.getByRole('button', { name: 'Ändra Ungdomsmottagningen' }).focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('region', { name: 'Ändra Ungdomsmottagningen' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('unit-edit-title');
    await edit.getByLabel(/^Namn/).fill('Ungdomshälsan');
    await expectNoAxeViolations(page, 'units admin, editing a unit');
    await edit.getByRole('button', { name: 'Spara enheten' }).click();
    await expect.poll(() => page.locator('.alert--success').textContent()).toBe('Enheten Ungdomshälsan är sparad.');
    const renamed = table.getByRole('row', { name: /Ungdomshälsan/ });
    await expect.poll(() => renamed.count()).toBe(1);
    expect(await table.getByRole('row', { name: /Ungdomsmottagningen/ }).count()).toBe(0);

    // Deactivate: it stays listed here, marked, and is no longer offered for a new account.
    await renamed.getByRole('button', { name: 'Ändra Ungdomshälsan' }).click();
    await page.getByRole('region', { name: 'Ändra Ungdomshälsan' }).getByLabel('Enheten är aktiv').uncheck();
    await page
      .getByRole('region', { name: 'Ändra Ungdomshälsan' })
      .getByRole('button', { name: 'Spara enheten' })
      .click();
    await expect.poll(() => renamed.textContent()).toContain('Avaktiverad');
    await expectNoAxeViolations(page, 'units admin with a deactivated unit');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personal' }).click();
    const staffForm = page.getByRole('region', { name: 'Skapa konto' });
    await expect
      .poll(() => staffForm.getByLabel('Enhet').locator('option').allTextContents())
      .toContain('Socialtjänsten');
    expect(await staffForm.getByLabel('Enhet').locator('option').allTextContents()).not.toContain('Ungdomshälsan');
    // Staff have a profession, shown in the list and chosen on the form.
    expect(await page.getByRole('row', { name: /Mats Socialsekreterare/ }).textContent()).toContain(
      'Socialsekreterare',
    );
    expect(await staffForm.getByLabel('Yrke').locator('option').allTextContents()).toContain(
      'Studie- och yrkesvägledare',
    );

    // Team member lists say what each member works as.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Team', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Jobbspåret' }).textContent())
      .toContain('Mats Socialsekreterare, Teammedlem, Socialsekreterare (Socialtjänsten)');

    // The same page in English passes axe too.
    await page.goto('/admin/units');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Units and agencies');
    await page.getByRole('table', { name: "The municipality's units and agencies" }).waitFor();
    await expectNoAxeViolations(page, 'units admin in English');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not offered to a coordinator, and the page is not found for them', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    expect(
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enheter' }).count(),
    ).toBe(0);
    await page.goto('/admin/units');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
    await context.close();
  });
});
