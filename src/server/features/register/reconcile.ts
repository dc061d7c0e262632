/**
 * Reconciliation: compares who the rules put in the register on a day with who is in it, and
 * (with apply) makes it so in one transaction: new periods (and persons and cases) for those who
 * enter, closed periods for those who leave, updated details for those whose details changed.
 * Closed periods are kept. Running it again with the same inputs finds nothing to do.
 */
import { sql, type Transaction } from 'kysely';
import { todayInSweden } from '../../../core/dates.js';
import { eligibility } from '../../../core/eligibility.js';
import { birthDateOf } from '../../../core/personnummer.js';
import { leavingNeedsConfirmation, type EntryReason, type LeaveReason } from '../../../core/register.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { withSession, type Session } from '../../db/session.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { Progress } from '../../jobs/queue.js';
import { applyPlan } from './apply-plan.js';
import { refreshEmbeddedStatistics } from '../../db/statistics.js';
import { eachPerson, readEnrolments } from './register-facts.js';
import { namesOf, readyImports, schoolUnitCoverage, type NamedPerson } from './register.queries.js';

/** Who a reconciliation names: identity number, name, and whether the identity is protected. */
type Named = { personalIdentityNumber: string; name: string; protectedIdentity: boolean };

/**
 * What a reconciliation would do or did. Every person is named; `changed` names the fields of the
 * population list that differ, so it is shown to a reader only through `presentReconcileResult`.
 */
export type ReconcileResult = {
  asOf: string;
  entered: (Named & { reason: EntryReason })[];
  left: (Named & { reason: LeaveReason; rule: string })[];
  changed: (Named & { fields: string[] })[];
  inRegister: number;
  /** How many were in the register before: those who stay and those who leave. */
  inRegisterBefore: number;
  /** Whether applying needs the number leaving confirmed (see leavingNeedsConfirmation). */
  leavingNeedsConfirmation: boolean;
};

/**
 * Options of a reconciliation: whether to apply it, who does, (to apply one that takes many out) the number leaving
 * as confirmed, and the day it is in Sweden (today unless given; an applied one may not be later).
 */
export type ReconcileOptions = {
  apply: boolean;
  actorId: string | null;
  confirmLeaving?: number | null;
  today?: string;
};

/** What reconciliation on a day would do, and from which lists. */
export type Plan = {
  imports: { population: string; enrolments: string[] };
  enter: {
    pnr: string;
    birthDate: string;
    reason: EntryReason;
    personId: string | null;
    source: { populationLine: number; enrolments: { importId: string; line: number }[] };
  }[];
  leave: { pnr: string; personId: string; periodId: string; reason: LeaveReason; rule: string; leftOn: string }[];
  change: { pnr: string; personId: string; fields: string[] }[];
  inRegister: number;
};

/**
 * The day a period closes: the 20th birthday for those who turned 20 (but not before it opened), else the day
 * reconciled.
 */
function leaveDay(reason: LeaveReason, birthDate: string, enteredOn: string, asOf: string): string {
  if (reason !== 'turned_20') return asOf;
  const birthday = `${Number(birthDate.slice(0, 4)) + 20}${birthDate.slice(4)}`;
  return birthday < enteredOn ? enteredOn : birthday < asOf ? birthday : asOf;
}

/** Works out, without writing, what reconciliation on `asOf` would do. */
async function plan(
  session: Session,
  q: Transaction<Database>,
  municipality: { id: string; code: string },
  asOf: string,
  progress: Progress,
): Promise<Plan> {
  const ready = await readyImports(q, municipality.id);
  if (!ready.population) throw new AppError('no_population_list');
  const enrolments = await readEnrolments(session, ready.enrolments, await schoolUnitCoverage(q, ready.enrolments));
  const result: Plan = {
    imports: { population: ready.population, enrolments: ready.enrolments },
    enter: [],
    leave: [],
    change: [],
    inRegister: 0,
  };
  let done = 0;
  await eachPerson(session, municipality.id, ready.population, (p) => {
    const birthDate = birthDateOf(p.pnr);
    const mine = enrolments.of(p.pnr);
    const verdict = eligibility(
      { birthDate, municipalityCode: p.municipalityCode, registeredSince: p.registeredSince, enrolments: mine },
      municipality.code,
      asOf,
    );
    if (verdict.inRegister) {
      result.inRegister++;
      if (!p.periodId) {
        const source = {
          populationLine: p.line!,
          enrolments: mine.map((e) => ({ importId: e.importId, line: e.line })),
        };
        result.enter.push({ pnr: p.pnr, birthDate, reason: verdict.reason, personId: p.personId, source });
      }
      // Someone in the register, or coming back to it, takes the newest list's details.
      if (p.personId && p.changed.length) result.change.push({ pnr: p.pnr, personId: p.personId, fields: p.changed });
    } else if (p.periodId) {
      const leftOn = leaveDay(verdict.leaveReason, birthDate, p.enteredOn!, asOf);
      result.leave.push({
        pnr: p.pnr,
        personId: p.personId!,
        periodId: p.periodId,
        reason: verdict.leaveReason,
        rule: verdict.failedRule,
        leftOn,
      });
    }
    if (++done % 50_000 === 0) void progress(done);
  });
  await progress(done, done);
  return result;
}

/** An applied reconciliation must not go back before the newest applied one, nor into the future. */
async function checkApplyDay(
  q: Transaction<Database>,
  municipalityId: string,
  asOf: string,
  today: string,
): Promise<void> {
  if (asOf > today) throw new AppError('reconcile_future', [{ field: 'asOf', code: 'invalid' }]);
  const newest = await q
    .selectFrom('reconciliations')
    .select('as_of')
    .where('municipality_id', '=', municipalityId)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (newest && asOf < newest.as_of)
    throw new AppError('reconcile_before_newest', [{ field: 'asOf', code: 'invalid' }]);
}

/** How many were in the register before the plan: those who stay and those who leave. */
const registerBefore = (p: Plan) => p.inRegister - p.enter.length + p.leave.length;

/**
 * Refuses to apply a plan that takes many out of the register (see leavingNeedsConfirmation)
 * unless `confirmLeaving` is exactly the number leaving: 409 confirm_leaving with the count.
 */
export function checkLeavingConfirmed(
  leaving: number,
  inRegisterBefore: number,
  confirmLeaving: number | null | undefined,
): void {
  if (leavingNeedsConfirmation(leaving, inRegisterBefore) && confirmLeaving !== leaving) {
    throw new AppError(
      'confirm_leaving',
      [{ field: 'confirmLeaving', code: confirmLeaving == null ? 'required' : 'invalid' }],
      { leaving, inRegister: inRegisterBefore },
    );
  }
}

/**
 * Reconciles the register of `municipalityId` on `asOf`; with `apply`, writes it in one
 * transaction, unless it takes more out than `options.confirmLeaving` confirms (confirm_leaving).
 */
export async function reconcile(
  handle: DatabaseHandle,
  municipalityId: string,
  asOf: string,
  options: ReconcileOptions,
  progress: Progress = async () => {},
): Promise<ReconcileResult> {
  const { plan: p, names } = await withSession(handle, (session) =>
    session.db.transaction().execute(async (trx) => {
      const municipality = await trx
        .selectFrom('municipalities')
        .select(['id', 'code'])
        .where('id', '=', municipalityId)
        .executeTakeFirstOrThrow();
      // Half a million persons hash-join in memory rather than spill to disk, and set-wise writes of
      // tens of thousands of rows are planned in a moment, not compiled (JIT) for a quarter second.
      await sql`set local work_mem = '256MB'`.execute(trx);
      await sql`set local jit = off`.execute(trx);
      if (!options.apply) {
        const previewed = await plan(session, trx, municipality, asOf, progress);
        return { plan: previewed, names: await named(trx, previewed) };
      }
      await sql`select pg_advisory_xact_lock(hashtext(${`reconcile:${municipalityId}`}))`.execute(trx);
      await checkApplyDay(trx, municipalityId, asOf, options.today ?? todayInSweden());
      const planned = await plan(session, trx, municipality, asOf, progress);
      checkLeavingConfirmed(planned.leave.length, registerBefore(planned), options.confirmLeaving);
      const names = await named(trx, planned);
      await applyPlan(session, trx, { municipalityId, asOf, actorId: options.actorId }, planned);
      return { plan: planned, names };
    }),
  );
  // The register just changed, perhaps from empty to a whole municipality: the embedded database has no autovacuum.
  if (options.apply) await refreshEmbeddedStatistics(handle);
  const byNumber = (a: { pnr: string }, b: { pnr: string }) => (a.pnr < b.pnr ? -1 : a.pnr > b.pnr ? 1 : 0);
  for (const list of [p.enter, p.leave, p.change]) list.sort(byNumber);
  const who = (pnr: string) => ({
    personalIdentityNumber: pnr,
    name: names.get(pnr)?.name ?? '',
    protectedIdentity: names.get(pnr)?.protectedIdentity ?? false,
  });
  const before = registerBefore(p);
  return {
    asOf,
    entered: p.enter.map((e) => ({ ...who(e.pnr), reason: e.reason })),
    left: p.leave.map((l) => ({ ...who(l.pnr), reason: l.reason, rule: l.rule })),
    changed: p.change.map((c) => ({ ...who(c.pnr), fields: c.fields })),
    inRegister: p.inRegister,
    inRegisterBefore: before,
    leavingNeedsConfirmation: leavingNeedsConfirmation(p.leave.length, before),
  };
}

/** The names of everyone `p` touches, read before it is applied. */
function named(q: Transaction<Database>, p: Plan): Promise<Map<string, NamedPerson>> {
  const fromList = [...p.enter.map((e) => e.pnr), ...p.change.map((c) => c.pnr)];
  const known = [
    ...p.leave.map((l) => l.personId),
    ...p.change.map((c) => c.personId),
    ...p.enter.flatMap((e) => (e.personId ? [e.personId] : [])),
  ];
  return namesOf(q, p.imports.population, fromList, known);
}
