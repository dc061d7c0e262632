/**
 * The young person's own Lotsa: their contact person and next meeting, their plan (mark their own
 * steps done, sign a version), their consents (withdraw one, at once) and who has read their data.
 * Every use case reaches the record only through the access module's young-person rules and is
 * audited with the young person as actor. Reads of a young person no longer eligible are 404.
 */
import { todayInSweden } from '../../../core/dates.js';
import { consentState } from '../../../core/consent.js';
import type { MeAccessLog, MeConsent, MePlan, MeSummary } from '../../../core/me-schemas.js';
import { planChangeSummary } from '../../../core/plan.js';
import type { Role } from '../../../core/roles.js';
import type { AccessBasis } from '../../access/access.js';
import { ownRecordOf, requireYoungPersonCapability, YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type AuditedTransaction, type YoungPersonContext } from '../../http/context.js';
import { selectConsents } from '../consents/consents.queries.js';
import { personWeek, weekOrCurrent } from '../schedule/schedule.service.js';
import { storeScheduleFeed } from '../schedule/schedule-feed.js';
import type { ScheduleWeek } from '../../../core/schedule-schemas.js';
import { extractContent } from '../extract/extract.service.js';
import { selectGoalAreas, selectPlanContent, selectPlanRow, selectUnits } from '../plans/plans.queries.js';
import { storePlanVersion } from '../plans/plans.service.js';
import { awaitingConsents, ownApplications } from './me-signing.service.js';
import { selectAccessLog, selectNextMeeting, selectOwnCase, selectOwnConsent, selectOwnStep } from './me.queries.js';

type Trx = AuditedTransaction['trx'];

async function ownCase(ctx: YoungPersonContext, trx: Trx) {
  const own = await selectOwnCase(trx, ctx.actor);
  if (!own) throw new AppError('not_found');
  return own;
}

/** GET /me: the young person's first name, contact person (name, e-mail, unit) and next meeting. */
export async function readSummary(ctx: YoungPersonContext, csrfToken: string): Promise<MeSummary> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const meeting = await selectNextMeeting(trx, ctx.actor, ctx.clock.now());
    const applications = await ownApplications(trx, ctx.actor);
    await audit(
      { action: 'read', entity: 'person', entityId: own.id, personId: own.id, detail: { own: true } },
      { action: 'read', entity: 'applications', entityId: own.id, personId: own.id, detail: { own: true } },
    );
    return {
      givenName: own.given_name,
      csrfToken,
      contactPerson: own.contact_name
        ? { name: own.contact_name, email: own.contact_email!, unit: own.contact_unit }
        : null,
      nextMeeting: meeting
        ? {
            startsAt: meeting.starts_at.toISOString(),
            endsAt: meeting.ends_at.toISOString(),
            kind: meeting.kind,
            place: meeting.place,
          }
        : null,
      applications,
    };
  });
}

/** The plan as the young person sees it: goals, sub-goals and steps with who does what and when. */
export async function presentOwnPlan(trx: Trx, ctx: YoungPersonContext, caseId: string): Promise<MePlan> {
  const row = await selectPlanRow(trx, caseId);
  if (!row) return { version: 0, goals: [], followUpOn: null, signed: false };
  const [content, areas, units, signature] = await Promise.all([
    selectPlanContent(trx, row),
    selectGoalAreas(trx, ctx.actor.municipalityId),
    selectUnits(trx, ctx.actor.municipalityId),
    trx
      .selectFrom('plan_signatures')
      .select('id')
      .where('plan_id', '=', row.id)
      .where('version', '=', row.version)
      .where('signed_by', '=', 'young_person')
      .executeTakeFirst(),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    version: row.version,
    followUpOn: content.document.followUpOn,
    signed: Boolean(signature),
    goals: content.document.goals.map((g) => ({
      id: g.id,
      area: areas.find((a) => a.code === g.area) ?? { code: g.area, sv: g.area, en: g.area },
      title: g.title,
      ownWords: g.ownWords,
      ownWordsByYou: content.ownWordsByYoungPerson.includes(g.id),
      subGoals: g.subGoals,
      steps: g.steps.map((s) => ({
        id: s.id,
        title: s.title,
        responsibleKind: s.responsibleKind,
        responsible:
          s.responsibleKind === 'unit'
            ? (unitName.get(s.responsibleUnitId ?? '') ?? null)
            : s.responsibleKind === 'other'
              ? s.responsibleOther
              : null,
        startOn: s.startOn,
        dueOn: s.dueOn,
        status: s.status,
        canMarkDone: s.responsibleKind === 'young_person' && (s.status === 'planned' || s.status === 'ongoing'),
      })),
    })),
  };
}

/** GET /me/plan: the plan of the young person's live case (version 0 and no goals before it is made). */
export async function readOwnPlan(ctx: YoungPersonContext): Promise<MePlan> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const plan = await presentOwnPlan(trx, ctx, own.case_id);
    await audit({
      action: 'read',
      entity: 'plan',
      entityId: own.case_id,
      personId: own.id,
      detail: { version: plan.version },
    });
    return plan;
  });
}

/**
 * POST /me/plan/steps/{id}/done: marks one of the young person's own steps done today, as a new plan
 * version (kept with the others; on the timeline as a plan change). 404 for a step of another plan;
 * 409 `not_your_step` for a step someone else is responsible for. Marking a done step again changes nothing.
 */
export async function markOwnStepDone(ctx: YoungPersonContext, stepId: string): Promise<MePlan> {
  requireYoungPersonCapability(ctx.actor, 'me.plan.step_done');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const step = await selectOwnStep(trx, ctx.actor, own.case_id, stepId);
    if (!step) throw new AppError('not_found');
    if (step.responsible_kind !== 'young_person') throw new AppError('not_your_step');
    const row = await selectPlanRow(trx, own.case_id, { lock: true });
    if (!row) throw new AppError('not_found');
    if (step.status === 'planned' || step.status === 'ongoing') {
      const current = await selectPlanContent(trx, row);
      const today = todayInSweden(ctx.clock.now());
      const document = {
        ...current.document,
        goals: current.document.goals.map((g) => ({
          ...g,
          steps: g.steps.map((s) =>
            s.id === stepId ? { ...s, status: 'done' as const, endedOn: today, endReason: 'completed' as const } : s,
          ),
        })),
      };
      const summary = planChangeSummary(current.document, document);
      const plan = await storePlanVersion(trx, {
        caseId: own.case_id,
        person: own,
        row,
        liveGoalIds: current.liveGoalIds,
        document,
        summary,
        changedBy: null,
      });
      await audit({
        action: 'update',
        entity: 'plan',
        entityId: own.case_id,
        personId: own.id,
        detail: { version: plan.version, stepDone: stepId },
      });
    }
    return presentOwnPlan(trx, ctx, own.case_id);
  });
}

/**
 * POST /me/plan/sign: the young person signs the plan's current version in Lotsa; 409 for another version.
 * Signing twice keeps one signature.
 */
export async function signOwnPlan(ctx: YoungPersonContext, version: number): Promise<MePlan> {
  requireYoungPersonCapability(ctx.actor, 'me.plan.sign');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const row = await selectPlanRow(trx, own.case_id, { lock: true });
    if (!row || row.version !== version) throw new AppError('version_conflict');
    const same = await trx
      .selectFrom('plan_signatures')
      .select('id')
      .where('plan_id', '=', row.id)
      .where('version', '=', version)
      .where('signed_by', '=', 'young_person')
      .where('method', '=', 'in_lotsa')
      .executeTakeFirst();
    if (!same) {
      const signedOn = todayInSweden(ctx.clock.now());
      const signature = await trx
        .insertInto('plan_signatures')
        .values({
          municipality_id: own.municipality_id,
          person_id: own.id,
          plan_id: row.id,
          version,
          signed_by: 'young_person',
          method: 'in_lotsa',
          signed_on: signedOn,
          recorded_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const base = {
        municipality_id: own.municipality_id,
        person_id: own.id,
        case_id: own.case_id,
        actor_id: null,
        category: 'assessment_plan' as const,
      };
      await trx
        .insertInto('events')
        .values(
          eventRow(base, 'plan_signed', {
            planId: row.id,
            version,
            signedBy: 'young_person',
            method: 'in_lotsa',
            signedOn,
          }),
        )
        .execute();
      await audit({
        action: 'create',
        entity: 'plan_signature',
        entityId: signature.id,
        personId: own.id,
        detail: { version, signedBy: 'young_person', method: 'in_lotsa' },
      });
    }
    return presentOwnPlan(trx, ctx, own.case_id);
  });
}

/**
 * GET /me/consents: which agencies may see what about the young person, since and until when; first those
 * their contact person prepared for them to sign (which give no access until signed).
 */
export async function listOwnConsents(ctx: YoungPersonContext): Promise<MeConsent[]> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const [rows, awaiting] = await Promise.all([selectConsents(trx, own.id), awaitingConsents(trx, ctx.actor)]);
    await audit({ action: 'read', entity: 'consents', entityId: own.id, personId: own.id });
    const today = todayInSweden(ctx.clock.now());
    const given = rows.map((c): MeConsent => {
      const withdrawnAt = c.withdrawn_at ? c.withdrawn_at.toISOString() : null;
      return {
        id: c.id,
        recipients: c.recipients.map((r) => r.name),
        categories: c.categories,
        purpose: c.purpose,
        givenOn: c.given_on,
        validUntil: c.valid_until,
        state: consentState({ withdrawnAt, validUntil: c.valid_until }, today),
        withdrawnAt,
      };
    });
    // Those waiting for the young person's signature first: they are what asks something of them.
    return [...awaiting, ...given];
  });
}

/**
 * POST /me/consents/{id}/withdraw: withdraws one of the young person's consents at once; the agencies
 * it named lose access with this commit (access is decided in every query from the consent's state).
 */
export async function withdrawOwnConsent(ctx: YoungPersonContext, consentId: string): Promise<void> {
  requireYoungPersonCapability(ctx.actor, 'me.consents.withdraw');
  await auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const consent = await selectOwnConsent(trx, ctx.actor, consentId);
    if (!consent) throw new AppError('not_found');
    const now = ctx.clock.now();
    const updated = await trx
      .updateTable('consents')
      .set({ withdrawn_at: now, withdrawn_by: null, withdrawal_note: 'young_person' })
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return;
    await trx
      .insertInto('events')
      .values(
        eventRow({ municipality_id: consent.municipality_id, person_id: own.id, actor_id: null }, 'consent_withdrawn', {
          consentId,
        }),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'consent',
      entityId: consentId,
      personId: own.id,
      detail: { withdrawn: true },
    });
  });
}

const ACCESS_LOG_LIMIT = 500;

/**
 * GET /me/access-log: each read and change of the young person's data by staff, newest first: when,
 * which unit and role, on what basis, emergency accesses marked; names only where the municipality
 * has chosen to show them. Reading it is itself audited.
 */
export async function readOwnAccessLog(ctx: YoungPersonContext): Promise<MeAccessLog> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const [rows, setting] = await Promise.all([
      selectAccessLog(trx, ctx.actor, ACCESS_LOG_LIMIT),
      trx
        .selectFrom('municipalities')
        .select('young_person_sees_staff_names')
        .where('id', '=', ctx.actor.municipalityId)
        .executeTakeFirstOrThrow(),
    ]);
    await audit({
      action: 'read',
      entity: 'access_log',
      entityId: own.id,
      personId: own.id,
      detail: { entries: rows.length },
    });
    const namesShown = setting.young_person_sees_staff_names;
    const basisOf = (b: string | null) =>
      ['register', 'contact_person', 'team', 'consent', 'emergency'].includes(b ?? '') ? (b as AccessBasis) : null;
    return {
      namesShown,
      entries: rows.map((r) => ({
        at: r.at.toISOString(),
        action: r.action as MeAccessLog['entries'][number]['action'],
        what: r.entity as MeAccessLog['entries'][number]['what'],
        unit: r.unit,
        role: r.role as Role,
        name: namesShown ? r.name : null,
        basis: basisOf(r.basis),
        emergency: r.basis === 'emergency' || r.entity === 'emergency_access',
      })),
    };
  });
}

/**
 * GET /me/extract.pdf: the young person's own register extract, by the coordinators' extract's
 * content rules, in the young person's categories (another agency's health and social notes are
 * counted and named, not shown), without notes staff have not shared with them. Audited as an export.
 */
export async function buildOwnExtract(ctx: YoungPersonContext, language: 'sv' | 'en') {
  requireYoungPersonCapability(ctx.actor, 'me.extract');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const person = await trx
      .selectFrom('persons')
      .innerJoin('municipalities', 'municipalities.id', 'persons.municipality_id')
      .selectAll('persons')
      .select(['municipalities.name as municipality', 'municipalities.young_person_sees_staff_names'])
      .where(ownRecordOf(ctx.actor))
      .executeTakeFirst();
    if (!person) throw new AppError('not_found');
    const content = await extractContent(trx, person, {
      categories: [...YOUNG_PERSON_CATEGORIES],
      contactVisible: true,
      language,
      forYoungPerson: { namesShown: person.young_person_sees_staff_names },
      producedAt: ctx.clock.now(),
    });
    await audit({
      action: 'export',
      entity: 'extract',
      entityId: person.id,
      personId: person.id,
      detail: { own: true, withheld: content.withheld.map((w) => ({ category: w.category, entries: w.entries })) },
    });
    return content;
  });
}

/**
 * GET /me/schedule?week=: the young person's week (meetings, measures with hours, activities, the
 * contact person's additions) from the schedule feature, in the young person's categories; the
 * current week in Sweden when none is asked for. They see it, they do not change it here.
 */
export async function readOwnSchedule(ctx: YoungPersonContext, week: string | undefined): Promise<ScheduleWeek> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  const isoWeek = weekOrCurrent(ctx, week);
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const built = await personWeek(trx, { personId: own.id, week: isoWeek, categories: [...YOUNG_PERSON_CATEGORIES] });
    await audit({
      action: 'read',
      entity: 'schedule',
      entityId: own.id,
      personId: own.id,
      detail: { week: built.week },
    });
    return { ...built, items: built.items.map((i) => ({ ...i, removable: false })), withheld: false, mayChange: false };
  });
}

/**
 * POST /me/schedule/feed: a new address of the young person's own calendar feed, for their phone (the same
 * feed staff can make for them, with the same rules); any earlier address stops working.
 */
export async function renewOwnFeed(
  ctx: YoungPersonContext,
  lang: 'sv' | 'en',
  publicUrl: string,
): Promise<{ url: string }> {
  requireYoungPersonCapability(ctx.actor, 'me.feed');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const feed = await storeScheduleFeed(trx, {
      personId: own.id,
      municipalityId: ctx.actor.municipalityId,
      lang,
      createdBy: null,
      publicUrl,
    });
    await audit({
      action: 'create',
      entity: 'schedule_feed',
      entityId: own.id,
      personId: own.id,
      detail: { lang, own: true },
    });
    return { url: feed.url! };
  });
}
