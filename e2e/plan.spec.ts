import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.js';
import { addDays } from '../src/core/outreach.js';
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

describe.skipIf(skipE2E)('[plan]: a coach makes a plan with two goals and prints it', () => {
  const spec = serverAndBrowser();
  let personId: string;
  beforeAll(async () => {
    // A new young person whose contact person is the coach.
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    personId = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(40),
        givenName: 'Pia',
        familyName: 'Plansson',
      })
    ).body.id;
    const person = await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json();
    const staff = await (await coordinator.api.get('/api/v1/staff')).json();
    const coach = staff.find((s: { email: string }) => s.email === ACCOUNTS.youthCoach);
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          contactPersonId: coach.id,
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    await coordinator.api.dispose();
  });

  it('builds the plan by keyboard, names a bad date, saves, signs, prints, axe-clean in both languages', async () => {
    const today = todayInSweden();
    const { page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.youthCoach, `/persons/${personId}`);
    const panel = page.getByRole('region', { name: 'Handlingsplan' });
    await expect.poll(() => panel.textContent()).toContain('Ingen handlingsplan är gjord än.');
    await panel.getByRole('link', { name: 'Gör handlingsplanen' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Handlingsplan för Pia Plansson');
    await expectNoAxeViolations(page, 'empty plan page');

    // Goal 1, by keyboard: the new goal's area takes focus.
    await page.getByRole('button', { name: 'Lägg till mål' }).focus();
    await page.keyboard.press('Enter');
    const goal1 = page.getByRole('group', { name: 'Mål 1' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-goals-0-area');
    await goal1.getByLabel('Målområde').selectOption('studies');
    await goal1.getByLabel('Målet').fill('Läsa in gymnasiebehörighet på komvux');
    await goal1.getByLabel('Med den ungas egna ord').fill('Jag vill bli undersköterska');
    await goal1.getByRole('button', { name: 'Lägg till delmål i mål 1' }).click();
    await goal1.getByLabel('Delmål 1').fill('Veta vilka kurser som saknas');
    await goal1.getByRole('button', { name: 'Lägg till steg i mål 1' }).click();
    const step1 = goal1.getByRole('group', { name: 'Steg 1' });
    await step1.getByLabel('Vad ska göras').fill('Studiebesök på vuxenutbildningen');
    await step1.getByLabel('Klart senast').fill(addDays(today, -3));

    // Goal 2, with a unit of the municipality responsible.
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const goal2 = page.getByRole('group', { name: 'Mål 2' });
    await goal2.getByLabel('Målområde').selectOption('daily_structure');
    await goal2.getByLabel('Målet').fill('Komma upp på morgonen');
    await goal2.getByRole('button', { name: 'Lägg till steg i mål 2' }).click();
    const step2 = goal2.getByRole('group', { name: 'Steg 1' });
    await step2.getByLabel('Vad ska göras').fill('Studierummet måndagar kl. 10');
    await step2.getByLabel('Vem ansvarar').selectOption('unit');
    await step2.getByLabel('Enhet').selectOption({ label: 'Arbetsmarknadsenheten' });
    await step2.getByLabel('Följs upp').fill(addDays(today, 14));
    await page.getByLabel('Nästa uppföljning av planen').fill(addDays(today, 30));

    // A step due before it starts is named, and nothing is saved.
    await page.getByRole('button', { name: 'Spara planen' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Värdet är inte giltigt.');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#plan-goals-0-steps-0-dueOn');
    await expectNoAxeViolations(page, 'plan form with an error');
    await step1.getByLabel('Klart senast').fill(addDays(today, 14));
    await page.getByRole('button', { name: 'Spara planen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.lead').textContent(), { timeout: 10_000 }).toContain('Version 1');
    await expectNoAxeViolations(page, 'saved plan');

    // Print: the PDF in Swedish and English.
    const sv = page.getByRole('link', { name: 'Skriv ut (svenska)' });
    const href = await sv.getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/cases\/[0-9a-f-]+\/plan\.pdf\?lang=sv$/);
    const pdf = await page.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await page.request.get(href!.replace('lang=sv', 'lang=en'))).status()).toBe(200);

    // The young person signs version 1 in Lotsa.
    const sign = page.getByRole('region', { name: 'Underskrift' });
    await sign.getByRole('button', { name: 'Registrera underskrift av version 1' }).click();
    await expect.poll(() => sign.textContent()).toContain('Version 1 är undertecknad.');

    // The versions list the first one; the timeline on the person page tells it.
    const versions = page.getByRole('region', { name: 'Versioner' });
    await expect.poll(() => versions.textContent()).toContain('Version 1');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Action plan for Pia Plansson');
    await expectNoAxeViolations(page, 'plan page in English');
    await page.goto(`/persons/${personId}`);
    const enPanel = page.getByRole('region', { name: 'Action plan' });
    await expect.poll(() => enPanel.textContent()).toContain('2 goals');
    await expectNoAxeViolations(page, 'person page with the plan panel in English');
    expect(errors).toEqual([]);
  });

  it('works the demo’s follow-up-due and plan-missing queues and reaches the plan', async () => {
    const { page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, ACCOUNTS.coordinator, '/queues/plan-missing');
    await expect.poll(() => heading(page).textContent()).toBe('Handlingsplan saknas');
    await expect.poll(() => page.locator('tbody tr th a').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'plan-missing queue');
    await page.goto('/queues/follow-up-due');
    await expect.poll(() => heading(page).textContent()).toBe('Uppföljning att göra');
    const first = page.locator('tbody tr th a').first();
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1);
    await expectNoAxeViolations(page, 'follow-up-due queue');
    await first.click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^Handlingsplan för /);
    const demoVersions = page.getByRole('region', { name: 'Versioner' });
    await expect.poll(() => demoVersions.textContent()).toContain('Version 1');
    await demoVersions.locator('summary').last().click();
    await expect.poll(() => demoVersions.getByRole('region', { name: 'Steg för mål 1 (Version 1)' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'a demo plan with its first version open');
    expect(errors).toEqual([]);
  });

  it('keeps the goal areas from settings; a new area is offered in the plan, axe-clean in both languages', async () => {
    const { page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Målområden' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Målområden för handlingsplaner');
    const first = page.getByRole('group', { name: 'Målområde 1: Studier' });
    await expect.poll(() => first.count()).toBe(1);
    await expectNoAxeViolations(page, 'goal areas');

    // A new area without a name is named in the summary; nothing is saved.
    await page.getByRole('button', { name: 'Lägg till målområde' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('goal-areas-11-sv');
    await page.getByRole('button', { name: 'Spara målområdena' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Skriv namnet på svenska.');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#goal-areas-11-sv');
    await expectNoAxeViolations(page, 'goal areas with an error');

    // The legend follows the name as it is typed, so the fields are found by the group's number.
    expect(await page.getByRole('group', { name: 'Målområde 12: nytt område' }).count()).toBe(1);
    await page.locator('#goal-areas-11-sv').fill('Fritid och hälsa');
    await page
      .getByRole('group', { name: 'Målområde 12: Fritid och hälsa' })
      .getByLabel('Namn på engelska')
      .fill('Leisure and health');
    await page
      .getByRole('group', { name: 'Målområde 10: Ett drogfritt liv' })
      .getByLabel('Kan väljas för nya mål')
      .uncheck();
    await page.getByRole('button', { name: 'Spara målområdena' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Målområdena är sparade.');
    await expect
      .poll(() => page.getByRole('group', { name: 'Målområde 12: Fritid och hälsa' }).textContent())
      .toContain('Kod: fritid_och_halsa');

    // The plan offers the new area and no longer the inactive one.
    const api = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const person = await (await api.api.get(`/api/v1/persons/${personId}`)).json();
    const plan = await (await api.api.get(`/api/v1/cases/${person.case.id}/plan`)).json();
    await api.api.dispose();
    const codes = plan.goalAreas.map((a: { code: string }) => a.code);
    expect(codes).toContain('fritid_och_halsa');
    expect(codes).not.toContain('drug_free_life');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Goal areas for action plans');
    await expectNoAxeViolations(page, 'goal areas in English');
    expect(errors).toEqual([]);
  });

  it('shows a social worker in the team the plan read-only once the young person consents to share it', async () => {
    const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
    const id = (
      await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(41),
        givenName: 'Sara',
        familyName: 'Samverkan',
      })
    ).body.id;
    const person = await (await coordinator.api.get(`/api/v1/persons/${id}`)).json();
    const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
    expect(
      (
        await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
          teamId: teams.find((t) => t.name === 'Ungdomsteamet')!.id,
          version: person.case.version,
        })
      ).status,
    ).toBe(204);
    const plan = await coordinator.send('PUT', `/api/v1/cases/${person.case.id}/plan`, {
      version: 0,
      goals: [
        {
          area: 'self_esteem',
          title: 'Våga ringa samtal själv',
          steps: [{ title: 'Ringa vårdcentralen', responsibleKind: 'young_person' }],
        },
      ],
    });
    expect(plan.status).toBe(200);
    const social = plan.body.units.find((u: { name: string }) => u.name === 'Socialtjänsten').id;
    expect(
      (
        await coordinator.send('POST', `/api/v1/persons/${id}/consents`, {
          recipientUnitIds: [social],
          categories: ['contact_occupation', 'assessment_plan'],
          purpose: 'Samverkan kring planen',
          givenBy: 'young_person',
        })
      ).status,
    ).toBe(201);
    await coordinator.api.dispose();

    const { page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signInAt(page, 'socialsekreterare@demo.lotsa.local', `/persons/${id}`);
    await page
      .getByRole('region', { name: 'Handlingsplan' })
      .getByRole('link', { name: 'Visa handlingsplanen' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Handlingsplan för Sara Samverkan');
    await expect
      .poll(() => page.getByRole('region', { name: 'Steg för mål 1' }).textContent())
      .toContain('Ringa vårdcentralen');
    expect(await page.getByRole('button', { name: 'Spara ändringarna' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Registrera underskrift av version 1' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'plan read by consent');
    expect(errors).toEqual([]);
  });
});
