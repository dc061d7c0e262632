import { describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, signInAt, skipE2E } from './fixtures.js';

describe.skipIf(skipE2E)('[admin]: an administrator manages staff and reads the audit log', () => {
  const spec = serverAndBrowser();

  /** Signed in as the administrator on the start page, or straight on `to` (without loading the start page first). */
  async function adminPage(to?: string) {
    const opened = await openPage(spec.browser, spec.lotsa.baseUrl);
    if (to) await signInAt(opened.page, ACCOUNTS.administrator, to);
    else await signIn(opened.page, ACCOUNTS.administrator);
    return opened;
  }

  it('sees staff and audit log in the menu, but no person list', async () => {
    const { context, page } = await adminPage();
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Start',
      'Team',
      'Personal',
      'Enheter',
      'Logg',
      'Uppföljning',
    ]);
    // The demo register has never been reconciled from lists: the start page shows the first steps, not empty figures.
    const steps = page.getByRole('region', { name: 'Kom igång' });
    await expect.poll(() => steps.locator('li').count()).toBe(4);
    expect(await steps.locator('li').first().textContent()).toMatch(/^Klart/);
    expect(await steps.locator('li').last().textContent()).toMatch(/^Att göra Samordnaren stämmer av registret/);
    await expectNoAxeViolations(page, 'start page with the first steps');
    await page.goto('/persons');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
    await context.close();
  });

  it('creates an account without seeing its one-time code, which a coordinator hands out', async () => {
    const { context, page, errors } = await adminPage();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personal' }).click();
    await page.waitForURL(/\/admin\/staff$/);
    await page.getByRole('table', { name: 'Personalkonton' }).waitFor();
    await expectNoAxeViolations(page, 'staff admin');

    const form = page.getByRole('region', { name: 'Skapa konto' });
    await form.getByRole('button', { name: 'Skapa kontot' }).click();
    await expect.poll(() => form.locator('#staff-new-name-error').textContent()).toContain('Fältet måste fyllas i.');

    await form.getByLabel(/^Namn/).fill('Vera Vägledare');
    await form.getByLabel(/^E-postadress/).fill('vera@demo.lotsa.local');
    await form.getByLabel(/^Roll/).selectOption({ label: 'Teammedlem' });
    await form.getByLabel('Enhet').selectOption({ label: 'Socialtjänsten' });
    await form.getByRole('button', { name: 'Skapa kontot' }).click();

    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Kontot för Vera Vägledare (vera@demo.lotsa.local) är skapat.');
    expect(await page.getByLabel('Engångslösenord').count()).toBe(0);
    const row = page.getByRole('row', { name: /Vera Vägledare/ });
    await expect.poll(() => row.textContent()).toContain('Teammedlem');
    expect(await row.textContent()).toContain('Socialtjänsten');
    expect(await row.textContent()).toContain('Har inte bytt engångslösenordet');
    await expectNoAxeViolations(page, 'staff admin after creating an account');

    // The same e-mail address again is refused.
    await form.getByLabel(/^Namn/).fill('Vera Igen');
    await form.getByLabel(/^E-postadress/).fill('vera@demo.lotsa.local');
    await form.getByRole('button', { name: 'Skapa kontot' }).click();
    await expect
      .poll(() => form.locator('#staff-new-email-error').textContent())
      .toContain('Det finns redan ett konto med den e-postadressen.');
    expect(errors).toEqual([]);
    await context.close();

    // A coordinator, not the administrator who created the account, hands the code out.
    const coordinator = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(coordinator.page, ACCOUNTS.coordinator);
    const codes = coordinator.page.getByRole('region', { name: 'Engångskoder att lämna ut' });
    await expect
      .poll(() => codes.textContent())
      .toContain('Vera Vägledare (vera@demo.lotsa.local, Teammedlem): nytt konto som Agnes Admin bad om');
    await expectNoAxeViolations(coordinator.page, 'start page with a code to hand out');
    await codes.getByRole('button', { name: 'Lämna ut engångskod till Vera Vägledare' }).click();
    const secret = coordinator.page.getByLabel('Engångslösenord');
    await expect.poll(() => secret.inputValue()).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
    expect(await secret.getAttribute('readonly')).not.toBeNull();
    await expectNoAxeViolations(coordinator.page, 'start page with an issued code');
    const code = await secret.inputValue();
    await coordinator.context.close();

    const vera = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(vera.page, 'vera@demo.lotsa.local', code);
    expect(new URL(vera.page.url()).pathname).toBe('/change-password');
    await vera.context.close();
  });

  it('changes role and unit, deactivates an account and resets a password', async () => {
    const { context, page } = await adminPage('/admin/staff');
    await page.getByRole('button', { name: 'Ändra Jonas Ungdomscoach' }).click();
    const panel = page.getByRole('region', { name: 'Ändra kontot för Jonas Ungdomscoach' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-edit-title');
    await panel.getByLabel(/^Roll/).selectOption({ label: 'KAA-samordnare' });
    await panel.getByLabel('Enhet').selectOption({ label: 'Arbetsmarknadsenheten' });
    await panel.getByLabel('Kontot är aktivt').uncheck();
    await panel.getByRole('button', { name: 'Spara kontot' }).click();
    const row = page.getByRole('row', { name: /Jonas Ungdomscoach/ });
    await expect.poll(() => row.textContent()).toContain('Avstängt');
    expect(await row.textContent()).toContain('KAA-samordnare');
    expect(await row.textContent()).toContain('Arbetsmarknadsenheten');

    await page.getByRole('button', { name: 'Ändra Fatima Kontaktperson' }).click();
    const other = page.getByRole('region', { name: 'Ändra kontot för Fatima Kontaktperson' });
    await other.getByRole('button', { name: 'Återställ lösenordet' }).click();
    await other.getByRole('button', { name: 'Ja, återställ lösenordet för Fatima Kontaktperson' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Ett nytt lösenord för Fatima Kontaktperson är begärt.');
    expect(await page.getByLabel('Engångslösenord').count()).toBe(0);
    await context.close();
  });

  it('reads the audit log filtered by staff member, person and dates, page by page', async () => {
    // A coordinator looks at someone, so the log has something to show.
    const coordinator = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(coordinator.page, ACCOUNTS.coordinator);
    // Two pages of the person list log 50 "saw in a list" entries: enough for a second page of the log.
    await coordinator.page.goto('/persons?page=2');
    await coordinator.page.locator('tbody tr th a').first().waitFor();
    await coordinator.page.goto('/persons');
    await coordinator.page.locator('tbody tr th a').first().click();
    await coordinator.page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const personId = coordinator.page.url().split('/').pop()!;
    const personName = await coordinator.page.getByRole('heading', { level: 1 }).textContent();
    await coordinator.context.close();

    const { context, page } = await adminPage();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole('table', { name: 'Loggposter, nyast först' }).waitFor();
    await expectNoAxeViolations(page, 'audit log');
    expect(await page.locator('.pagination__status').textContent()).toMatch(/^Sida 1 av \d+$/);
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator('.pagination__status').textContent()).toMatch(/^Sida 2 av \d+$/);

    await page.getByLabel('Medarbetare').selectOption({ label: 'Karin Samordnare' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/actorId=/);
    const column = (n: number) => page.locator(`tbody tr td:nth-child(${n})`).allTextContents();
    const FILTERED = { timeout: 20_000 };
    await expect.poll(async () => new Set(await column(2))).toEqual(new Set(['Karin Samordnare']));

    // People are found by name (or identity number), not by an internal id.
    await page.getByLabel('Person', { exact: true }).fill(personName!);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/person=/);
    // Every row is the person's, and there are rows: `every` of an empty table, still loading, says true.
    // A filter by person took over a second in CI, expect.poll's default wait: allow what a busy machine needs.
    await expect
      .poll(async () => {
        const people = await column(4);
        return people.length > 0 && people.every((person) => person === `${personName}${personId}`);
      }, FILTERED)
      .toBe(true);
    await expect.poll(() => column(3), FILTERED).toContain('Läste: person');

    // By kind: every entry speaks Swedish, and the log's own reads stay out of sight until asked for.
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByLabel('Slags uppgift').selectOption({ label: 'loggen' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/entity=audit_log/);
    await expect.poll(() => page.locator('tbody').textContent()).toBe('Inga loggposter matchar filtren.');
    await page.getByLabel('Visa även läsningar av loggen').check();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/ownReads=true/);
    await expect.poll(async () => (await column(3)).length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await column(3)).filter((what) => !/^Läste: loggen \(\d+ person(er)? visades\)$/.test(what)))
      .toEqual([]);
    await expectNoAxeViolations(page, 'audit log filtered by kind');

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await page.getByLabel('Från och med').fill(tomorrow);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toBe('Inga loggposter matchar filtren.');
    await page.getByLabel('Från och med').fill(today);
    await page.getByLabel('Till och med').fill(tomorrow);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(async () => page.locator('tbody tr').count()).toBeGreaterThan(1);

    await context.close();
  });
});
