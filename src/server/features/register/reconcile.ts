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
import { enrolmentsIn, openPeriods, populationBatch, readyImports } from './register.queries.js';

const BATCH = 20_000;
const DETAIL_FIELDS = ['given_name', 'family_name', 'street_address', 'postal_code', 'city', 'protected_identity'] as const;
const CONTACT_FIELDS = new Set(['street_address', 'postal_code', 'city']);

export type ReconcileResult = {
  asOf: string;
  entered: { personalIdentityNumber: string; reason: EntryReason }[];
  left: { personalIdentityNumber: string; reason: LeaveReason }[];
  changed: { personalIdentityNumber: string; fields: string[] }[];
  inRegister: number;
};

type PopRow = Awaited<ReturnType<typeof populationBatch>>[number];
type PeriodRow = Awaited<ReturnType<typeof openPeriods>>[number];
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
  const knownPersons = new Map<string, string>();
  let after = '';
  let done = 0;
  for (;;) {
    const pop = await populationBatch(db, imports.population, after, BATCH);
    const upTo = pop.length === BATCH ? pop[pop.length - 1]!.pnr : null;
    const [periods, enrolments, persons] = await Promise.all([
      openPeriods(db, municipalityId, after, upTo),
      enrolmentsIn(db, imports.enrolments, after, upTo),
      personIdsIn(db, municipalityId, pop.map((p) => p.pnr)),
    ]);
    for (const p of persons) knownPersons.set(p.pnr.trim(), p.id);
    const byPop = new Map(pop.map((p) => [p.pnr.trim(), p]));
    const byPeriod = new Map(periods.map((p) => [p.pnr.trim(), p]));
    const byEnrolment = groupBy(enrolments);
    for (const pnr of new Set([...byPop.keys(), ...byPeriod.keys()])) {
      const row = byPop.get(pnr);
      const period = byPeriod.get(pnr);
      const mine = byEnrolment.get(pnr) ?? [];
      const facts = {
        birthDate: row?.birth_date ?? period!.birth_date,
        municipalityCode: row?.municipality_code ?? null,
        registeredSince: row?.registered_since ?? null,
        enrolments: mine.map((e): EnrolmentFacts => ({ schoolType: e.school_type as EnrolmentFacts['schoolType'], startDate: e.start_date, endDate: e.end_date, endReason: e.end_reason as EnrolmentFacts['endReason'], qualification: e.qualification as EnrolmentFacts['qualification'] })),
      };
      const verdict = eligibility(facts, municipalityCode, asOf);
      if (verdict.inRegister) {
        result.inRegister++;
        if (!period) result.enter.push({ pop: row!, reason: verdict.reason, enrolments: mine, existingPersonId: knownPersons.get(pnr) ?? null });
        else if (row) {
          const fields = DETAIL_FIELDS.filter((f) => (row[f] ?? null) !== (period[f] ?? null));
          if (fields.length) result.change.push({ period, pop: row, fields });
        }
      } else if (period) {
        result.leave.push({ period, reason: verdict.leaveReason, rule: verdict.failedRule });
      }
    }
    done += pop.length + (upTo === null ? periods.length : 0);
    await progress(done);
    if (upTo === null) break;
    after = upTo;
  }
  return result;
}

function personIdsIn(db: Db, municipalityId: string, numbers: string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db.selectFrom('persons').select(['id', 'personal_identity_number as pnr']).where('municipality_id', '=', municipalityId).where('personal_identity_number', 'in', numbers).execute();
}

async function chunked<T>(items: T[], size: number, work: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

/** Writes the plan in the transaction `trx`. */
async function applyPlan(trx: Transaction<Database>, municipalityId: string, asOf: string, p: Plan, actorId: string | null, sourceImports: { population: string; enrolments: string[] }) {
  const audit: AuditEvent[] = [];
  const now = new Date();
  await chunked(p.enter, 1000, async (chunk) => {
    const persons = chunk.map((e) => ({
      id: e.existingPersonId ?? randomUUID(),
      municipality_id: municipalityId,
      personal_identity_number: e.pop.pnr,
      birth_date: e.pop.birth_date,
      given_name: e.pop.given_name,
      family_name: e.pop.family_name,
      street_address: e.pop.street_address,
      postal_code: e.pop.postal_code,
      city: e.pop.city,
      phone: null,
      email: null,
      protected_identity: e.pop.protected_identity,
    }));
    const newPersons = persons.filter((_, i) => !chunk[i]!.existingPersonId);
    if (newPersons.length) await trx.insertInto('persons').values(newPersons).execute();
    const ids = persons.map((x) => x.id);
    const withOpenCase = new Set((await trx.selectFrom('cases').select('person_id').where('person_id', 'in', ids).where('closed_at', 'is', null).execute()).map((c) => c.person_id));
    const cases = ids.filter((id) => !withOpenCase.has(id)).map((person_id) => ({ id: randomUUID(), municipality_id: municipalityId, person_id, status: 'new' as const, opened_at: now }));
    if (cases.length) await trx.insertInto('cases').values(cases).execute();
    const periods = chunk.map((e, i) => ({
      municipality_id: municipalityId,
      person_id: ids[i]!,
      entered_on: asOf,
      entry_reason: e.reason,
      rule: 'all_rules_met',
      source: JSON.stringify({ populationImport: sourceImports.population, populationLine: e.pop.line, enrolments: e.enrolments.map((x) => ({ importId: x.import_id, line: x.line })) }),
    }));
    await trx.insertInto('register_periods').values(periods).execute();
    const events = [
      ...chunk.map((e, i) => ({ municipality_id: municipalityId, person_id: ids[i]!, type: 'register_entered', actor_id: actorId, occurred_at: now, payload: JSON.stringify({ reason: e.reason, asOf }) })),
      ...cases.map((c) => ({ municipality_id: municipalityId, person_id: c.person_id, case_id: c.id, type: 'case_opened', actor_id: actorId, occurred_at: now, payload: '{}' })),
    ];
    await trx.insertInto('events').values(events).execute();
    for (const id of ids) audit.push({ action: 'create', entity: 'register_period', personId: id, detail: { asOf } });
  });
  await chunked(p.leave, 1000, async (chunk) => {
    for (const l of chunk) {
      await trx.updateTable('register_periods').set({ left_on: asOf, leave_reason: l.reason, rule: l.rule }).where('id', '=', l.period.period_id).execute();
    }
    await trx.insertInto('events').values(chunk.map((l) => ({ municipality_id: municipalityId, person_id: l.period.person_id, type: 'register_left', actor_id: actorId, occurred_at: now, payload: JSON.stringify({ reason: l.reason, rule: l.rule, asOf }) }))).execute();
    for (const l of chunk) audit.push({ action: 'update', entity: 'register_period', personId: l.period.person_id, detail: { left: l.reason, asOf } });
  });
  for (const c of p.change) {
    const set = Object.fromEntries(c.fields.map((f) => [f, c.pop[f]]));
    await trx.updateTable('persons').set({ ...set, version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', c.period.person_id).execute();
    const protectedPerson = c.period.protected_identity || c.pop.protected_identity;
    const shown = protectedPerson ? c.fields.filter((f) => !CONTACT_FIELDS.has(f)) : c.fields;
    await trx.insertInto('events').values({ municipality_id: municipalityId, person_id: c.period.person_id, type: 'person_updated', actor_id: actorId, occurred_at: now, payload: JSON.stringify({ fields: shown, source: 'population_list' }) }).execute();
    audit.push({ action: 'update', entity: 'person', personId: c.period.person_id, detail: { fields: c.fields, source: 'population_list' } });
  }
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
    left: p.leave.map((l) => ({ personalIdentityNumber: l.period.pnr, reason: l.reason })),
    changed: p.change.map((c) => ({ personalIdentityNumber: c.pop.pnr, fields: c.fields })),
    inRegister: p.inRegister,
  };
}
