/**
 * Reconciliation: compares who the rules put in the register on a day with who is in it, and
 * (with apply) makes it so in one transaction: new periods for those who enter, closed periods for
 * those who leave, updated details for those whose details changed. Closed periods are kept.
 * Running it again with the same inputs finds nothing to do.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { eligibility, type EnrolmentFacts } from '../../../core/eligibility.js';
import type { EntryReason, LeaveReason } from '../../../core/register.js';
import { recordAudit, type AuditEvent } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Progress } from '../../jobs/queue.js';
import { insertMany } from '../../db/insert-many.js';
import { enrolmentsIn, personsInRange, populationBatch, readyImports } from './register.queries.js';

const BATCH = 20_000;
const DETAIL_FIELDS = ['given_name', 'family_name', 'street_address', 'postal_code', 'city', 'protected_identity'] as const;
const CONTACT_FIELDS = new Set(['street_address', 'postal_code', 'city']);

export type ReconcileResult = {
  asOf: string;
  entered: { personalIdentityNumber: string; reason: EntryReason }[];
  left: { personalIdentityNumber: string; reason: LeaveReason; rule: string }[];
  changed: { personalIdentityNumber: string; fields: string[] }[];
  inRegister: number;
};

type PopRow = Awaited<ReturnType<typeof populationBatch>>[number];
type PersonRow = Awaited<ReturnType<typeof personsInRange>>[number];
type PeriodRow = PersonRow & { period_id: string };
type EnrolmentRow = Awaited<ReturnType<typeof enrolmentsIn>>[number];
type Plan = {
  enter: { pop: PopRow; reason: EntryReason; enrolments: EnrolmentRow[]; existingPersonId: string | null }[];
  leave: { period: PeriodRow; reason: LeaveReason; rule: string }[];
  change: { period: PeriodRow; pop: PopRow; fields: (typeof DETAIL_FIELDS)[number][] }[];
  inRegister: number;
};

const groupBy = <T extends { pnr: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.pnr.trim(), [...(map.get(r.pnr.trim()) ?? []), r]);
  return map;
};

/** Works out, without writing, what reconciliation on `asOf` would do. */
async function plan(db: Db, municipalityId: string, municipalityCode: string, asOf: string, progress: Progress): Promise<Plan> {
  const imports = await readyImports(db, municipalityId);
  if (!imports.population) throw new AppError('no_population_list');
  const result: Plan = { enter: [], leave: [], change: [], inRegister: 0 };
  let after = '';
  let done = 0;
  for (;;) {
    const pop = await populationBatch(db, imports.population, after, BATCH);
    const upTo = pop.length === BATCH ? pop[pop.length - 1]!.pnr : null;
    const [persons, enrolments] = await Promise.all([personsInRange(db, municipalityId, after, upTo), enrolmentsIn(db, imports.enrolments, after, upTo)]);
    const byPop = new Map(pop.map((p) => [p.pnr.trim(), p]));
    const byPerson = new Map(persons.map((p) => [p.pnr.trim(), p]));
    const byEnrolment = groupBy(enrolments);
    const candidates = new Set(byPop.keys());
    for (const p of persons) if (p.period_id) candidates.add(p.pnr.trim());
    for (const pnr of candidates) {
      const row = byPop.get(pnr);
      const person = byPerson.get(pnr);
      const period = person?.period_id ? (person as PeriodRow) : undefined;
      const mine = byEnrolment.get(pnr) ?? [];
      const facts = {
        birthDate: row?.birth_date ?? person!.birth_date,
        municipalityCode: row?.municipality_code ?? null,
        registeredSince: row?.registered_since ?? null,
        enrolments: mine.map((e): EnrolmentFacts => ({ schoolType: e.school_type as EnrolmentFacts['schoolType'], startDate: e.start_date, endDate: e.end_date, endReason: e.end_reason as EnrolmentFacts['endReason'], qualification: e.qualification as EnrolmentFacts['qualification'] })),
      };
      const verdict = eligibility(facts, municipalityCode, asOf);
      if (verdict.inRegister) {
        result.inRegister++;
        if (!period) result.enter.push({ pop: row!, reason: verdict.reason, enrolments: mine, existingPersonId: person?.person_id ?? null });
        else if (row) {
          const fields = DETAIL_FIELDS.filter((f) => (row[f] ?? null) !== (period[f] ?? null));
          if (fields.length) result.change.push({ period, pop: row, fields });
        }
      } else if (period) {
        result.leave.push({ period, reason: verdict.leaveReason, rule: verdict.failedRule });
      }
    }
    done += pop.length;
    await progress(done);
    if (upTo === null) break;
    after = upTo;
  }
  return result;
}

/** Writes the plan in the transaction `trx`, each kind of row in one statement. */
async function applyPlan(trx: Transaction<Database>, municipalityId: string, asOf: string, p: Plan, actorId: string | null, sourceImports: { population: string; enrolments: string[] }) {
  const now = new Date().toISOString();
  const ids = p.enter.map((e) => e.existingPersonId ?? randomUUID());
  await insertMany(
    trx,
    'persons',
    p.enter.flatMap((e, i) =>
      e.existingPersonId
        ? []
        : [{ id: ids[i], municipality_id: municipalityId, personal_identity_number: e.pop.pnr, birth_date: e.pop.birth_date, given_name: e.pop.given_name, family_name: e.pop.family_name, street_address: e.pop.street_address, postal_code: e.pop.postal_code, city: e.pop.city, protected_identity: e.pop.protected_identity, version: 1, created_at: now, updated_at: now }],
    ),
  );
  const returning = ids.filter((_, i) => p.enter[i]!.existingPersonId);
  const withOpenCase = new Set(returning.length ? (await trx.selectFrom('cases').select('person_id').where('person_id', 'in', returning).where('closed_at', 'is', null).execute()).map((c) => c.person_id) : []);
  const cases = ids.filter((id) => !withOpenCase.has(id)).map((person_id) => ({ id: randomUUID(), municipality_id: municipalityId, person_id, status: 'new', opened_at: now, version: 1 }));
  await insertMany(trx, 'cases', cases);
  await insertMany(
    trx,
    'register_periods',
    p.enter.map((e, i) => ({
      id: randomUUID(),
      municipality_id: municipalityId,
      person_id: ids[i],
      entered_on: asOf,
      entry_reason: e.reason,
      rule: 'all_rules_met',
      source: { populationImport: sourceImports.population, populationLine: e.pop.line, enrolments: e.enrolments.map((x) => ({ importId: x.import_id, line: x.line })) },
      created_at: now,
    })),
  );
  if (p.leave.length) {
    const closing = JSON.stringify(p.leave.map((l) => ({ id: l.period.period_id, reason: l.reason, rule: l.rule })));
    await sql`update register_periods set left_on = ${asOf}, leave_reason = x.reason, rule = x.rule from json_to_recordset(${closing}::json) as x(id uuid, reason text, rule text) where register_periods.id = x.id`.execute(trx);
  }
  const event = (person_id: string, type: string, payload: Record<string, unknown>, case_id: string | null = null) => ({ id: randomUUID(), municipality_id: municipalityId, person_id, case_id, type, payload, actor_id: actorId, occurred_at: now, recorded_at: now });
  const events = [
    ...p.enter.map((e, i) => event(ids[i]!, 'register_entered', { reason: e.reason, asOf })),
    ...cases.map((c) => event(c.person_id, 'case_opened', {}, c.id)),
    ...p.leave.map((l) => event(l.period.person_id, 'register_left', { reason: l.reason, rule: l.rule, asOf })),
  ];
  for (const c of p.change) {
    const set = Object.fromEntries(c.fields.map((f) => [f, c.pop[f]]));
    await trx.updateTable('persons').set({ ...set, version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', c.period.person_id).execute();
    const protectedPerson = c.period.protected_identity || c.pop.protected_identity;
    events.push(event(c.period.person_id, 'person_updated', { fields: protectedPerson ? c.fields.filter((f) => !CONTACT_FIELDS.has(f)) : c.fields, source: 'population_list' }));
  }
  await insertMany(trx, 'events', events);
  const audit: AuditEvent[] = [
    ...ids.map((id) => ({ action: 'create' as const, entity: 'register_period', personId: id, detail: { asOf } })),
    ...p.leave.map((l) => ({ action: 'update' as const, entity: 'register_period', personId: l.period.person_id, detail: { left: l.reason, asOf } })),
    ...p.change.map((c) => ({ action: 'update' as const, entity: 'person', personId: c.period.person_id, detail: { fields: c.fields, source: 'population_list' } })),
  ];
  await recordAudit(trx, { id: actorId, municipalityId, ip: null }, audit);
}

/** Reconciles the register of `municipalityId` on `asOf`; with `apply`, writes it in one transaction. */
export async function reconcile(db: Db, municipalityId: string, asOf: string, options: { apply: boolean; actorId: string | null }, progress: Progress = async () => {}): Promise<ReconcileResult> {
  const m = await db.selectFrom('municipalities').select('code').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  const run = (q: Db) => plan(q, municipalityId, m.code, asOf, progress);
  const p = options.apply
    ? await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`reconcile:${municipalityId}`}))`.execute(trx);
        const planned = await run(trx);
        const imports = await readyImports(trx, municipalityId);
        await applyPlan(trx, municipalityId, asOf, planned, options.actorId, { population: imports.population!, enrolments: imports.enrolments });
        return planned;
      })
    : await run(db);
  return {
    asOf,
    entered: p.enter.map((e) => ({ personalIdentityNumber: e.pop.pnr, reason: e.reason })),
    left: p.leave.map((l) => ({ personalIdentityNumber: l.period.pnr, reason: l.reason, rule: l.rule })),
    changed: p.change.map((c) => ({ personalIdentityNumber: c.pop.pnr, fields: c.fields })),
    inRegister: p.inRegister,
  };
}
