import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signIn, skipE2E } from './fixtures.js';

describe.skipIf(skipE2E)('[auth]: staff sign in and out, first sign-in forces a new password', () => {
  const spec = serverAndBrowser();

  it('shows an accessible sign-in page in Swedish', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/login');
    await expect.poll(() => page.title()).toBe('Logga in – Lotsa');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await expectNoAxeViolations(page, 'login');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/persons?q=Ahmed');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('E-postadress').fill(ACCOUNTS.coordinator);
    await page.getByLabel(/^Lösenord/).fill('lotsa-demo-2026');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((url) => url.pathname === '/persons');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Ahmed');
    await context.close();
  });

  it('says so when the e-mail address or password is wrong', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/login');
    await page.getByLabel('E-postadress').fill(ACCOUNTS.coordinator);
    await page.getByLabel(/^Lösenord/).fill('inte-rätt-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Fel e-postadress eller lösenord.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page, 'login with error');
    await context.close();
  });

  it('holds back sign-in after repeated failures for one address', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/login');
    const alert = page.getByRole('alert');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('E-postadress').fill('finns.inte@demo.lotsa.local');
      await page.getByLabel(/^Lösenord/).fill(`fel-${i}`);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect.poll(() => alert.textContent()).toContain('Fel e-postadress eller lösenord.');
      await page.getByLabel(/^Lösenord/).fill('');
    }
    await page.getByLabel(/^Lösenord/).fill('fel-igen');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => alert.textContent()).toContain('För många misslyckade inloggningar');
    expect(await alert.textContent()).toMatch(/Försök igen om 1[45] min/);
    await context.close();
  });

  it('lets a coordinator sign in with the keyboard alone, then sign out', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehåll');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'login-email'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type(ACCOUNTS.coordinator);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type('lotsa-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej, Karin!');
    await expect.poll(() => page.title()).toBe('Hej, Karin! – Lotsa');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('makes a new colleague choose a password at the first sign-in', async () => {
    const admin = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.administrator);
    const created = await admin.send('POST', '/api/v1/staff', {
      name: 'Nora Nyanställd',
      email: 'nora@demo.lotsa.local',
      role: 'youth_coach',
      unitId: null,
    });
    expect(created.status).toBe(201);
    expect(created.body.oneTimePassword).toBeUndefined();
    await admin.api.dispose();
    // The administrator never sees the code: a coordinator issues it.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const issued = await coordinator.send('POST', `/api/v1/sign-in-codes/${created.body.codeRequestId}/issue`);
    expect(issued.status).toBe(200);
    const oneTimePassword: string = issued.body.oneTimePassword;
    await coordinator.api.dispose();

    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, 'nora@demo.lotsa.local', oneTimePassword);
    expect(new URL(page.url()).pathname).toBe('/change-password');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Byt lösenord');
    await expectNoAxeViolations(page, 'change password');

    // Other pages wait until the password is changed.
    await page.goto('/persons');
    await page.waitForURL(/\/change-password/);

    // Just signed in with the one-time password: it is not asked for again.
    expect(await page.getByLabel('Nuvarande lösenord').count()).toBe(0);
    await page.getByLabel('Nytt lösenord').fill('för-kort');
    await page.getByLabel('Upprepa det nya lösenordet').fill('för-kort');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.locator('#password-new-error').textContent()).toContain('minst 12 tecken');
    expect(await page.getAttribute('#password-new', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'change password with errors');

    // A common password is refused with a sentence that says why.
    await page.getByLabel('Nytt lösenord').fill('password1234');
    await page.getByLabel('Upprepa det nya lösenordet').fill('password1234');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect
      .poll(() => page.locator('#password-new-error').textContent())
      .toContain('för vanligt eller lätt att gissa');

    await page.getByLabel('Nytt lösenord').fill('ett eget långt lösenord');
    await page.getByLabel('Upprepa det nya lösenordet').fill('ett eget långt lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Ditt lösenord är bytt.');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej, Nora!');
    await context.close();
  });
});
