/** /api/v1/figures: counts for the start page. Figures only, never identities, so managers may read them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { figuresSchema, problemSchema } from '../../../core/schemas.js';
import { contactPersonHasAccess, heldBy, requireCapability } from '../../access/access.js';
import { contextOf } from '../../http/context.js';

/** Registers the figures route. */
export async function figuresRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/figures', {
    schema: { tags: ['figures'], summary: 'Counts of the register and cases in your municipality', response: { 200: figuresSchema, 401: problemSchema, 403: problemSchema } },
    handler: async (request) => {
      const { db, actor } = contextOf(request);
      requireCapability(actor, 'figures.read');
      const m = actor.municipalityId;
      const [register, cases, byStatus] = await Promise.all([
        db.selectFrom('register_periods').select(sql<number>`count(distinct person_id)::int`.as('n')).where('municipality_id', '=', m).where('left_on', 'is', null).executeTakeFirstOrThrow(),
        db
          .selectFrom('cases')
          .select([
            sql<number>`count(*)::int`.as('open'),
            sql<number>`(count(*) filter (where contact_person_id is null))::int`.as('unassigned'),
            // A case whose contact person may not open it is nobody's: not counted as theirs, but shown to the coordinator.
            sql<number>`(count(*) filter (where ${heldBy(actor, sql.ref('contact_person_id'))}))::int`.as('mine'),
            sql<number>`(count(*) filter (where contact_person_id is not null and not ${contactPersonHasAccess(sql.ref('contact_person_id'))}))::int`.as('without_access'),
          ])
          .where('municipality_id', '=', m)
          .where('closed_at', 'is', null)
          .executeTakeFirstOrThrow(),
        db.selectFrom('cases').select(['status', sql<number>`count(*)::int`.as('n')]).where('municipality_id', '=', m).groupBy('status').execute(),
      ]);
      const caseworker = ['coordinator', 'youth_coach', 'team_member'].includes(actor.role);
      return {
        inRegister: register.n,
        openCases: cases.open,
        withoutContactPerson: cases.unassigned,
        myCases: caseworker ? cases.mine : null,
        contactPersonWithoutAccess: actor.role === 'coordinator' ? cases.without_access : null,
        byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s.n])),
      };
    },
  });
}
