/**
 * Dropout and absence notifications from schools (skollagen 15 kap. 15 §). Lotsa routes each to the
 * student's home municipality as `route` decides: the reporter's own municipality when its newest
 * accepted population list (not culled) holds the student, else a municipality it trusts whose
 * newest list does. An older list, or a person record alone, routes nothing: the student may have
 * moved since. One it cannot route waits in the reporter's municipality's inbox. For someone in the register of
 * the home municipality it goes on their timeline as assessment and plan (the school's message is
 * the KAA's own documentation, for other agencies only by consent); otherwise it waits in the inbox
 * for the coordinator to verify with the school. Reporters see their own submissions only.
 */
import type { z } from 'zod';
import {
  routingNoteSchema,
  type handleNotificationBody,
  type notificationBody,
  type Notification,
  type RoutingNote,
} from '../../../core/register-schemas.js';
import { requireCapability } from '../../access/access.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { eventRow, insertEvents } from '../../db/events.js';
import {
  claimants,
  insertNotification,
  markNotificationHandled,
  inboxOf,
  personInRegister,
  submittedBy,
  trustedBy,
} from './notifications.queries.js';

/**
 * Where a notification from a school of `reporter` about `pnr` goes. The reporter's own newest
 * list wins; else the newest list of a municipality the reporter trusts for routing; else it stays
 * with the reporter (`home` null), with a note naming any other municipality whose list holds the
 * student. So no municipality's import can draw another's notifications to itself.
 */
async function route(
  db: Db,
  reporter: string,
  pnr: string,
): Promise<{ home: string | null; note: RoutingNote | null }> {
  const claims = await claimants(db, pnr);
  if (claims.some((c) => c.municipalityId === reporter)) return { home: reporter, note: null };
  const trusted = new Set(await trustedBy(db, reporter));
  const chosen = claims.find((c) => trusted.has(c.municipalityId));
  if (chosen) return { home: chosen.municipalityId, note: null };
  return { home: null, note: claims.length ? { kind: 'verify_home', claimedBy: claims.map((c) => c.name) } : null };
}

/** A school reporter (or coordinator) submits a notification; returns where it went. */
export async function submitNotification(
  ctx: RequestContext,
  input: z.infer<typeof notificationBody>,
): Promise<Notification> {
  requireCapability(ctx.actor, 'notifications.submit');
  return audited(ctx, async ({ trx }) => {
    const { home, note } = await route(trx, ctx.actor.municipalityId, input.personalIdentityNumber);
    const municipalityId = home ?? ctx.actor.municipalityId;
    const personId = home ? await personInRegister(trx, home, input.personalIdentityNumber) : undefined;
    const row = await insertNotification(trx, {
      municipality_id: municipalityId,
      reporter_municipality_id: ctx.actor.municipalityId,
      submitted_by: ctx.actor.id,
      personal_identity_number: input.personalIdentityNumber,
      school_unit_code: input.schoolUnitCode,
      school_unit_name: input.schoolUnitName ?? null,
      kind: input.kind,
      occurred_on: input.date,
      message: input.message ?? null,
      routed: home !== null,
      routing_note: note ? JSON.stringify(note) : null,
      person_id: personId ?? null,
      status: personId ? 'on_timeline' : 'inbox',
    });
    if (personId) {
      await insertEvents(
        trx,
        eventRow(
          {
            municipality_id: municipalityId,
            person_id: personId,
            category: 'assessment_plan',
            actor_id: ctx.actor.id,
          },
          'school_notification',
          {
            kind: input.kind,
            date: input.date,
            schoolUnitCode: input.schoolUnitCode,
            schoolUnitName: input.schoolUnitName ?? null,
            message: input.message ?? null,
            notificationId: row.id,
          },
        ),
      );
    }
    // Written under the municipality the notification went to: the reporter's own may not learn whom it names.
    await recordAudit(trx, { id: ctx.actor.id, municipalityId, ip: ctx.ip }, [
      { action: 'create', entity: 'notification', entityId: row.id, personId: personId ?? null },
    ]);
    return {
      id: row.id,
      personalIdentityNumber: input.personalIdentityNumber,
      schoolUnitCode: input.schoolUnitCode,
      schoolUnitName: input.schoolUnitName ?? null,
      kind: input.kind,
      date: input.date,
      message: input.message ?? null,
      status: 'received',
      routed: null,
      personId: null,
      submittedAt: row.submitted_at.toISOString(),
      submittedBy: ctx.actor.name,
      routingNote: null,
    };
  });
}

type Row = {
  routing_note: unknown;
  id: string;
  personal_identity_number: string;
  school_unit_code: string;
  school_unit_name: string | null;
  kind: Notification['kind'];
  occurred_on: string;
  message: string | null;
  status: 'inbox' | 'on_timeline' | 'handled';
  routed: boolean;
  person_id: string | null;
  submitted_at: Date;
  submitter: string | null;
};

/** As the coordinator sees it (`forReporter` false) or as the reporter who sent it. */
function present(r: Row, forReporter: boolean): Notification {
  return {
    id: r.id,
    personalIdentityNumber: r.personal_identity_number.trim(),
    schoolUnitCode: r.school_unit_code.trim(),
    schoolUnitName: r.school_unit_name,
    kind: r.kind,
    date: r.occurred_on,
    message: r.message,
    // 'handled' would tell a school that the student was not in a register: reporters see 'received'.
    status: forReporter ? 'received' : r.status,
    routed: forReporter ? null : r.routed,
    personId: forReporter ? null : r.person_id,
    submittedAt: r.submitted_at.toISOString(),
    submittedBy: r.submitter,
    routingNote: forReporter || !r.routing_note ? null : routingNoteSchema.parse(r.routing_note),
  };
}

/** What the actor may list: a reporter their own submissions; a coordinator the municipality's inbox. */
export async function listNotifications(ctx: RequestContext, view: 'mine' | 'inbox'): Promise<Notification[]> {
  if (view === 'mine') {
    requireCapability(ctx.actor, 'notifications.submit');
    return audited(ctx, async ({ trx, audit }) => {
      const rows = await submittedBy(trx, ctx.actor.id);
      await audit(...rows.map((r) => ({ action: 'list' as const, entity: 'notification' as const, entityId: r.id })));
      return rows.map((r) => present(r, true));
    });
  }
  requireCapability(ctx.actor, 'notifications.inbox');
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await inboxOf(trx, ctx.actor.municipalityId);
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'notification' as const,
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return rows.map((r) => present(r, false));
  });
}

/** A coordinator records the outcome of verifying an inbox notification with the school. */
export async function handleNotification(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof handleNotificationBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'notifications.inbox');
  await audited(ctx, async ({ trx, audit }) => {
    const handled = await markNotificationHandled(trx, {
      municipalityId: ctx.actor.municipalityId,
      id,
      handledBy: ctx.actor.id,
      outcome: input.outcome,
      note: input.note ?? null,
    });
    if (!handled) throw new AppError('not_found');
    await audit({ action: 'update', entity: 'notification', entityId: id, detail: { outcome: input.outcome } });
  });
}
