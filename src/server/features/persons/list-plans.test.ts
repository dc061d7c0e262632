/**
 * The query plans of the main list queries: the person list (browsed, sorted, searched by name and
 * by identity number, filtered to one's own cases), the person page with its timeline and a work
 * queue. Each use case runs against a few thousand persons, its statements are captured and
 * explained with sequential scans switched off (`enable_seqscan = off`): the planner then scans a
 * table in full only when no index can serve the query, so a Seq Scan on persons, cases or events
 * here is a missing index, at any size. The control query proves the check sees one.
 */
import { CompiledQuery, Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personListQuery } from '../../../core/schemas.js';
import { queueItemsQuery } from '../../../core/outreach-schemas.js';
import type { Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import { PGliteDialect } from '../../db/pglite-dialect.js';
import type { RequestContext } from '../../http/context.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { listQueues, queueItems } from '../queues/queues.service.js';
import { getPerson, listEvents, listPersons } from './persons.service.js';

const PERSONS = 3000;
const WATCHED = ['persons', 'cases', 'events', 'register_periods'];

let h: Harness;
let logged: Kysely<Database>;
const captured: CompiledQuery[] = [];
let coordinator: Actor;
let coach: Actor;
/** A team member of the social services (not a KAA unit) in the coach's team: sees a person only by consent. */
let social: Actor;
let personId: string;

beforeAll(async () => {
  h = await createHarness();
  const raw = h.handle.raw;
  const dialect = raw.kind === 'postgresql' ? new PostgresDialect({ pool: raw.pool }) : new PGliteDialect(raw.pglite);
  logged = new Kysely<Database>({
    dialect,
    log: (e: LogEvent) => void (e.level === 'query' && captured.push(e.query)),
  });
  const staff = async (id: string, role: Actor['role']): Promise<Actor> => {
    const row = await h.db
      .selectFrom('staff')
      .select(['name', 'unit_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, name: row.name, role, municipalityId: h.municipalityId, unitId: row.unit_id };
  };
  coordinator = await staff(h.as.coordinator.staffId, 'coordinator');
  coach = await staff(h.as.youth_coach.staffId, 'youth_coach');
  const m = h.municipalityId;
  await sql`insert into persons (municipality_id, personal_identity_number, birth_date, given_name, family_name)
    select ${m}, '2008' || lpad(g::text, 8, '0'), date '2007-01-01' + (g % 900), 'Förnamn' || g,
           (array['Andersson', 'Berg', 'Lind', 'Holm', 'Nilsson'])[g % 5 + 1] || g
    from generate_series(1, ${PERSONS}) g`.execute(h.db);
  await sql`insert into cases (municipality_id, person_id, status, contact_person_id)
    select ${m}, id, 'contacting', case when random() < 0.05 then ${coach.id}::uuid end from persons
      where municipality_id = ${m}`.execute(h.db);
  // The coach's team holds every third case, so their caseload (about 1,150) is much larger than a search's
  // matches in it, as a youth coach's is at national size.
  const team = await h.db
    .insertInto('teams')
    .values({ municipality_id: m, name: 'Planteamet' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: coach.id }).execute();
  await sql`update cases set team_id = ${team.id} from persons where persons.id = cases.person_id
    and substr(persons.given_name, 8)::int % 3 = 0`.execute(h.db);
  // The social services' team member is in the same team; one person in ten has consented to their unit.
  const socialUnit = await h.db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', m)
    .where('name', '=', 'Socialtjänsten')
    .executeTakeFirstOrThrow();
  await h.db.updateTable('staff').set({ unit_id: socialUnit.id }).where('id', '=', h.as.team_member.staffId).execute();
  social = await staff(h.as.team_member.staffId, 'team_member');
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: social.id }).execute();
  await sql`insert into consents (municipality_id, person_id, purpose, given_by, method, given_on, recorded_by)
    select ${m}, id, 'Samverkan', 'young_person', 'in_lotsa', date '2026-11-01', ${coordinator.id} from persons
      where municipality_id = ${m} and substr(given_name, 8)::int % 10 = 0`.execute(h.db);
  await sql`insert into consent_recipients (consent_id, unit_id)
    select id, ${socialUnit.id} from consents where municipality_id = ${m}`.execute(h.db);
  await sql`insert into register_periods (municipality_id, person_id, entered_on, entry_reason)
    select ${m}, id, date '2026-01-01' + abs(hashtext(id::text)) % 300, 'dropped_out' from persons
      where municipality_id = ${m}`.execute(h.db);
  await sql`insert into events (municipality_id, person_id, case_id, type, payload)
    select c.municipality_id, c.person_id, c.id, 'case_opened', '{}' from cases c, generate_series(1, 3)`.execute(h.db);
  await sql`analyze`.execute(h.db);
  personId = (
    await h.db
      .selectFrom('cases')
      .select('person_id')
      .where('contact_person_id', '=', coach.id)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).person_id;
}, 120_000);
afterAll(() => h.close());

const ctxOf = (actor: Actor): RequestContext => ({ db: logged, actor, ip: null, clock: h.clock });

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Sort Key'?: string[];
  'Presorted Key'?: string[];
  'Subplan Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The names of the subplans in `all` that read one of `tables`: "hashed SubPlan n" when read once, as a list. */
const subplansReading = (all: PlanNode[], tables: string[]) =>
  all
    .filter((n) => n['Subplan Name'] && nodes(n).some((d) => tables.includes(d['Relation Name'] ?? '')))
    .map((n) => n['Subplan Name']!);

/** The plan of each read statement of `work`, with sequential scans off: its SQL and its nodes. */
async function plansOf(work: () => Promise<unknown>): Promise<{ sql: string; nodes: PlanNode[] }[]> {
  captured.length = 0;
  await work();
  const reads = captured.filter((q) => /^\s*(with|select)\b/i.test(q.sql));
  expect(reads.length).toBeGreaterThan(0);
  const plans: { sql: string; nodes: PlanNode[] }[] = [];
  await h.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    for (const q of reads) {
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
      );
      const cell = rows[0]!['QUERY PLAN'];
      const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
      plans.push({ sql: q.sql, nodes: nodes(plan[0]!.Plan) });
    }
  });
  return plans;
}

/** The tables each read of `work` scans in full when sequential scans are off, by statement. */
async function fullScans(work: () => Promise<unknown>): Promise<string[]> {
  return (await plansOf(work)).flatMap(({ sql: text, nodes: all }) =>
    all
      .filter((n) => n['Node Type'] === 'Seq Scan' && WATCHED.includes(n['Relation Name']!))
      .map((n) => `${n['Relation Name']} in: ${text.slice(0, 160)}`),
  );
}

describe('the main list queries at scale', () => {
  it('would see a full scan: a search on a column without an index scans persons', async () => {
    const scans = await fullScans(() =>
      logged.selectFrom('persons').select('id').where('phone', 'like', '%12%').execute(),
    );
    expect(scans).toHaveLength(1);
  });

  it("browse a coordinator's municipality by name, both ways, by age and by identity number, by index", async () => {
    for (const q of [
      {},
      { order: 'desc' },
      { sort: 'age' },
      { sort: 'personalIdentityNumber', order: 'desc' },
      { page: '3' },
    ]) {
      expect(await fullScans(() => listPersons(ctxOf(coordinator), personListQuery.parse(q)))).toEqual([]);
    }
  });

  it('search by name and by identity number through their trigram indexes', async () => {
    for (const q of ['ande', 'berg12', '20080000', 'Förnamn17 Lind']) {
      expect(await fullScans(() => listPersons(ctxOf(coordinator), personListQuery.parse({ q })))).toEqual([]);
    }
  });

  it("start from a coach's own cases, not from every person of the municipality", async () => {
    for (const q of [{}, { contactPerson: 'me', status: 'open' }, { q: 'and' }]) {
      expect(await fullScans(() => listPersons(ctxOf(coach), personListQuery.parse(q)))).toEqual([]);
    }
  });

  it("search a coach's caseload through the trigram indexes, joining the caseload once, not probing it", async () => {
    // A common name (a fifth of all persons) and part of an identity number (a third): the page and the count
    // read the matches through a trigram index and join them with the caseload's ids, estimated at the
    // caseload's size; testing each person of the caseload by primary key would read persons_pkey.
    for (const q of ['berg', '200800001']) {
      const plans = await plansOf(() => listPersons(ctxOf(coach), personListQuery.parse({ q })));
      const pageAndCount = plans.filter((p) => !p.sql.includes('"access_basis"'));
      expect(pageAndCount).toHaveLength(2);
      for (const { nodes: all } of pageAndCount) {
        const indexes = all.map((n) => n['Index Name']).filter(Boolean);
        console.log(
          'DEBUG3',
          q,
          JSON.stringify(all.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name'], n['Subplan Name']])),
        );
        expect(indexes.some((name) => name!.endsWith('_trgm'))).toBe(true);
        expect(indexes).not.toContain('persons_pkey');
      }
    }
  });

  it("find one's own open cases from an index of one's cases, for a coordinator and for a coach", async () => {
    // Testing the newest case of every person one sees (a whole municipality for a coordinator) read 600,000
    // buffers for a coordinator and 160,000 for a coach at national size; a coordinator's plan read no case by
    // its contact person at all. (At national size the index of the open cases serves it, index only.)
    for (const actor of [coordinator, coach]) {
      const plans = await plansOf(() =>
        listPersons(ctxOf(actor), personListQuery.parse({ contactPerson: 'me', status: 'open' })),
      );
      const pageAndCount = plans.filter((p) => !p.sql.includes('"access_basis"'));
      expect(pageAndCount.length).toBeGreaterThan(0);
      for (const { nodes: all } of pageAndCount) {
        const indexes = all.map((n) => n['Index Name']);
        expect(
          indexes.some((name) => name === 'cases_open_by_contact_person' || name === 'cases_by_contact_person'),
        ).toBe(true);
      }
    }
  });

  it("test no case per person for a caseworker's list", async () => {
    // A coach of the KAA and a team member of the social services, browsing: the page and the count. Their first
    // cut is their caseload (narrowed, unless their unit is the KAA's own, to the persons whose consent names it),
    // so no subplan tests a case person by person, as the previous rule did for consent (36,644 buffers for the
    // team member's page and again for the count at national size). Whether the unit's consents are then read as
    // a hashed list is the planner's choice by size: at national size it hashes them; here it may not.
    for (const actor of [coach, social]) {
      const plans = await plansOf(() => listPersons(ctxOf(actor), personListQuery.parse({})));
      const pageAndCount = plans.filter((p) => !p.sql.includes('"access_basis"'));
      expect(pageAndCount).toHaveLength(2);
      for (const { nodes: all } of pageAndCount) {
        expect(all.some((n) => n['Relation Name'] === 'cases')).toBe(true);
        expect(subplansReading(all, ['cases'])).toEqual([]);
      }
    }
  });

  it('read the person page and its timeline by index', async () => {
    expect(await fullScans(() => getPerson(ctxOf(coach), personId))).toEqual([]);
    expect(await fullScans(() => listEvents(ctxOf(coach), personId))).toEqual([]);
  });

  it("page a coach's work queue by index, counting it in the same pass", async () => {
    expect(await fullScans(() => queueItems(ctxOf(coach), 'not-contacted', queueItemsQuery.parse({})))).toEqual([]);
    // A full page of a queue of about 1,150: one statement reads the page and counts the queue.
    const plans = await plansOf(() => queueItems(ctxOf(coach), 'verify-school', queueItemsQuery.parse({})));
    const overQueue = plans.filter((p) => p.sql.includes('register_periods'));
    expect(overQueue).toHaveLength(1);
    expect(overQueue[0]!.nodes.map((n) => n['Node Type'])).toContain('WindowAgg');
  });

  it("page a coordinator's queue in due order, both ways, from an index of the open periods' due dates", async () => {
    for (const [order, index] of [
      ['asc', 'register_periods_open_due'],
      ['desc', 'register_periods_open_due_desc'],
    ]) {
      const query = queueItemsQuery.parse({ order });
      const plans = await plansOf(() => queueItems(ctxOf(coordinator), 'verify-school', query));
      const page = plans.find((p) => p.sql.includes('"case_version"'))!;
      expect(page.nodes.map((n) => n['Index Name'])).toContain(index);
      // Read in that order: nothing sorts the open periods by their due date first.
      const sorts = page.nodes.filter((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort');
      expect(sorts.every((n) => n['Presorted Key'] || !n['Sort Key']?.[0]?.includes('next_due_on'))).toBe(true);
      for (const { nodes: all } of plans)
        expect(all.filter((n) => n['Node Type'] === 'Seq Scan' && WATCHED.includes(n['Relation Name']!))).toEqual([]);
    }
  });

  it("test whether contact was made once per period in a coach's overview, not once per queue that asks", async () => {
    const [plan, ...others] = (await plansOf(() => listQueues(ctxOf(coach), undefined))).filter((p) =>
      p.sql.includes('register_periods'),
    );
    expect(others).toEqual([]);
    // A scan of the contact attempts by their outcome: the reached attempts' index, or a filter on the outcome.
    const ownFields = ({ Plans: _, ...own }: PlanNode) => JSON.stringify(own);
    const byOutcome = plan!.nodes.filter(
      (n) =>
        n['Relation Name'] === 'contact_attempts' &&
        (n['Index Name'] === 'contact_attempts_reached' || ownFields(n).includes('outcome')),
    );
    // Five queues ask it (three "not reached", "occupation unknown" and "plan missing"): read once, in one place.
    expect(byOutcome).toHaveLength(1);
    // The pass over the caseload (its joins, not its subplans) reads cases only to find the caseload, by contact
    // person and by team: no open case is joined per person (the plan queues look it up where they need it).
    const pass = (n: PlanNode): PlanNode[] => [
      n,
      ...(n.Plans ?? []).filter((c) => !['SubPlan', 'InitPlan'].includes(c['Parent Relationship']!)).flatMap(pass),
    ];
    expect(pass(plan!.nodes[0]!).filter((n) => n['Relation Name'] === 'cases')).toHaveLength(2);
  });

  it('count every queue in one statement by index, for a coordinator and for a coach', async () => {
    for (const actor of [coordinator, coach]) {
      const plans = await plansOf(() => listQueues(ctxOf(actor), undefined));
      expect(plans.filter((p) => p.sql.includes('register_periods'))).toHaveLength(1);
      expect(await fullScans(() => listQueues(ctxOf(actor), undefined))).toEqual([]);
    }
  });
});
