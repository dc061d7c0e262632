import { describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

describe.skipIf(skipE2E)('[i18n]: staff switch the interface between Swedish and English', () => {
  const spec = serverAndBrowser();

  it('switches to English, keeps the choice, and gets API errors in English too', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.goto('/login');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toBe('Logga in');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => h1.textContent()).toBe('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.title()).toBe('Sign in – Lotsa');
    expect(await page.locator('.skip-link').textContent()).toBe('Skip to content');
    await expectNoAxeViolations(page, 'login in English');

    await page.getByLabel('E-mail address').fill(ACCOUNTS.coordinator);
    await page.getByLabel(/^Password/).fill('wrong password');
    const login = page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await login).headers()['accept-language']).toBe('en');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong e-mail address or password.');

    await page.reload();
    await expect.poll(() => h1.textContent()).toBe('Sign in');
    await page.getByLabel('E-mail address').fill(ACCOUNTS.coordinator);
    await page.getByLabel(/^Password/).fill('lotsa-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => h1.textContent()).toBe('Hello, Karin!');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'My cases',
      'Work queues',
      'People',
      'Calendar',
      'Letters',
      'Text messages',
      'E-mail',
      'Notifications',
      'Figures',
      'Import lists',
      'Reconcile register',
      'Team meeting',
      'Applications',
      'Teams',
      'Offer catalogue',
      'Activities',
      'Emergency access',
      'Settings',
      'Assessment manual',
      'Goal areas',
      'Mitt Lotsa',
    ]);
    expect(await page.locator('.user-badge__role').textContent()).toBe('KAA coordinator');

    await nav.getByRole('link', { name: 'People' }).click();
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('300 people');
    expect(await page.getByRole('columnheader', { name: /Personal identity number/ }).count()).toBe(1);
    expect(await page.locator('.pagination__status').textContent()).toBe('Page 1 of 12');

    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => h1.textContent()).toBe('Personer');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('300 personer');
    await context.close();
  });

  it('translates error messages already on screen when the language changes', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, '/persons/new');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    const error = page.locator('#person-givenName-error');
    await expect.poll(() => error.textContent()).toContain('Fältet måste fyllas i.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => error.textContent()).toContain('This field is required.');
    expect(
      await page.getByRole('alert').filter({ hasText: 'There is a problem with the form' }).textContent(),
    ).toContain('Given name: This field is required.');
    await expectNoAxeViolations(page, 'create form in English with errors');
    expect(errors).toEqual([]);
    await context.close();
  });
});
