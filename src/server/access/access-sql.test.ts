/**
 * The SQL that decides who sees what, checked in as SQL: each access predicate, and the main
 * queries over persons, compiled from the Kysely builders with fixed actors and parameters and
 * compared with the files in `./sql/`. A change to who sees what then shows in review as a SQL diff;
 * when the change is meant, `npx vitest run src/server/access/access-sql.test.ts -u` rewrites the files.
 */
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import { format } from 'sql-formatter';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../core/roles.js';
import type { Database } from '../db/types.js';
import { personListQuery } from '../../core/schemas.js';
import { selectPerson, selectPersonPage } from '../features/persons/persons.queries.js';
import { selectAgenda, selectDecisions } from '../features/team-meetings/team-meetings.queries.js';
import { selectOutcomeCases, selectVisiblePersons } from '../features/reports/outcome-cases.queries.js';
import {
  accessOf,
  categoryVisibleTo,
  contactDetailsVisibleTo,
  personManagedBy,
  personVisibleTo,
  teamMeetingReadableBy,
  type Actor,
} from './access.js';
import { eventSharedWithYoungPerson, ownRecordOf } from './young-person.js';

/** A driver that runs nothing: it keeps each query it is given and answers one row with a zero count and an id. */
class CapturingDriver implements Driver {
  readonly queries: CompiledQuery[] = [];
  /** Every query answers this many rows (a full page of a list, say), each with a total and its own id. */
  constructor(private readonly rowCount = 1) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const rows = Array.from({ length: this.rowCount }, (_, i) => ({
      total: 0,
      id: `00000000-0000-4000-8000-${String(0xd002 + i).padStart(12, '0')}`,
    }));
    return {
      executeQuery: async (query) => (this.queries.push(query), { rows: rows as never[] }),
      streamQuery: () => {
        throw new Error('not used');
      },
    };
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

function capturing(rowCount?: number) {
  const driver = new CapturingDriver(rowCount);
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, queries: driver.queries };
}

const MUNICIPALITY = '00000000-0000-4000-8000-00000000a001';
const UNIT = '00000000-0000-4000-8000-00000000b001';
/** A fixed actor of each role, all of one municipality and unit. */
function actorOf(role: Role): Actor {
  return {
    id: `00000000-0000-4000-8000-0000000c000${ROLES.indexOf(role)}`,
    name: role,
    role,
    municipalityId: MUNICIPALITY,
    unitId: UNIT,
  };
}

/** A compiled query as a readable file: the formatted SQL, then its parameters in order. */
function asFile(query: CompiledQuery): string {
  const sql = format(query.sql, { language: 'postgresql', keywordCase: 'lower', paramTypes: { numbered: ['$'] } });
  const params = query.parameters.map((value, i) => `-- $${i + 1} = ${JSON.stringify(value)}`);
  return `${sql}\n${params.join('\n')}\n`;
}

const file = (name: string) => `./sql/${name}.sql`;

describe('the access predicates, as SQL', () => {
  const { db } = capturing();
  for (const role of ROLES) {
    it(`who a ${role} may see, and may change`, async () => {
      const actor = actorOf(role);
      const visible = db.selectFrom('persons').select('persons.id').where(personVisibleTo(actor)).compile();
      await expect(asFile(visible)).toMatchFileSnapshot(file(`person-visible-to.${role}`));
      const managed = db.selectFrom('persons').select('persons.id').where(personManagedBy(actor)).compile();
      await expect(asFile(managed)).toMatchFileSnapshot(file(`person-managed-by.${role}`));
    });
  }

  it('which categories a youth coach and a team member of another agency may see', async () => {
    for (const role of ['youth_coach', 'team_member'] as const) {
      const actor = actorOf(role);
      for (const category of ['contact_occupation', 'assessment_plan', 'health_social'] as const) {
        const query = db.selectFrom('persons').select('persons.id').where(categoryVisibleTo(actor, category)).compile();
        await expect(asFile(query)).toMatchFileSnapshot(file(`category-visible-to.${category}.${role}`));
      }
    }
  });

  it("a youth coach's basis and category flags, and contact details", async () => {
    const actor = actorOf('youth_coach');
    const flags = db
      .selectFrom('persons')
      .select((eb) => accessOf(actor)(eb))
      .compile();
    await expect(asFile(flags)).toMatchFileSnapshot(file('access-of.youth_coach'));
    const details = db.selectFrom('persons').select('persons.id').where(contactDetailsVisibleTo(actor)).compile();
    await expect(asFile(details)).toMatchFileSnapshot(file('contact-details-visible-to.youth_coach'));
  });
});

describe('the main queries over persons, as SQL', () => {
  it('the person list of a youth coach: count, page and its rows, searched and filtered', async () => {
    const query = personListQuery.parse({
      q: 'andersson',
      status: 'open',
      sort: 'lastAttempt',
      page: '2',
      pageSize: '2',
    });
    // A full page: the total is counted (a page that is not full gives it without counting).
    const { db, queries } = capturing(query.pageSize);
    await selectPersonPage(db, actorOf('youth_coach'), query, '2026-12-01');
    expect(queries).toHaveLength(3);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('person-list.page.youth_coach'));
    await expect(asFile(queries[1]!)).toMatchFileSnapshot(file('person-list.count.youth_coach'));
    await expect(asFile(queries[2]!)).toMatchFileSnapshot(file('person-list.rows.youth_coach'));
  });

  it('the person page of a team member', async () => {
    const { db, queries } = capturing();
    await selectPerson(db, actorOf('team_member'), '00000000-0000-4000-8000-00000000d001');
    expect(queries).toHaveLength(1);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('person.team_member'));
  });
});

describe('the team meeting, as SQL', () => {
  it("the agenda and decisions as a team member sees them: each row's person only where it is visible", async () => {
    const { db, queries } = capturing();
    const team = '00000000-0000-4000-8000-00000000e002';
    const meeting = { id: '00000000-0000-4000-8000-00000000e001', team_id: team, held_on: '2026-12-08' };
    await selectAgenda(db, actorOf('team_member'), meeting);
    await selectDecisions(db, actorOf('team_member'), meeting.id);
    expect(queries).toHaveLength(2);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('team-meeting-agenda.team_member'));
    await expect(asFile(queries[1]!)).toMatchFileSnapshot(file('team-meeting-decisions.team_member'));
  });
});

describe('who reads a team meeting, as SQL', () => {
  it('a coordinator: any team of the municipality; a team member: a team they are in or lead', async () => {
    const { db } = capturing();
    for (const role of ['coordinator', 'team_member'] as const) {
      const query = db
        .selectFrom('teams')
        .select('teams.id')
        .where(teamMeetingReadableBy(actorOf(role)))
        .compile();
      await expect(asFile(query)).toMatchFileSnapshot(file(`team-meeting-readable-by.${role}`));
    }
  });
});

describe("the young person's own record, as SQL", () => {
  it('what a signed-in young person reaches: their own row, while they have a live case', async () => {
    const { db } = capturing();
    const actor = {
      kind: 'young_person' as const,
      personId: '00000000-0000-4000-8000-00000000e001',
      municipalityId: MUNICIPALITY,
      method: 'sms_code' as const,
    };
    await expect(
      asFile(db.selectFrom('persons').select('persons.id').where(ownRecordOf(actor)).compile()),
    ).toMatchFileSnapshot(file('own-record-of.young_person'));
  });

  it('which timeline entries of their own record a young person sees: a note only when shared with them', async () => {
    const { db } = capturing();
    const query = db.selectFrom('events').select('events.id').where(eventSharedWithYoungPerson).compile();
    await expect(asFile(query)).toMatchFileSnapshot(file('event-shared-with.young_person'));
  });
});

describe('the cases behind a count of the figures, as SQL', () => {
  it('a youth coach: the cases closed in the period with one outcome, of the persons they may see', async () => {
    const { db, queries } = capturing();
    const q = { from: '2026-01-01', to: '2026-06-30', outcome: 'work', targetGroup: 'kaa' as const };
    await selectOutcomeCases(db, actorOf('youth_coach'), q);
    expect(queries).toHaveLength(1);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('outcome-cases.youth_coach'));
  });

  it('a coordinator: the cases with documented problems, of persons whose health data they see', async () => {
    const { db, queries } = capturing();
    const q = { from: '2026-01-01', to: '2026-06-30', gender: 'female' as const, documentedProblems: true };
    await selectOutcomeCases(db, actorOf('coordinator'), q);
    expect(queries).toHaveLength(1);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('outcome-cases-problems.coordinator'));
  });

  it("a youth coach: the persons behind an SCB block's rows, only those they may see", async () => {
    const { db, queries } = capturing();
    await selectVisiblePersons(db, actorOf('youth_coach'), ['00000000-0000-4000-8000-000000000001']);
    expect(queries).toHaveLength(1);
    await expect(asFile(queries[0]!)).toMatchFileSnapshot(file('scb-block-persons.youth_coach'));
  });
});
