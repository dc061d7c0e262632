/** Use cases on persons: list, read, create, edit, timeline and journal notes. Each read and write is audited. */
import { sql } from 'kysely';
import type { z } from 'zod';
import { ageOn, parseIdentityNumber } from '../../../core/personnummer.js';
import { todayInSweden } from '../../../core/dates.js';
import { withinKaaAge } from '../../../core/eligibility.js';
import type {
  noteBody,
  personCreateBody,
  personListQuery,
  personUpdateBody,
  PersonDetail,
  PersonSummary,
  TimelineEvent,
  Paged,
} from '../../../core/schemas.js';
import type { Profession } from '../../../core/professions.js';
import { roleCan } from '../../../core/roles.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { contactDetailsShown, fieldsShown } from '../../access/protected-identity.js';
import { readBasis } from '../../audit/basis.js';
import { looksSensitive } from '../../../core/consent.js';
import { AppError } from '../../http/app-error.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import {
  selectNote,
  periodSources,
  selectEmergencyEnd,
  selectEvents,
  selectPerson,
  selectPersonPage,
  selectPersonParts,
} from './persons.queries.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { eventRow } from '../../db/events.js';
import { readEvent } from '../../../core/events/index.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A page of the persons the actor may see, each listing audited. */
export async function listPersons(
  ctx: RequestContext,
  query: z.infer<typeof personListQuery>,
): Promise<Paged<PersonSummary>> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const today = todayInSweden(ctx.clock.now());
    const { total, totalIsLowerBound, rows } = await selectPersonPage(trx, ctx.actor, query, today);
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'person' as const,
        entityId: r.id,
        personId: r.id,
        detail: { q: query.q, basis: r.access_basis },
      })),
    );
    return {
      total,
      totalIsLowerBound,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        personalIdentityNumber: r.personal_identity_number,
        givenName: r.given_name,
        familyName: r.family_name,
        // The case belongs to contact and occupation: without that category only the name shows.
        caseStatus: r.sees_contact_occupation ? (r.status ?? null) : null,
        contactPerson: r.sees_contact_occupation && r.contact_id ? { id: r.contact_id, name: r.contact_name! } : null,
        inRegister: r.sees_contact_occupation && Boolean(r.in_register),
        age: ageOn(r.birth_date, new Date(`${today}T12:00:00Z`)),
        lastAttemptAt:
          r.sees_contact_occupation && r.last_attempt_at ? new Date(r.last_attempt_at).toISOString() : null,
      })),
    };
  });
}

/** One person with details, register periods and case; contact details masked under protected identity. */
export async function getPerson(ctx: RequestContext, personId: string): Promise<PersonDetail> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }): Promise<PersonDetail> => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'person');
    const categories = categoriesOf(person);
    const seesContact = person.sees_contact_occupation;
    const { guardians, periods, latestCase } = seesContact
      ? await selectPersonParts(trx, personId)
      : { guardians: [], periods: [], latestCase: undefined };
    const visible = contactDetailsShown(person);
    await audit({
      action: 'read',
      entity: 'person',
      entityId: personId,
      personId,
      detail: { contactDetails: visible, ...readBasis(person) },
    });
    const parsed = parseIdentityNumber(person.personal_identity_number);
    const hide = <T>(v: T) => (visible ? v : null);
    const emergency =
      person.access_basis === 'emergency' ? await selectEmergencyEnd(trx, ctx.actor.id, personId) : null;
    const sources = await periodSources(trx, periods);
    return {
      id: person.id,
      personalIdentityNumber: person.personal_identity_number,
      kind: parsed.ok ? parsed.value.kind : 'personal',
      birthDate: person.birth_date,
      givenName: person.given_name,
      familyName: person.family_name,
      protectedIdentity: person.protected_identity,
      contactDetailsHidden: !visible && person.protected_identity,
      streetAddress: hide(person.street_address),
      postalCode: hide(person.postal_code),
      city: hide(person.city),
      phone: hide(person.phone),
      email: hide(person.email),
      phoneGivenBy: hide(person.phone_given_by),
      emailGivenBy: hide(person.email_given_by),
      signInCodeChannel: hide(person.sign_in_code_channel),
      guardians: guardians.map((g) => ({
        name: g.name,
        relation: g.relation,
        phone: hide(g.phone),
        email: hide(g.email),
      })),
      version: person.version,
      registerPeriods: periods.map((p, i) => ({
        id: p.id,
        enteredOn: p.entered_on,
        entryReason: p.entry_reason,
        leftOn: p.left_on,
        leaveReason: p.leave_reason,
        rule: p.left_on ? p.rule : null,
        sources: sources[i]!,
      })),
      case: latestCase
        ? {
            id: latestCase.id,
            status: latestCase.status,
            contactPerson: latestCase.contact_id
              ? {
                  id: latestCase.contact_id,
                  name: latestCase.contact_name!,
                  profession: latestCase.contact_profession as Profession | null,
                }
              : null,
            contactPersonHasAccess: latestCase.contact_has_access,
            team: latestCase.team_id ? { id: latestCase.team_id, name: latestCase.team_name! } : null,
            openedAt: latestCase.opened_at.toISOString(),
            closedAt: iso(latestCase.closed_at),
            version: latestCase.version,
          }
        : null,
      access: {
        basis: person.access_basis,
        categories,
        emergencyUntil: emergency ? emergency.toISOString() : null,
        managed: person.managed,
      },
    };
  });
}

type PersonInput = z.infer<typeof personCreateBody>;

/** Registers a person and opens their case. Throws 409 when the number is already registered. */
export async function createPerson(ctx: RequestContext, input: PersonInput): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'persons.create');
  const parsed = parseIdentityNumber(input.personalIdentityNumber);
  if (!parsed.ok)
    throw new AppError('invalid_identity_number', [{ field: 'personalIdentityNumber', code: parsed.error }]);
  // A case is opened only for someone the KAA can concern: "070101+2395" is a person born in 1907.
  if (!withinKaaAge(parsed.value.birthDate, todayInSweden(ctx.clock.now())))
    throw new AppError('outside_kaa_age', [{ field: 'personalIdentityNumber', code: 'kaa_age' }]);
  try {
    return await audited(ctx, async ({ trx, audit }) => {
      const municipalityId = ctx.actor.municipalityId;
      const person = await trx
        .insertInto('persons')
        .values({
          municipality_id: municipalityId,
          personal_identity_number: parsed.value.canonical,
          birth_date: parsed.value.birthDate,
          given_name: input.givenName,
          family_name: input.familyName,
          street_address: input.streetAddress,
          postal_code: input.postalCode,
          city: input.city,
          phone: input.phone,
          email: input.email,
          phone_given_by: input.phone ? input.phoneGivenBy : null,
          email_given_by: input.email ? input.emailGivenBy : null,
          sign_in_code_channel: input.signInCodeChannel,
          protected_identity: input.protectedIdentity,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertGuardians(trx, municipalityId, person.id, input.guardians);
      const kase = await trx
        .insertInto('cases')
        .values({ municipality_id: municipalityId, person_id: person.id, status: 'new' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('events')
        .values([
          eventRow(
            { municipality_id: municipalityId, person_id: person.id, actor_id: ctx.actor.id },
            'person_created',
            {},
          ),
          eventRow(
            { municipality_id: municipalityId, person_id: person.id, case_id: kase.id, actor_id: ctx.actor.id },
            'case_opened',
            {},
          ),
        ])
        .execute();
      await audit({ action: 'create', entity: 'person', entityId: person.id, personId: person.id });
      return { id: person.id };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('duplicate_person', [{ field: 'personalIdentityNumber', code: 'invalid' }]);
    throw err;
  }
}

async function insertGuardians(
  trx: RequestContext['db'],
  municipalityId: string,
  personId: string,
  guardians: PersonInput['guardians'],
) {
  if (guardians.length === 0) return;
  await trx
    .insertInto('guardians')
    .values(
      guardians.map((g, position) => ({
        municipality_id: municipalityId,
        person_id: personId,
        position,
        name: g.name,
        relation: g.relation,
        phone: g.phone,
        email: g.email,
      })),
    )
    .execute();
}

/**
 * Who gave a detail after an edit: none without the detail; as sent; or, when left out, as before for the same detail
 * and not known (null, so no sign-in code goes to it) for a changed one.
 */
function givenBy<T>(detail: string | null, sent: T | null | undefined, before: string | null, was: T | null): T | null {
  if (!detail) return null;
  if (sent !== undefined) return sent;
  return detail === before ? was : null;
}

/**
 * Edits a person if `input.version` is still current (409 otherwise). Contact details the actor
 * cannot see (protected identity) are left as they are rather than overwritten with blanks.
 */
export async function updatePerson(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof personUpdateBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'persons.edit');
  await audited(ctx, async ({ trx, audit }) => {
    const current = await selectPerson(trx, ctx.actor, personId);
    if (!current || !current.managed) throw denied(personId, 'person');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const mayTouchContact = Boolean(current.contact_visible);
    const next = {
      given_name: input.givenName,
      family_name: input.familyName,
      // Protection can always be added; only a coordinator who may see the details can lift it.
      protected_identity:
        input.protectedIdentity ||
        (current.protected_identity && !(mayTouchContact && roleCan(ctx.actor.role, 'protected.grant'))),
      ...(mayTouchContact && {
        street_address: input.streetAddress,
        postal_code: input.postalCode,
        city: input.city,
        phone: input.phone,
        email: input.email,
        phone_given_by: givenBy(input.phone, input.phoneGivenBy, current.phone, current.phone_given_by),
        email_given_by: givenBy(input.email, input.emailGivenBy, current.email, current.email_given_by),
        sign_in_code_channel: input.signInCodeChannel ?? current.sign_in_code_channel,
      }),
    };
    // Only what really changes is recorded: a field the actor may not touch, or protection they may not lift, stays as
    // it was.
    const before: Record<string, unknown> = {
      givenName: current.given_name,
      familyName: current.family_name,
      protectedIdentity: current.protected_identity,
      streetAddress: current.street_address,
      postalCode: current.postal_code,
      city: current.city,
      phone: current.phone,
      email: current.email,
      phoneGivenBy: current.phone_given_by,
      emailGivenBy: current.email_given_by,
      signInCodeChannel: current.sign_in_code_channel,
    };
    const after: Record<string, unknown> = {
      ...before,
      givenName: next.given_name,
      familyName: next.family_name,
      protectedIdentity: next.protected_identity,
      ...(mayTouchContact && {
        streetAddress: input.streetAddress,
        postalCode: input.postalCode,
        city: input.city,
        phone: input.phone,
        email: input.email,
        phoneGivenBy: next.phone_given_by,
        emailGivenBy: next.email_given_by,
        signInCodeChannel: next.sign_in_code_channel,
      }),
    };
    const changed = Object.keys(before).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
    if (mayTouchContact) {
      const guardians = await trx
        .selectFrom('guardians')
        .select(['name', 'relation', 'phone', 'email'])
        .where('person_id', '=', personId)
        .orderBy('position')
        .execute();
      if (
        JSON.stringify(guardians) !==
        JSON.stringify(
          input.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, email: g.email })),
        )
      )
        changed.push('guardians');
    }
    if (changed.length === 0) return;
    const updated = await trx
      .updateTable('persons')
      .set({ ...next, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', personId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    if (changed.includes('guardians')) {
      await trx.deleteFrom('guardians').where('person_id', '=', personId).execute();
      await insertGuardians(trx, current.municipality_id, personId, input.guardians);
    }
    // The timeline must not tell readers that a protected person's address changed.
    const shownFields = fieldsShown(changed, current.protected_identity || next.protected_identity);
    // An edit of hidden fields only leaves no event: a bare one would say just what is hidden. The audit log has it.
    if (shownFields.length)
      await trx
        .insertInto('events')
        .values(
          eventRow(
            { municipality_id: current.municipality_id, person_id: personId, actor_id: ctx.actor.id },
            'person_updated',
            { fields: shownFields },
          ),
        )
        .execute();
    await audit({ action: 'update', entity: 'person', entityId: personId, personId, detail: { fields: changed } });
  });
}

/** The timeline of a person the actor may see. */
export async function listEvents(ctx: RequestContext, personId: string): Promise<TimelineEvent[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }): Promise<TimelineEvent[]> => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'events');
    const categories = categoriesOf(person);
    // Under protected identity the timeline never says that the address changed, whenever it did (selectEvents).
    const rows = await selectEvents(trx, person, categories);
    await audit({ action: 'read', entity: 'events', entityId: personId, personId, detail: readBasis(person) });
    return rows.map((r) => ({
      id: r.id,
      type: r.type as TimelineEvent['type'],
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name! } : null,
      payload: r.payload,
      correctsEventId: r.corrects_event_id,
      correctedBy: r.corrected_by ?? null,
      category: r.category,
    }));
  });
}

/** The note an actor already added under `key` (audited as a replay; 404 once out of reach). */
function replayedNote(ctx: RequestContext, personId: string, key: string) {
  return audited(ctx, async ({ trx, audit }) => {
    const prior = await trx
      .selectFrom('events')
      .select(['id', 'person_id', 'type', 'payload', 'category'])
      .where('actor_id', '=', ctx.actor.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.person_id !== personId)
      throw new AppError('idempotency_key_reused', [{ field: 'Idempotency-Key', code: 'invalid' }]);
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'note');
    await audit({
      action: 'read',
      entity: 'note',
      entityId: prior.id,
      personId,
      detail: { replay: true, ...readBasis(person) },
    });
    const note = readEvent(prior.type, prior.payload);
    const text = note?.type === 'note' ? note.payload.text : '';
    return { id: prior.id, possiblySensitive: prior.category === null && looksSensitive(text) };
  });
}

/**
 * Adds a journal note, or a correction of an earlier note (the original stays as it was). A retry
 * with the same Idempotency-Key records nothing twice and answers as the first time.
 */
export async function addNote(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof noteBody>,
  idempotencyKey: string | null = null,
): Promise<{ id: string; possiblySensitive: boolean }> {
  requireCapability(ctx.actor, 'notes.write');
  if (idempotencyKey) {
    const prior = await replayedNote(ctx, personId, idempotencyKey);
    if (prior) return prior;
  }
  try {
    return await insertNote(ctx, personId, input, idempotencyKey);
  } catch (err) {
    // Two submits with the same key at once: the second lost the race; answer with the first.
    if (idempotencyKey && isUniqueViolation(err)) {
      const prior = await replayedNote(ctx, personId, idempotencyKey);
      if (prior) return prior;
    }
    throw err;
  }
}

function insertNote(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof noteBody>,
  idempotencyKey: string | null,
): Promise<{ id: string; possiblySensitive: boolean }> {
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'note');
    let category = input.category ?? null;
    if (input.correctsEventId) {
      const original = await selectNote(trx, personId, input.correctsEventId);
      if (!original || !categoriesOf(person).includes(original.category))
        throw new AppError('invalid_correction', [{ field: 'correctsEventId', code: 'invalid' }]);
      // A correction stays in the category of what it corrects.
      category = original.category === 'assessment_plan' && !input.category ? null : original.category;
    }
    // Staff record only into categories they may see: writing shares with everyone who sees it.
    if (!categoriesOf(person).includes(category ?? 'assessment_plan'))
      throw new AppError('category_not_allowed', [{ field: 'category', code: 'invalid' }]);
    const openCase = await trx
      .selectFrom('cases')
      .select('id')
      .where('person_id', '=', personId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    const event = await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: person.municipality_id,
            person_id: personId,
            case_id: openCase?.id ?? null,
            actor_id: ctx.actor.id,
            corrects_event_id: input.correctsEventId ?? null,
            category,
            idempotency_key: idempotencyKey,
          },
          'note',
          input.sharedWithYoungPerson ? { text: input.text, sharedWithYoungPerson: true } : { text: input.text },
        ),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'create',
      entity: 'note',
      entityId: event.id,
      personId,
      detail: { category, basis: person.access_basis },
    });
    // An uncategorised note is part of the KAA documentation: warn when it looks like sensitive data.
    return { id: event.id, possiblySensitive: category === null && looksSensitive(input.text) };
  });
}
