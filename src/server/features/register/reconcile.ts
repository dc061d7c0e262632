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
import type { EntryReason, LeaveReason } from '../../../core/register.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { withSession, type Session } from '../../db/session.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import type { Progress } from '../../jobs/queue.js';
import { applyPlan } from './apply-plan.js';
import { eachPerson, readEnrolments } from './register-facts.js';
import { readyImports, schoolUnitCoverage } from './register.queries.js';

export type ReconcileResult = {
  asOf: string;
  entered: { personalIdentityNumber: string; reason: EntryReason }[];
  left: { personalIdentityNumber: string; reason: LeaveReason; rule: string }[];
  changed: { personalIdentityNumber: string; fields: string[] }[];
  inRegister: number;
};

/** What reconciliation on a day would do, and from which lists. */
export type Plan = {
  imports: { population: string; enrolments: string[] };
  enter: { pnr: string; birthDate: string; reason: EntryReason; personId: string | null; source: { populationLine: number; enrolments: { importId: string; line: number }[] } }[];
  leave: { pnr: string; personId: string; periodId: string; reason: LeaveReason; rule: string; leftOn: string }[];
  change: { pnr: string; personId: string; fields: string[] }[];
  inRegister: number;
};

/** The day a period closes: the 20th birthday for those who turned 20 (but not before it opened), else the day reconciled. */
function leaveDay(reason: LeaveReason, birthDate: string, enteredOn: string, asOf: string): string {
  if (reason !== 'turned_20') return asOf;
  const birthday = `${Number(birthDate.slice(0, 4)) + 20}${birthDate.slice(4)}`;
  return birthday < enteredOn ? enteredOn : birthday < asOf ? birthday : asOf;
}

/** Works out, without writing, what reconciliation on `asOf` would do. */
async function plan(session: Session, q: Transaction<Database>, municipality: { id: string; code: string }, asOf: string, progress: Progress): Promise<Plan> {
  const ready = await readyImports(q, municipality.id);
  if (!ready.population) throw new AppError('no_population_list');
  const enrolments = await readEnrolments(session, ready.enrolments, await schoolUnitCoverage(q, ready.enrolments));
  const result: Plan = { imports: { population: ready.population, enrolments: ready.enrolments }, enter: [], leave: [], change: [], inRegister: 0 };
  let done = 0;
  await eachPerson(session, municipality.id, ready.population, (p) => {
    const birthDate = birthDateOf(p.pnr);
    const mine = enrolments.of(p.pnr);
    const verdict = eligibility({ birthDate, municipalityCode: p.municipalityCode, registeredSince: p.registeredSince, enrolments: mine }, municipality.code, asOf);
    if (verdict.inRegister) {
      result.inRegister++;
      if (!p.periodId) {
        const source = { populationLine: p.line!, enrolments: mine.map((e) => ({ importId: e.importId, line: e.line })) };
        result.enter.push({ pnr: p.pnr, birthDate, reason: verdict.reason, personId: p.personId, source });
      }
      // Someone in the register, or coming back to it, takes the newest list's details.
      if (p.personId && p.changed.length) result.change.push({ pnr: p.pnr, personId: p.personId, fields: p.changed });
    } else if (p.periodId) {
      const leftOn = leaveDay(verdict.leaveReason, birthDate, p.enteredOn!, asOf);
      result.leave.push({ pnr: p.pnr, personId: p.personId!, periodId: p.periodId, reason: verdict.leaveReason, rule: verdict.failedRule, leftOn });
    }
    if (++done % 50_000 === 0) void progress(done);
  });
  await progress(done, done);
  return result;
}

/** An applied reconciliation must not go back before the newest applied one, nor into the future. */
async function checkApplyDay(q: Transaction<Database>, municipalityId: string, asOf: string): Promise<void> {
  if (asOf > todayInSweden()) throw new AppError('reconcile_future', [{ field: 'asOf', code: 'invalid' }]);
  const newest = await q.selectFrom('reconciliations').select('as_of').where('municipality_id', '=', municipalityId).orderBy('as_of', 'desc').limit(1).executeTakeFirst();
  if (newest && asOf < newest.as_of) throw new AppError('reconcile_before_newest', [{ field: 'asOf', code: 'invalid' }]);
}

/** Reconciles the register of `municipalityId` on `asOf`; with `apply`, writes it in one transaction. */
export async function reconcile(handle: DatabaseHandle, municipalityId: string, asOf: string, options: { apply: boolean; actorId: string | null }, progress: Progress = async () => {}): Promise<ReconcileResult> {
  const p = await withSession(handle, (session) =>
    session.db.transaction().execute(async (trx) => {
      const municipality = await trx.selectFrom('municipalities').select(['id', 'code']).where('id', '=', municipalityId).executeTakeFirstOrThrow();
      // Half a million persons hash-join in memory rather than spill to disk, and set-wise writes of
      // tens of thousands of rows are planned in a moment, not compiled (JIT) for a quarter second.
      await sql`set local work_mem = '256MB'`.execute(trx);
      await sql`set local jit = off`.execute(trx);
      if (!options.apply) return plan(session, trx, municipality, asOf, progress);
      await sql`select pg_advisory_xact_lock(hashtext(${`reconcile:${municipalityId}`}))`.execute(trx);
      await checkApplyDay(trx, municipalityId, asOf);
      const planned = await plan(session, trx, municipality, asOf, progress);
      await applyPlan(session, trx, { municipalityId, asOf, actorId: options.actorId }, planned);
      return planned;
    }),
  );
  const byNumber = (a: { pnr: string }, b: { pnr: string }) => (a.pnr < b.pnr ? -1 : a.pnr > b.pnr ? 1 : 0);
  for (const list of [p.enter, p.leave, p.change]) list.sort(byNumber);
  return {
    asOf,
    entered: p.enter.map((e) => ({ personalIdentityNumber: e.pnr, reason: e.reason })),
    left: p.leave.map((l) => ({ personalIdentityNumber: l.pnr, reason: l.reason, rule: l.rule })),
    changed: p.change.map((c) => ({ personalIdentityNumber: c.pnr, fields: c.fields })),
    inRegister: p.inRegister,
  };
}
