import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  apiAs,
  expectNoAxeViolations,
  openPage,
  serverAndBrowser,
  signIn,
  signInAt,
  skipE2E,
} from './fixtures.js';

describe.skipIf(skipE2E)('[access]: each role sees only what it needs; managers see figures, never identities', () => {
  const spec = serverAndBrowser();
  let outsiderId: string;
  beforeAll(async () => {
    // A new person with no team and no contact person: only coordinators may see them.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const created = await coordinator.send('POST', '/api/v1/persons', {
      personalIdentityNumber: spec.lotsa.unusedIdentityNumber(20),
      givenName: 'Otto',
      familyName: 'Utanför',
    });
    outsiderId = created.body.id;
    await coordinator.api.dispose();
  });

  it('shows a manager the figures but no person list', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.manager);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej, Birgitta!');
    const figures = page.getByRole('region', { name: 'Läget just nu' });
    await expect.poll(() => figures.textContent()).toContain('i registret');
    expect(await figures.textContent()).toContain('öppna ärenden');
    expect(await figures.textContent()).toContain('utan kontaktperson');
    expect(await figures.textContent()).not.toContain('mina ärenden');
    expect(await page.getByRole('table', { name: 'Antal ärenden per status' }).textContent()).toContain('Pågående');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual([
      'Start',
      'Siffror',
    ]);
    expect(await page.locator('a[href^="/persons"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'manager start page');

    await page.goto('/persons');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
    expect(await page.locator('table').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a coordinator the figures with their own cases and the way to the person list', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    const figures = page.getByRole('region', { name: 'Läget just nu' });
    await expect.poll(() => figures.textContent()).toContain('mina ärenden');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual([
      'Start',
      'Mina ärenden',
      'Arbetsköer',
      'Personer',
      'Kalender',
      'Brev',
      'Sms',
      'E-post',
      'Anmälningar',
      'Siffror',
      'Importera listor',
      'Stäm av registret',
      'Teammöte',
      'Ansökningar',
      'Team',
      'Insatskatalog',
      'Aktiviteter',
      'Nödåtkomst',
      'Inställningar',
      'Kartläggningsmanual',
      'Målområden',
      'Mitt Lotsa',
    ]);
    await expectNoAxeViolations(page, 'coordinator start page');
    await context.close();
  });

  it('shows a school reporter the way to notify, and lets them browse nothing', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.schoolReporter);
    await expect.poll(() => page.getByRole('heading', { name: 'Anmälningar från skolan' }).count()).toBe(1);
    expect(
      await page.getByRole('region', { name: 'Anmälningar från skolan' }).getByRole('link').allTextContents(),
    ).toEqual(['Gör en ny anmälan', 'Mina anmälningar']);
    expect(await page.getByRole('region', { name: 'Läget just nu' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual([
      'Start',
      'Anmälningar',
    ]);
    await expectNoAxeViolations(page, 'school reporter start page');
    await page.goto(`/persons/${outsiderId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
    await context.close();
  });

  it('gives a youth coach the not-found page for a person outside their caseload', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${outsiderId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan finns inte');
    expect(await page.locator('main').textContent()).toContain(
      'Det du söker finns inte, eller så har du inte behörighet att se det.',
    );
    expect(await page.locator('main').textContent()).not.toContain('Utanför');
    await expectNoAxeViolations(page, 'not found page');

    await page.goto('/persons?q=Utanför');
    await expect.poll(() => page.locator('tbody').textContent()).toBe('Inga personer matchar sökningen.');
    await context.close();
  });

  it('shows a team member of another agency only their own cases and those the young person consented to', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, 'socialsekreterare@demo.lotsa.local', '/persons');
    await expect.poll(async () => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Ny person' }).count()).toBe(0);
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const all = (await (await coordinator.api.get('/api/v1/persons?pageSize=1')).json()) as { total: number };
    await coordinator.api.dispose();
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/\d/);
    const mine = Number((await page.locator('.result-count').textContent())!.replace(/\s/g, '').match(/\d+/)![0]);
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(all.total);
    await page.locator('tbody tr th a').first().click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const access = page.getByRole('region', { name: 'Vad du ser och varför' });
    await expect.poll(() => access.textContent()).toMatch(/kontaktperson i ärendet|ungdomen har samtyckt/);
    expect(await page.getByRole('link', { name: 'Ändra uppgifter' }).count()).toBe(0);
    await context.close();
  });
});
