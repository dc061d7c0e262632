/**
 * A person's register extract (GDPR art. 15): what Lotsa holds about them and the log of who
 * accessed it, produced by a coordinator on request. Producing it is audited as an export, with the
 * access basis and the categories it holds. Timeline entries of categories the coordinator may not
 * see (as on the timeline) are left out and counted instead, with the unit that holds them. Contact
 * details of a protected identity are withheld unless the coordinator has a grant to see them, and
 * its timeline names no change of them (as the person page's timeline, both from selectEvents).
 * Assessments, plan versions, measures and referrals come in the same categories (extract-work.ts).
 */
import { sql, type Selectable } from 'kysely';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Db } from '../../db/connection.js';
import type { PersonsTable } from '../../db/types.js';
import {
  accessOf,
  categoriesOf,
  contactDetailsVisibleTo,
  personVisibleTo,
  requireCapability,
} from '../../access/access.js';
import { contactDetailsShown } from '../../access/protected-identity.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { selectConsents } from '../consents/consents.queries.js';
import { selectEvents } from '../persons/persons.queries.js';
import { extractWork } from './extract-work.js';
import { selectWithheld, withheldStatement } from './withheld.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What Lotsa holds about the person that the coordinator may see, and what it leaves out, as plain data for JSON and
 * the PDF in `language`.
 */
export async function buildExtract(ctx: RequestContext, personId: string, language: 'sv' | 'en') {
  requireCapability(ctx.actor, 'extract.produce');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await trx
      .selectFrom('persons')
      .innerJoin('municipalities', 'municipalities.id', 'persons.municipality_id')
      .selectAll('persons')
      .select(['municipalities.name as municipality'])
      .select((eb) => sql<boolean>`${contactDetailsVisibleTo(ctx.actor)(eb)}`.as('contact_visible'))
      .select((eb) => accessOf(ctx.actor)(eb))
      .where('persons.id', '=', personId)
      .where(personVisibleTo(ctx.actor))
      .executeTakeFirst();
    if (!person) throw denied(personId, 'extract');
    // The same decision as the person page: a protected identity's details only with a grant.
    const visible = contactDetailsShown(person);
    const categories = categoriesOf(person);
    const content = await extractContent(trx, person, {
      categories,
      contactVisible: visible,
      language,
      forYoungPerson: null,
      producedAt: ctx.clock.now(),
    });
    await audit({
      action: 'export',
      entity: 'extract',
      entityId: personId,
      personId,
      detail: {
        contactDetails: visible,
        ...readBasis(person),
        withheld: content.withheld.map((w) => ({ category: w.category, entries: w.entries })),
      },
    });
    return content;
  });
}

/** The person row an extract is made of. */
type ExtractPerson = Selectable<PersonsTable> & { municipality: string };

/**
 * What Lotsa holds about `person` in `categories`, and what it leaves out. For the young person's own
 * extract (`forYoungPerson`), notes staff have not shared with them are left out, assessments are left
 * out (their sections are not yet shared one by one), and staff are named only where the municipality
 * shows names to young people.
 */
export async function extractContent(
  trx: Db,
  person: ExtractPerson,
  {
    categories,
    contactVisible,
    language,
    forYoungPerson,
    producedAt,
  }: {
    categories: ConsentCategory[];
    contactVisible: boolean;
    language: 'sv' | 'en';
    forYoungPerson: { namesShown: boolean } | null;
    producedAt: Date;
  },
) {
  const personId = person.id;
  const visible = contactVisible;
  const show = <T>(v: T) => (visible ? v : null);
  const named = (name: string | null) => (forYoungPerson && !forYoungPerson.namesShown ? null : name);
  const [guardians, periods, cases, events, withheld, consents, applications, emergency, accessLog, work] =
    await Promise.all([
      trx
        .selectFrom('guardians')
        .select(['name', 'relation', 'phone', 'email'])
        .where('person_id', '=', personId)
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('register_periods')
        .select(['entered_on', 'entry_reason', 'left_on', 'leave_reason'])
        .where('person_id', '=', personId)
        .orderBy('entered_on')
        .execute(),
      trx
        .selectFrom('cases')
        .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
        .leftJoin('teams', 'teams.id', 'cases.team_id')
        .select([
          'cases.status',
          'cases.opened_at',
          'cases.closed_at',
          'staff.name as contact_person',
          'teams.name as team',
        ])
        .where('cases.person_id', '=', personId)
        .orderBy('cases.opened_at')
        .execute(),
      selectEvents(trx, person, categories, { sharedWithYoungPersonOnly: Boolean(forYoungPerson) }).then((rows) =>
        forYoungPerson ? rows.map(withoutStaffNotes) : rows,
      ),
      selectWithheld(trx, personId, categories),
      selectConsents(trx, personId),
      trx
        .selectFrom('applications')
        .innerJoin('teams', 'teams.id', 'applications.team_id')
        .select([
          'teams.name as team',
          'applications.referrer',
          'applications.signed_on',
          'applications.status',
          'applications.decision_note',
          'applications.decided_at',
        ])
        .where('applications.person_id', '=', personId)
        .orderBy('applications.created_at')
        .execute(),
      trx
        .selectFrom('emergency_access')
        .innerJoin('staff', 'staff.id', 'emergency_access.staff_id')
        .select(['staff.name', 'emergency_access.reason', 'emergency_access.started_at', 'emergency_access.ends_at'])
        .where('emergency_access.person_id', '=', personId)
        .orderBy('started_at')
        .execute(),
      trx
        .selectFrom('audit_log')
        .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
        .leftJoin('units', 'units.id', 'staff.unit_id')
        .select([
          'audit_log.at',
          'audit_log.action',
          'audit_log.entity',
          'staff.name as staff',
          'staff.role',
          'units.name as unit',
        ])
        .where('audit_log.person_id', '=', personId)
        .orderBy('audit_log.id')
        .execute(),
      extractWork(trx, { personId, municipalityId: person.municipality_id }, categories, language).then((work) =>
        forYoungPerson ? { ...work, assessments: [] } : work,
      ),
    ]);
  return {
    producedAt: producedAt.toISOString(),
    municipality: person.municipality,
    person: {
      personalIdentityNumber: person.personal_identity_number.trim(),
      givenName: person.given_name,
      familyName: person.family_name,
      birthDate: person.birth_date,
      protectedIdentity: person.protected_identity,
      contactDetailsWithheld: !visible,
      streetAddress: show(person.street_address),
      postalCode: show(person.postal_code),
      city: show(person.city),
      phone: show(person.phone),
      email: show(person.email),
      guardians: guardians.map((g) => ({
        name: g.name,
        relation: g.relation,
        phone: show(g.phone),
        email: show(g.email),
      })),
    },
    registerPeriods: periods.map((p) => ({
      enteredOn: p.entered_on,
      entryReason: p.entry_reason,
      leftOn: p.left_on,
      leaveReason: p.leave_reason,
    })),
    cases: cases.map((c) => ({
      status: c.status,
      openedAt: iso(c.opened_at),
      closedAt: iso(c.closed_at),
      contactPerson: c.contact_person,
      team: c.team,
    })),
    categories,
    // The timeline is newest first; the extract reads from the beginning.
    events: events.reverse().map((e) => ({
      type: e.type,
      category: e.category,
      occurredAt: iso(e.occurred_at),
      by: named(e.actor_name),
      payload: e.payload,
    })),
    withheld: withheld.map((w) => ({ ...w, statement: withheldStatement(w, language) })),
    consents: consents.map((c) => ({
      recipients: c.recipients.map((r) => r.name),
      categories: c.categories,
      purpose: c.purpose,
      givenBy: c.given_by,
      method: c.method,
      givenOn: c.given_on,
      validUntil: c.valid_until,
      withdrawnAt: iso(c.withdrawn_at),
    })),
    ...work,
    applications: applications.map((a) => ({
      team: a.team,
      referrer: a.referrer,
      signedOn: a.signed_on,
      status: a.status,
      decisionNote: a.decision_note,
      decidedAt: iso(a.decided_at),
    })),
    emergencyAccess: emergency.map((e) => ({
      by: named(e.name),
      reason: e.reason,
      startedAt: iso(e.started_at),
      endsAt: iso(e.ends_at),
    })),
    accessLog: accessLog.map((a) => ({
      at: iso(a.at),
      action: a.action,
      what: a.entity,
      by: named(a.staff),
      role: a.role,
      unit: a.unit,
    })),
  };
}

/** An entry without the free-text note staff wrote on it (a contact attempt's), for the young person's own extract. */
function withoutStaffNotes<T extends { type: string; payload: unknown }>(e: T): T {
  const payload = e.payload as Record<string, unknown>;
  if (e.type === 'note' || !payload || typeof payload !== 'object' || !('note' in payload)) return e;
  return { ...e, payload: { ...payload, note: null } };
}

/** The extract's shape. */
export type Extract = Awaited<ReturnType<typeof buildExtract>>;
