import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/server/app.js';
import { ACCOUNTS, apiAs, expectNoAxeViolations, serverAndBrowser, skipE2E } from './fixtures.js';

const SOCIAL_WORKER = 'socialsekreterare@demo.lotsa.local';
/** A phone's screen. */
const PHONE = { width: 360, height: 740 };

/** The JavaScript the young person's first page loads (its entry and what it preloads), gzip-compressed, in bytes. */
function firstPageJavaScript(): number {
  const html = readFileSync(path.join(WEB_DIST, 'mitt.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(files.length).toBeGreaterThan(0);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(WEB_DIST, f))).length, 0);
}

describe.skipIf(skipE2E)(
  '[young person]: a young person signs in with a code, follows their plan, withdraws a consent ' +
    'and sees who read their data',
  () => {
    const spec = serverAndBrowser();
    let personId: string;
    let pnr: string;
    beforeAll(async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      pnr = spec.lotsa.unusedIdentityNumber(40);
      personId = (
        await coordinator.send('POST', '/api/v1/persons', {
          personalIdentityNumber: pnr,
          givenName: 'Ylva',
          familyName: 'Ungdom',
          phone: '070-1740605',
        })
      ).body.id;
      const staff = (await (await coordinator.api.get('/api/v1/staff')).json()) as { id: string; email: string }[];
      const teams = (await (await coordinator.api.get('/api/v1/teams')).json()) as { id: string; name: string }[];
      const person = (await (await coordinator.api.get(`/api/v1/persons/${personId}`)).json()) as {
        case: { id: string; version: number };
      };
      const coach = staff.find((s) => s.email === ACCOUNTS.youthCoach)!.id;
      expect(
        (
          await coordinator.send('PATCH', `/api/v1/cases/${person.case.id}`, {
            contactPersonId: coach,
            teamId: teams.find((t) => t.name === 'Ungdomsteamet')!.id,
            version: person.case.version,
          })
        ).status,
      ).toBe(204);
      const plan = {
        version: 0,
        followUpOn: null,
        goals: [
          {
            area: 'studies',
            title: 'Börja på komvux',
            ownWords: 'Jag vill plugga vidare',
            subGoals: [],
            steps: [{ title: 'Ringa studievägledaren', responsibleKind: 'young_person' }],
          },
        ],
      };
      expect((await coordinator.send('PUT', `/api/v1/cases/${person.case.id}/plan`, plan)).status).toBe(200);
      const units = (await (await coordinator.api.get('/api/v1/units')).json()) as { id: string; name: string }[];
      const consent = {
        recipientUnitIds: [units.find((u) => u.name === 'Socialtjänsten')!.id],
        categories: ['contact_occupation'],
        purpose: 'Stöd med boende',
        givenBy: 'young_person',
      };
      expect((await coordinator.send('POST', `/api/v1/persons/${personId}/consents`, consent)).status).toBe(201);
      await coordinator.api.dispose();
    });

    it('keeps the first page under 100 kB of compressed JavaScript', () => {
      expect(firstPageJavaScript()).toBeLessThan(100 * 1024);
    });

    it('signs in by a code on a phone, marks a step done, withdraws a consent, reads the access log', async () => {
      const social = await apiAs(spec.lotsa.baseUrl, SOCIAL_WORKER);
      expect((await social.api.get(`/api/v1/persons/${personId}`)).status()).toBe(200);

      const context = await spec.browser.newContext({
        baseURL: spec.lotsa.baseUrl,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto('/mitt');
      await page.getByLabel('Ditt personnummer').fill(pnr);
      await expectNoAxeViolations(page, '/mitt (sign-in)');
      await page.getByRole('button', { name: 'Skicka kod' }).click();
      await page.getByLabel('Koden från sms:et').waitFor();

      // The code waits in the contact person's outbox (no SMS gateway is configured).
      const coach = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      // It is made after the answer (so the answer's timing tells nothing): wait until it is there.
      const codeMessage = async () => {
        const outbox = (await (await coach.api.get('/api/v1/sms')).json()) as { personId: string; body: string }[];
        return outbox.find((m) => m.personId === personId)?.body ?? '';
      };
      await expect.poll(codeMessage, { timeout: 10_000 }).toMatch(/\d{6}/);
      const code = /(\d{6})/.exec(await codeMessage())![1]!;
      await coach.api.dispose();
      await page.getByLabel('Koden från sms:et').fill(code);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hej Ylva!' }).waitFor();
      await expect
        .poll(() => page.getByRole('region', { name: 'Min kontaktperson' }).textContent())
        .toContain('Sofia Coach');
      await page.getByRole('region', { name: 'Min vecka' }).waitFor();
      const week = page.getByRole('region', { name: 'Min vecka' });
      await week.getByRole('button', { name: 'Lägg in veckan i mobilens kalender' }).click();
      await expect
        .poll(() => week.getByLabel('Adress till din kalender').inputValue())
        .toMatch(/\/api\/v1\/schedule-feed\.ics\?token=/);
      const calendar = await page.request.get(await week.getByLabel('Adress till din kalender').inputValue());
      expect(calendar.headers()['content-type']).toContain('text/calendar');

      const plan = page.getByRole('region', { name: 'Min plan' });
      await expect.poll(() => plan.textContent()).toContain('Ringa studievägledaren');
      await plan.getByRole('button', { name: /^Jag har gjort det\s*: Ringa studievägledaren$/ }).click();
      await expect.poll(() => plan.textContent()).toContain('Klart');
      await plan.getByRole('button', { name: 'Jag godkänner planen' }).click();
      await expect.poll(() => plan.textContent()).toContain('Du har godkänt den här planen.');

      const consents = page.getByRole('region', { name: 'Mina samtycken' });
      await consents.getByRole('button', { name: /^Ta tillbaka samtycket\s*: Socialtjänsten$/ }).click();
      await expect.poll(() => consents.textContent()).toContain('Tillbakataget');
      expect((await social.api.get(`/api/v1/persons/${personId}`)).status()).toBe(404);
      await social.api.dispose();

      const log = page.getByRole('region', { name: 'Vem har läst om mig' });
      await expect.poll(() => log.textContent()).toContain('Socialtjänsten');
      expect(await log.textContent()).toContain('ditt samtycke');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await expectNoAxeViolations(page, '/mitt (signed in)');

      const extract = await page.request.get('/api/v1/me/extract.pdf?lang=sv');
      expect(extract.headers()['content-type']).toBe('application/pdf');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
