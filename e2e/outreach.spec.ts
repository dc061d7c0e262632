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

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .figure-card__value`).textContent();

describe.skipIf(skipE2E)(
  '[outreach]: a coach works the queue and the ladder, prints letters and texts; a coordinator assigns and configures',
  () => {
    const spec = serverAndBrowser();

    it('records an attempt by keyboard from the coach’s queue, reaches the person; the figures move', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, ACCOUNTS.youthCoach);
      const queues = page.getByRole('region', { name: 'Dina arbetsköer' });
      await expect.poll(() => queues.textContent()).toContain('Nästa steg i dag');
      await expect.poll(() => figure(page, 'notReached')).toMatch(/^\d+$/);
      const notReachedBefore = Number(await figure(page, 'notReached'));
      await expectNoAxeViolations(page, 'coach start page with queues and outreach figures');

      await queues.getByRole('link', { name: /Nästa steg i dag/ }).click();
      await page.waitForURL(/\/queues\/next-step-due\?contactPerson=me/);
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      await expectNoAxeViolations(page, 'queue page');

      const first = page.locator('tbody tr th a').first();
      const name = (await first.textContent())!;
      const second = (await page.locator('tbody tr th a').nth(1).textContent())!;
      const listings: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/v1/work-queues/')) listings.push(r.url());
      });
      await first.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Nästa steg: ${name}`);
      await page.getByRole('region', { name: 'Nästa steg', exact: true }).locator('.next-step').waitFor();
      await expectNoAxeViolations(page, 'next-step view');

      // Keyboard only: choose the channel and outcome and submit with Enter.
      const channel = page.getByLabel('Kanal eller steg');
      await channel.focus();
      await channel.selectOption({ label: 'Telefon till den unga' });
      await page.keyboard.press('Tab');
      await page.getByLabel('Utfall').selectOption({ label: 'Inget svar' });
      await page.getByLabel('Anteckning').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByRole('region', { name: 'Registrera kontakt' }).getByRole('status').textContent())
        .toMatch(/^Försöket är sparat\. Nästa steg: /);
      await expect
        .poll(() =>
          page.getByRole('table', { name: 'Kontaktförsök, senaste först' }).locator('tbody tr').first().textContent(),
        )
        .toContain('Telefon till den unga');

      await page.getByLabel('Kanal eller steg').selectOption({ label: 'Telefon till den unga' });
      await page.getByLabel('Utfall').selectOption({ label: 'Nådd' });
      await page.getByLabel('Sysselsättning vid kontakt').selectOption({ label: 'Arbete' });
      await page.getByLabel('Vad kom ni överens om?').fill('Ses på Ungdomstorget på torsdag.');
      await page.getByRole('button', { name: 'Spara försöket' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Registrera kontakt' }).getByRole('status').textContent())
        .toBe('Försöket är sparat. Personen är nådd.');
      await expect
        .poll(() => page.getByRole('region', { name: 'Nästa steg', exact: true }).textContent())
        .toContain('Personen är nådd.');
      expect(await page.getByRole('region', { name: 'Kontaktförsök', exact: true }).textContent()).toContain(
        'Sysselsättning: Arbete',
      );
      // The way on is the next row of the queue as listed, and neither the view nor stepping on lists the queue again.
      await expect.poll(() => page.locator('.next-in-queue').textContent()).toBe(`Nästa person i kön: ${second}`);
      await page.locator('.next-in-queue a').click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Nästa steg: ${second}`);
      await page.locator('.next-in-queue').waitFor();
      expect(listings).toEqual([]);

      await page.goto('/');
      await expect.poll(async () => Number(await figure(page, 'notReached'))).toBe(notReachedBefore - 1);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('chooses another next step with a reason, which the timeline keeps', async () => {
      const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, '/queues/next-step-due?contactPerson=me');
      await page.locator('tbody tr th a').first().click();
      const panel = page.getByRole('region', { name: 'Nästa steg', exact: true });
      await panel.getByRole('button', { name: 'Välj ett annat nästa steg' }).click();
      await panel.getByRole('button', { name: 'Spara nästa steg' }).click();
      await expect
        .poll(() => panel.locator('.field__error').textContent())
        .toContain('Skriv varför du väljer ett annat steg.');
      await panel.getByLabel('Steg', { exact: true }).selectOption({ label: 'Möte ute i fält' });
      await panel.getByLabel('Varför väljer du ett annat steg?').fill('Syns ofta vid busstationen.');
      await panel.getByRole('button', { name: 'Spara nästa steg' }).click();
      await expect.poll(() => panel.textContent()).toContain('Skäl: Syns ofta vid busstationen.');
      expect(await panel.locator('.next-step').textContent()).toContain('Möte ute i fält');
      await page.getByRole('link', { name: 'Hela personakten' }).click();
      await expect
        .poll(() => page.locator('.timeline').textContent())
        .toContain('Sofia Coach valde möte ute i fält senast');
      await context.close();
    });

    it('prints the day’s letters as one PDF, records them as sent, then puts a text in the outbox', async () => {
      const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signIn(page, ACCOUNTS.youthCoach);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Brev' }).click();
      await page.getByRole('heading', { name: 'Dagens brev' }).waitFor();
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'letters page');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Skriv ut dagens brev (PDF)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^brev-\d{4}-\d{2}-\d{2}\.pdf$/);
      // The browser is shared over a connection, so the download is read as a stream rather than from its path.
      const chunks: Buffer[] = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^PDF:en innehåller \d+ brev\./);
      await expect.poll(() => page.locator('tbody tr').count()).toBe(0);

      await page.goto('/queues/next-step-due?contactPerson=me');
      await page.locator('tbody tr th a').first().click();
      const sms = page.getByRole('region', { name: 'Skicka sms' });
      await sms.getByRole('button', { name: 'Skicka sms' }).click();
      await expect
        .poll(() => sms.getByRole('status').textContent())
        .toContain('Sms:et ligger i Lotsas utkorg och är inte skickat.');
      expect(await sms.getByRole('status').textContent()).toContain('Sofia Coach');
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sms' }).click();
      await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('I utkorgen');
      await expectNoAxeViolations(page, 'sms outbox');
      await context.close();
    });

    it('assigns a queue in bulk, edits the ladder and a template, and subscribes to the calendar', async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, '/queues/not-contacted?contactPerson=none');
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);
      const rows = page.locator('tbody tr');
      const names = [
        (await rows.nth(0).locator('th').textContent())!,
        (await rows.nth(1).locator('th').textContent())!,
      ];
      await page.getByRole('checkbox', { name: `Välj ${names[0]}` }).check();
      await page.getByRole('checkbox', { name: `Välj ${names[1]}` }).check();
      await page.getByLabel('Ny kontaktperson').selectOption({ label: 'Jonas Ungdomscoach (Ungdomscoach)' });
      await expectNoAxeViolations(page, 'queue page with bulk assignment');
      await page.getByRole('button', { name: 'Tilldela de valda' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'fick ny kontaktperson' }).textContent())
        .toBe('2 personer fick ny kontaktperson.');
      // The bar says how many are chosen, and stays in view at the bottom of the window.
      await expect.poll(() => page.locator('.bulk-bar__count').textContent()).toBe('0 valda');
      const bar = await page.locator('.bulk-bar').boundingBox();
      expect(bar!.y + bar!.height).toBeLessThanOrEqual((page.viewportSize()?.height ?? 0) + 1);
      await expect.poll(() => page.locator('tbody th').allTextContents()).not.toContain(names[0]);

      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inställningar' }).click();
      await page.getByLabel('Dagar innan kontakt räknas som försenad').fill('10');
      await page.getByRole('button', { name: 'Lägg till ett steg' }).click();
      await expectNoAxeViolations(page, 'outreach settings');
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Inställningarna är sparade.');

      await page.goto('/letters');
      await page.getByLabel('Mall', { exact: true }).selectOption({ label: 'Andra brevet' });
      await page
        .getByLabel('Text', { exact: true })
        .fill('Hej igen! Ring {{contactPerson}} på {{phone}}. Gäller 200803092381.');
      await page.getByRole('button', { name: 'Spara mallen' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Mallar' }).getByRole('alert').textContent())
        .toContain('inga personnummer');
      await page.getByLabel('Text', { exact: true }).fill('Hej igen! Ring {{contactPerson}} på {{phone}}.');
      await page.getByRole('button', { name: 'Spara mallen' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Mallar' }).getByRole('status').textContent())
        .toBe('Mallen är sparad.');

      await page.goto('/calendar');
      await page.getByRole('heading', { name: /^Veckan från/ }).waitFor();
      await expectNoAxeViolations(page, 'calendar');
      await page.getByRole('button', { name: 'Skapa prenumerationsadress' }).click();
      const url = await page.getByLabel('Din prenumerationsadress').inputValue();
      expect(url).toMatch(/\/api\/v1\/calendar-feed\.ics\?token=/);
      const feed = await (await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator)).api.get(url);
      expect(feed.headers()['content-type']).toContain('text/calendar');
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('plans a home visit for a protected identity: two staff, the notice among the letters, no address', async () => {
      const coordinator = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.coordinator);
      const created = await coordinator.send('POST', '/api/v1/persons', {
        personalIdentityNumber: spec.lotsa.unusedIdentityNumber(20),
        givenName: 'Hedda',
        familyName: 'Hemlig',
        streetAddress: 'Dolda vägen 7',
        postalCode: '433 99',
        city: 'Partille',
        protectedIdentity: true,
      });
      expect(created.status).toBe(201);
      await coordinator.api.dispose();

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.coordinator, `/persons/${created.body.id}/outreach`);
      await expect
        .poll(() => page.getByRole('region', { name: 'Kontaktuppgifter' }).textContent())
        .toContain('Personen har skyddade personuppgifter.');
      expect(await page.getByRole('region', { name: 'Skriv ut brev' }).textContent()).toContain(
        'vidarebefordran via Skatteverket',
      );
      expect(await page.getByRole('region', { name: 'Skicka sms' }).count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain('Dolda vägen');

      const booking = page.getByRole('region', { name: 'Boka möte eller hembesök' });
      await booking.getByLabel('Typ').selectOption({ label: 'Hembesök' });
      await expect.poll(() => booking.textContent()).toContain('minst 5 dagar fram');
      // Exactly the notice days ahead: the notice is due today.
      const inFiveDays = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.now() + 5 * 86_400_000),
      );
      await booking.getByLabel('Datum').fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
      await booking.getByLabel('Andra medarbetare').selectOption({ label: 'Sofia Coach' });
      await booking.getByRole('button', { name: 'Boka' }).click();
      await expect
        .poll(() => booking.getByRole('alert').textContent())
        .toContain('så långt fram att aviseringen hinner skickas');
      await booking.getByLabel('Datum').fill(inFiveDays);
      await booking.getByRole('button', { name: 'Boka' }).click();
      await expect.poll(() => booking.getByRole('status').textContent()).toBe('Bokat. Det syns i kalendern.');
      await expectNoAxeViolations(page, 'next-step view of a protected person');

      await page.goto('/letters');
      const row = page.locator('tbody tr').filter({ hasText: 'Hedda Hemlig' });
      await expect
        .poll(() => row.textContent())
        .toContain('Skyddade personuppgifter: skrivs ut utan adress och skickas via Skatteverket.');
      expect(await row.textContent()).toContain('Avisering av hembesök');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
