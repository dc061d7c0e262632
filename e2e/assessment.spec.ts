import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.skipIf(skipE2E)('[assessment]: a coach assesses a young person', () => {
  const spec = serverAndBrowser();
  let next = 41;

  /**
   * A new young person whose contact person is the demo's youth coach, in Ungdomsteamet; `assessed` adds a completed
   * assessment (and a draft of its next version).
   */
  async function personOfCoach(assessed: 'none' | 'completed' | 'revising' = 'none'): Promise<string> {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const id = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(next++),
        givenName: 'Kim',
        familyName: 'Kartlagd',
      })
    ).body.id as string;
    const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
    const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
    const person = (await (await coordinator.api.get(`/api/v1/persons/${id}`)).json()) as {
      case: { id: string; version: number };
    };
    const assign = await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: staff.find((s) => s.email === ACCOUNTS.youthCoach)!.id,
      teamId: teams.find((t) => t.name === 'Ungdomsteamet')!.id,
      version: person.case.version,
    });
    expect(assign.status).toBe(204);
    await coordinator.api.dispose();
    if (assessed === 'none') return id;
    const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
    const first = (await coach.send('POST', `/api/v1/persons/${id}/assessments`, {})).body.id as string;
    const draft = {
      version: 1,
      participants: { staff: [], others: [{ role: 'young_person' }] },
      answers: { wants: 'Bli elektriker.' },
      highestEducation: 'upper_secondary_started',
      diploma: 'no',
    };
    expect((await coach.send('PUT', `/api/v1/assessments/${first}`, draft)).status).toBe(200);
    expect((await coach.send('POST', `/api/v1/assessments/${first}/complete`, { version: 2 })).status).toBe(200);
    if (assessed === 'revising')
      expect((await coach.send('POST', `/api/v1/persons/${id}/assessments`, { revises: first })).status).toBe(201);
    await coach.api.dispose();
    return id;
  }

  it('starts an assessment, saves a draft, is told what is missing, completes and reads it (Swedish)', async () => {
    const personId = await personOfCoach();
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    const panel = page.getByRole('region', { name: 'Kartläggning' });
    await expect.poll(() => panel.textContent()).toContain('Ingen kartläggning är gjord än.');
    await panel.getByRole('button', { name: 'Starta kartläggning' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Kartläggning 1');
    // No consent names the coach's unit for health: those sections say so instead of showing a form.
    expect(await page.getByRole('status').filter({ hasText: 'Vissa svar visas inte för dig' }).count()).toBe(1);

    await page.getByLabel('Vad vill du? Vad drömmer du om?').fill('Bli elektriker.');
    await page.getByLabel('Vilka betyg har du? Vilka ämnen saknas?').fill('Saknar matte 1.');
    await expectNoAxeViolations(page, 'assessment draft (sv)');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Utkastet är sparat.' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Avsluta kartläggningen' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Kartläggningen kan inte avslutas än.');
    expect(await summary.getByRole('link').count()).toBe(3);
    await expectNoAxeViolations(page, 'assessment with errors (sv)');

    await page.getByRole('checkbox', { name: 'Den unga' }).check();
    await page.getByRole('checkbox', { name: 'Vårdnadshavare' }).check();
    await page.getByLabel('Namn på vårdnadshavare (frivilligt)').fill('Vera Kartlagd');
    await page.getByLabel('Högsta avslutade utbildning').selectOption('upper_secondary_started');
    await page.getByRole('radio', { name: 'Nej' }).check();
    await page.getByRole('button', { name: 'Avsluta kartläggningen' }).click();
    await expect.poll(() => page.locator('.page-heading .badge').textContent()).toBe('Avslutad');
    expect(await page.getByRole('button', { name: 'Spara utkast' }).count()).toBe(0);
    const own = page.getByRole('region', { name: 'Med dina egna ord' });
    expect(await own.textContent()).toContain('Bli elektriker.');
    expect(await page.getByRole('region', { name: 'Vem var med' }).textContent()).toContain(
      'Vårdnadshavare: Vera Kartlagd',
    );
    expect(await page.getByRole('region', { name: 'Uppgifter till uppföljningen' }).textContent()).toContain(
      'Påbörjad gymnasieskola',
    );
    await expectNoAxeViolations(page, 'completed assessment (sv)');

    await page.getByRole('link', { name: 'Tillbaka till personen' }).click();
    await expect.poll(() => panel.textContent()).toContain('Avslutad');
    await expect.poll(() => page.locator('main').textContent()).toContain('avslutade kartläggning 1');
    expect(await page.locator('main').textContent()).toContain('Kartläggning avslutad');
    expect(await page.locator('main').textContent()).not.toContain('types.assessment');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('makes a new version that starts from the answers, while the first stays readable (English)', async () => {
    const personId = await personOfCoach('completed');
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    await page.getByRole('button', { name: 'English' }).click();
    const panel = page.getByRole('region', { name: 'Assessment' });
    await panel.getByRole('link', { name: 'Assessment 1' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Assessment 1');
    await expectNoAxeViolations(page, 'completed assessment (en)');
    await page.getByRole('button', { name: 'Make a new version of the assessment' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Assessment 2');
    expect(await page.getByLabel('What do you want? What do you dream of?').inputValue()).toBe('Bli elektriker.');
    await page.getByLabel('What do you want? What do you dream of?').fill('Bli elektriker, eller jobba i butik.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The draft is saved.' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'revision draft (en)');

    await page.getByRole('link', { name: 'See the version before this one' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Assessment 1');
    await expect
      .poll(() => page.getByRole('region', { name: 'In your own words' }).textContent())
      .toContain('Bli elektriker.');
    expect(await page.locator('main').textContent()).toContain('This is an earlier version.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a coordinator edit the manual, in Swedish and English, with no axe violations', async () => {
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    // The start page shows the share mapped beside the share reached (the demo has completed assessments).
    await expect
      .poll(() => page.locator('[data-figure="mappedShare"]').textContent())
      .toMatch(/^[1-9]\d* %Andel kartlagda$/);
    await page.goto('/settings/assessment-manual');
    await expect.poll(() => heading(page).textContent()).toBe('Kartläggningsmanual');
    await expectNoAxeViolations(page, 'manual (sv)');
    await page.getByLabel('Fråga 1 på svenska').first().fill('Vad vill du? Vad är din dröm?');
    await page.getByRole('button', { name: 'Spara manualen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Manualen är sparad som version' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Assessment manual');
    await expectNoAxeViolations(page, 'manual (en)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone: the draft and the manual do not scroll sideways at 390 px', async () => {
    const personId = await personOfCoach('revising');
    const sideways = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    await page.getByRole('region', { name: 'Kartläggning' }).getByRole('link', { name: 'Kartläggning 2' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Kartläggning 2');
    expect(await page.getByRole('button', { name: 'Spara utkast' }).count()).toBe(1);
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    await context.close();
    const coordinator = await openPage(spec.browser, spec.lotsa.baseUrl);
    await coordinator.page.setViewportSize({ width: 390, height: 844 });
    await signInAt(coordinator.page, ACCOUNTS.coordinator, '/settings/assessment-manual');
    await expect.poll(() => heading(coordinator.page).textContent()).toBe('Kartläggningsmanual');
    expect(await sideways(coordinator.page)).toBeLessThanOrEqual(1);
    expect([...errors, ...coordinator.errors]).toEqual([]);
    await coordinator.context.close();
  });
});
