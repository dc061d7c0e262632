import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, expectNoAxeViolations, openPage, serverAndBrowser, signInAt, skipE2E } from './fixtures.js';

/** A person in the coach's own next-step queue with a phone number the coach may see. */
async function coachesPersonWithPhone(baseUrl: string, skip = 0): Promise<{ id: string; name: string }> {
  const { api } = await apiAs(baseUrl, ACCOUNTS.youthCoach);
  const queue = (await (await api.get('/api/v1/work-queues/next-step-due?contactPerson=me')).json()) as {
    items: { personId: string }[];
  };
  const found: { id: string; name: string }[] = [];
  for (const item of queue.items) {
    const person = await (await api.get(`/api/v1/persons/${item.personId}`)).json();
    if (person.phone && !person.contactDetailsHidden)
      found.push({ id: person.id, name: `${person.givenName} ${person.familyName}` });
    if (found.length > skip) break;
  }
  await api.dispose();
  if (!found[skip]) throw new Error('no person with a phone number in the coach’s queue');
  return found[skip];
}

describe.skipIf(skipE2E)(
  '[contact]: a coach records honest contact on the person page ' +
    'and confirms outbox messages; emergency access behind a link',
  () => {
    const spec = serverAndBrowser();

    it('saves an attempt only with an outcome of the channel; the occupation only after a conversation', async () => {
      const person = await coachesPersonWithPhone(spec.lotsa.baseUrl);
      const { api, send } = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const start = new Date(Date.now() + 3 * 86_400_000);
      start.setUTCHours(9, 0, 0, 0);
      expect(
        (
          await send('POST', '/api/v1/meetings', {
            kind: 'meeting',
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
            personId: person.id,
          })
        ).status,
      ).toBe(201);

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${person.id}`);
      const next = page.getByRole('region', { name: 'Nästa steg', exact: true });
      await expect.poll(() => next.textContent()).toContain('Bokade möten');
      expect(await next.textContent()).toContain('Möte');
      const form = page.getByRole('region', { name: 'Registrera kontakt' });
      const attempts = page.getByRole('region', { name: 'Kontaktförsök', exact: true });
      await attempts.waitFor();
      await expectNoAxeViolations(page, 'person page as the hub');
      const attemptsBefore = await attempts.locator('tbody tr').count();

      await form.getByLabel('Kanal eller steg').selectOption({ label: 'Brev' });
      expect(await form.getByLabel('Utfall').locator('option').allTextContents()).toEqual([
        'Välj vad som hände …',
        'Skickat',
        'Brevet kom tillbaka',
      ]);
      expect(await form.getByLabel('Utfall').inputValue()).toBe('');
      await form.getByRole('button', { name: 'Spara försöket' }).click();
      await expect
        .poll(() => form.getByRole('alert').textContent())
        .toContain('Välj vad som hände vid kontaktförsöket. Inget utfall är förvalt.');
      expect(await form.getByLabel('Utfall').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'attempt form refusing a missing outcome');
      expect(await attempts.locator('tbody tr').count()).toBe(attemptsBefore);

      // The API refuses the same with problem+json.
      const direct = await send('POST', `/api/v1/persons/${person.id}/contact-attempts`, {
        channel: 'letter',
        at: new Date().toISOString(),
      });
      expect(direct.status).toBe(400);
      expect(direct.body).toMatchObject({ code: 'outcome_required', errors: [{ field: 'outcome', code: 'required' }] });
      expect(
        (
          await send('POST', `/api/v1/persons/${person.id}/contact-attempts`, {
            channel: 'letter',
            outcome: 'reached',
            at: new Date().toISOString(),
          })
        ).body.code,
      ).toBe('invalid_outcome');

      await form.getByLabel('Kanal eller steg').selectOption({ label: 'Telefon till den unga' });
      await form.getByLabel('Utfall').selectOption({ label: 'Nådd' });
      await form.getByLabel('Sysselsättning vid kontakt').waitFor();
      await form.getByLabel('Utfall').selectOption({ label: 'Inget svar' });
      expect(await form.getByLabel('Sysselsättning vid kontakt').count()).toBe(0);
      await form.getByRole('button', { name: 'Spara försöket' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Försöket är sparat\. Nästa steg: /);
      await expect.poll(() => attempts.locator('tbody tr').count()).toBe(attemptsBefore + 1);
      expect(await attempts.locator('tbody tr').first().textContent()).toContain('Inget svar');
      expect(await form.getByLabel('Utfall').inputValue()).toBe('');
      expect(errors).toEqual([]);
      await api.dispose();
      await context.close();
    });

    it('keeps the emergency-access form behind a small link for a reader whose access is limited', async () => {
      const person = await coachesPersonWithPhone(spec.lotsa.baseUrl);
      const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${person.id}`);
      const access = page.getByRole('region', { name: 'Vad du ser och varför' });
      const link = access.getByRole('button', { name: 'Nödåtkomst i en akut situation' });
      await link.waitFor();
      expect(await link.getAttribute('aria-expanded')).toBe('false');
      expect(await access.getByLabel(/^Skäl/).count()).toBe(0);
      await link.click();
      expect(await link.getAttribute('aria-expanded')).toBe('true');
      await access.getByLabel(/^Skäl/).waitFor();
      await expectNoAxeViolations(page, 'person page with the emergency-access form open');
      await context.close();
    });

    it('records no attempt for an outbox text until the coach confirms it was sent (panel or outbox)', async () => {
      const person = await coachesPersonWithPhone(spec.lotsa.baseUrl, 1);
      const { api } = await apiAs(spec.lotsa.baseUrl, ACCOUNTS.youthCoach);
      const attemptCount = async () =>
        ((await (await api.get(`/api/v1/persons/${person.id}/outreach`)).json()) as { attempts: unknown[] }).attempts
          .length;
      const before = await attemptCount();

      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await signInAt(page, ACCOUNTS.youthCoach, `/persons/${person.id}/outreach`);
      const sms = page.getByRole('region', { name: 'Skicka sms' });
      await sms.getByRole('button', { name: 'Skicka sms' }).click();
      await expect
        .poll(() => sms.getByRole('status').textContent())
        .toContain('Sms:et ligger i Lotsas utkorg och är inte skickat.');
      expect(await attemptCount()).toBe(before);
      await expectNoAxeViolations(page, 'next-step view with an unconfirmed outbox message');
      await sms.getByRole('button', { name: 'Jag har skickat sms:et' }).click();
      await expect.poll(() => sms.getByRole('status').textContent()).toContain('Sms:et är registrerat som skickat.');
      expect(await attemptCount()).toBe(before + 1);
      await expect
        .poll(() =>
          page.getByRole('table', { name: 'Kontaktförsök, senaste först' }).locator('tbody tr').first().textContent(),
        )
        .toContain('Skickat');

      // A second message, confirmed from the outbox page.
      await sms.getByRole('button', { name: 'Skicka sms' }).click();
      await expect.poll(() => sms.getByRole('button', { name: 'Jag har skickat sms:et' }).count()).toBe(1);
      // The person page, the hub, lists it as awaiting confirmation too.
      await page.goto(`/persons/${person.id}`);
      const awaiting = page.getByRole('region', { name: 'Sms som väntar på bekräftelse' });
      await expect
        .poll(() => awaiting.textContent())
        .toContain('räknas inte som ett kontaktförsök förrän du bekräftar');
      expect(
        await awaiting.getByRole('button', { name: /^Jag har skickat sms:et: Sms till den unga från / }).count(),
      ).toBe(1);
      await expectNoAxeViolations(page, 'person page with an outbox message awaiting confirmation');
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sms' }).click();
      const confirm = page.getByRole('button', { name: `Bekräfta skickat: sms till ${person.name}` });
      await expect.poll(() => confirm.count()).toBe(1);
      expect(await page.locator('tbody tr').first().textContent()).toContain('väntar på bekräftelse');
      await expectNoAxeViolations(page, 'sms outbox with a message awaiting confirmation');
      await confirm.click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toBe('Sms:et är registrerat som skickat och som ett kontaktförsök.');
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await attemptCount()).toBe(before + 2);
      expect(errors).toEqual([]);
      await api.dispose();
      await context.close();
    });
  },
);
