/**
 * Letters: which are due today, and rendering one person's letter or the day's batch as a single
 * PDF, optionally recording each as a sent letter on the ladder. A person with protected identity
 * never has an address printed: the letter is marked for forwarding through Skatteverket. Each
 * person listed or printed is audited with the access basis (why the staff member may reach them).
 */
import type { z } from 'zod';
import type { letterBody, LetterDue } from '../../../core/outreach-schemas.js';
import { requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import type { Db } from '../../db/connection.js';
import { audited, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { insertAttempt } from '../contact/contact.service.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';
import { attemptByIdempotencyKey } from '../contact/contact.queries.js';
import { renderLettersPdf, type LetterPage } from './letter-pdf.js';
import { fill, templateFor } from './templates.js';
import {
  ladderLettersDue,
  letterPersons,
  markNoticeSent,
  municipalityName,
  noticesDue,
  noticesFor,
} from './letters.queries.js';

type Kind = LetterDue['kind'];
type Language = 'sv' | 'en';
/** A letter to print: who, which kind, and for a home-visit notice the meeting it announces. */
type Planned = LetterDue & {
  meetingId: string | null;
  startsAt: Date | null;
  contactName: string | null;
  pnr: string;
  street: string | null;
  postal: string | null;
  city: string | null;
  access: ReturnType<typeof readBasis>;
};

type PersonRow = {
  id: string;
  given_name: string;
  family_name: string;
  personal_identity_number: string;
  protected_identity: boolean;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  contact_name: string | null;
} & Parameters<typeof readBasis>[0];

function planned(r: PersonRow, kind: Kind, dueOn: string, meeting: { id: string; starts_at: Date } | null): Planned {
  const forward = r.protected_identity;
  return {
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    kind,
    dueOn,
    forwardViaSkatteverket: forward,
    noAddress: !forward && !(r.street_address && r.postal_code && r.city),
    meetingId: meeting?.id ?? null,
    startsAt: meeting?.starts_at ?? null,
    contactName: r.contact_name,
    pnr: r.personal_identity_number.trim(),
    street: r.street_address,
    postal: r.postal_code,
    city: r.city,
    access: readBasis(r),
  };
}

/** Every letter due today or earlier for persons the actor may see: ladder letters and home-visit notices. */
async function dueLetters(db: Db, ctx: RequestContext): Promise<Planned[]> {
  const today = todayInSweden(ctx.clock.now());
  const [ladder, notices] = await Promise.all([
    ladderLettersDue(db, ctx.actor, today),
    noticesDue(db, ctx.actor, today),
  ]);
  return [
    ...ladder.map((r) => planned(r, r.channel as Kind, r.due_on, null)),
    ...notices.map((r) =>
      planned(r, 'home_visit_notice', r.notice_due_on, { id: r.meeting_id, starts_at: r.starts_at }),
    ),
  ];
}

/** GET /letters/due: what the day's batch would hold, and which letters need forwarding or have no address. */
export async function listDueLetters(ctx: RequestContext): Promise<LetterDue[]> {
  requireCapability(ctx.actor, 'outreach.work');
  return audited(ctx, async ({ trx, audit }) => {
    const due = await dueLetters(trx, ctx);
    await audit(
      ...due.map((d) => ({
        action: 'list' as const,
        entity: 'letter' as const,
        entityId: d.personId,
        personId: d.personId,
        detail: d.access,
      })),
    );
    return due.map(({ personId, givenName, familyName, kind, dueOn, forwardViaSkatteverket, noAddress }) => ({
      personId,
      givenName,
      familyName,
      kind,
      dueOn,
      forwardViaSkatteverket,
      noAddress,
    }));
  });
}

/**
 * The letters for the listed persons: the given kind, or the letter their ladder is at. 404 for a person out of reach.
 */
async function lettersFor(
  db: Db,
  ctx: RequestContext,
  { personIds, kind }: { personIds: string[]; kind: Kind | undefined },
): Promise<Planned[]> {
  const today = todayInSweden(ctx.clock.now());
  if (kind === 'home_visit_notice') {
    const rows = await noticesFor(db, ctx.actor, personIds);
    const first = personIds.map((id) => rows.find((r) => r.id === id));
    if (first.some((r) => !r)) throw new AppError('nothing_to_print');
    return first.map((r) => planned(r!, kind, r!.notice_due_on, { id: r!.meeting_id, starts_at: r!.starts_at }));
  }
  const rows = await letterPersons(db, ctx.actor, personIds);
  if (rows.length !== new Set(personIds).size) throw new AppError('not_found');
  return rows.map((r) => planned(r, kind ?? (r.channel === 'second_letter' ? 'second_letter' : 'letter'), today, null));
}

const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

function pageOf(
  p: Planned,
  template: { heading: string; body: string },
  context: {
    language: Language;
    actorName: string;
    phone: string;
    returnAddress: string;
    municipality: string;
    now: Date;
  },
): LetterPage {
  const locale = context.language === 'en' ? 'en-GB' : 'sv-SE';
  const meetingTime = p.startsAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: SWEDISH_TIME_ZONE }).format(
        p.startsAt,
      )
    : '';
  const values = {
    name: `${p.givenName} ${p.familyName}`,
    contactPerson: p.contactName ?? context.actorName,
    phone: context.phone,
    meetingTime,
  };
  const name = `${p.givenName} ${p.familyName}`;
  // Skatteverket forwards mail to people with protected identity; their address is never printed.
  const windowLines = p.forwardViaSkatteverket
    ? [name, `${p.pnr.slice(0, 8)}-${p.pnr.slice(8)}`, 'För vidarebefordran via Skatteverket']
    : [name, p.street ?? '', `${p.postal ?? ''}  ${p.city ?? ''}`.trim()];
  return {
    windowLines,
    returnAddress: context.returnAddress ? `Returadress: ${context.returnAddress}` : '',
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: SWEDISH_TIME_ZONE }).format(context.now),
    heading: fill(template.heading, values),
    body: fill(template.body, values),
    closing: [
      context.language === 'en' ? 'Kind regards,' : 'Med vänliga hälsningar',
      values.contactPerson,
      context.phone,
      context.municipality,
    ].filter(Boolean),
  };
}

/** Records each printed ladder letter as sent and each notice as sent; a key already used skips its letter. */
async function recordSent(
  ctx: RequestContext,
  t: AuditedTransaction,
  letters: Planned[],
  key: string | null,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  for (const p of letters) {
    if (p.kind === 'home_visit_notice') {
      await markNoticeSent(t.trx, p.meetingId!);
      continue;
    }
    const perPerson = key ? `${key}-${p.personId}` : null;
    if (perPerson && (await attemptByIdempotencyKey(t.trx, ctx.actor.id, perPerson))) continue;
    await insertAttempt(ctx, t, {
      personId: p.personId,
      attempt: { channel: p.kind, outcome: 'sent', at, occupation: undefined, agreed: null, note: null },
      idempotencyKey: perPerson,
    });
  }
}

/** What a print run produced: the PDF and how many letters were printed, forwarded and skipped. */
export type PrintResult = { pdf: Buffer; printed: number; forwarded: number; skippedNoAddress: number };

/** POST /letters: renders one PDF of the requested letters; 409 `nothing_to_print` when none can be printed. */
export async function printLetters(
  ctx: RequestContext,
  input: z.infer<typeof letterBody>,
  idempotencyKey: string | null,
): Promise<PrintResult> {
  requireCapability(ctx.actor, 'outreach.work');
  const run = () =>
    audited(ctx, async (t) => {
      const all = input.dueToday
        ? await dueLetters(t.trx, ctx)
        : await lettersFor(t.trx, ctx, { personIds: input.personIds!, kind: input.kind });
      const letters = all.filter((p) => !p.noAddress);
      if (letters.length === 0) throw new AppError('nothing_to_print');
      const [{ settings }, municipality] = await Promise.all([
        loadOutreachSettings(t.trx, ctx.actor.municipalityId),
        municipalityName(t.trx, ctx.actor.municipalityId),
      ]);
      const templates = new Map<Kind, { heading: string; body: string }>();
      for (const kind of new Set(letters.map((p) => p.kind)))
        templates.set(
          kind,
          await templateFor(t.trx, { municipalityId: ctx.actor.municipalityId, kind, language: input.language }),
        );
      const context = {
        language: input.language,
        actorName: ctx.actor.name,
        phone: settings.contactPhone,
        returnAddress: settings.returnAddress,
        municipality,
        now: ctx.clock.now(),
      };
      const pages = letters.map((p) => pageOf(p, templates.get(p.kind)!, context));
      if (input.recordAttempts) await recordSent(ctx, t, letters, idempotencyKey);
      await t.audit(
        ...letters.map((p) => ({
          action: 'export' as const,
          entity: 'letter' as const,
          entityId: p.meetingId ?? p.personId,
          personId: p.personId,
          detail: { kind: p.kind, forwarded: p.forwardViaSkatteverket, ...p.access },
        })),
      );
      const pdf = await renderLettersPdf(pages, { title: input.language === 'en' ? 'Letters' : 'Brev' });
      return {
        pdf,
        printed: letters.length,
        forwarded: letters.filter((p) => p.forwardViaSkatteverket).length,
        skippedNoAddress: all.length - letters.length,
      };
    });
  try {
    return await run();
  } catch (err) {
    // The same batch submitted twice at once: the second waited for the first, whose attempts now exist; run again to
    // skip them.
    if (idempotencyKey && isUniqueViolation(err)) return run();
    throw err;
  }
}
