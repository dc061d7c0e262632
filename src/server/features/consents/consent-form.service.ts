/** Prints the consent form pre-filled from a person's case: name, number, team, contact person, the team's agencies. */
import { ageOn } from '../../../core/personnummer.js';
import { requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { consentFormPdf } from './consent-form.js';
import { selectManagedPerson } from './consents.queries.js';

/** The consent form as PDF for a person the actor works on; printing it is audited as an export. */
export async function printConsentForm(ctx: RequestContext, personId: string, language: 'sv' | 'en'): Promise<Buffer> {
  requireCapability(ctx.actor, 'consents.manage');
  const data = await audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'consent_form');
    const [kase, guardians, units, municipality] = await Promise.all([
      trx
        .selectFrom('cases')
        .leftJoin('teams', 'teams.id', 'cases.team_id')
        .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
        .select(['cases.team_id', 'teams.name as team_name', 'staff.name as contact_name'])
        .where('cases.person_id', '=', personId)
        .orderBy('cases.opened_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
      trx.selectFrom('guardians').select('name').where('person_id', '=', personId).orderBy('position').execute(),
      trx
        .selectFrom('units')
        .select(['id', 'name'])
        .where('municipality_id', '=', person.municipality_id)
        .where('active', '=', true)
        .orderBy('name')
        .execute(),
      trx
        .selectFrom('municipalities')
        .select('name')
        .where('id', '=', person.municipality_id)
        .executeTakeFirstOrThrow(),
    ]);
    const teamUnits = kase?.team_id
      ? new Set(
          (
            await trx
              .selectFrom('team_members')
              .innerJoin('staff', 'staff.id', 'team_members.staff_id')
              .select('staff.unit_id')
              .where('team_members.team_id', '=', kase.team_id)
              .execute()
          ).map((r) => r.unit_id),
        )
      : new Set<string | null>();
    await audit({
      action: 'export',
      entity: 'consent_form',
      entityId: personId,
      personId,
      detail: { language, ...readBasis(person) },
    });
    const pnr = person.personal_identity_number.trim();
    return {
      name: `${person.given_name} ${person.family_name}`,
      personalIdentityNumber: `${pnr.slice(0, 8)}-${pnr.slice(8)}`,
      under18: ageOn(person.birth_date, ctx.clock.now()) < 18,
      guardians: guardians.map((g) => g.name),
      team: kase?.team_name ?? null,
      contactPerson: kase?.contact_name ?? null,
      municipality: municipality.name,
      units: units.map((u) => ({ name: u.name, ticked: teamUnits.has(u.id) })),
    };
  });
  return consentFormPdf(data, language);
}
