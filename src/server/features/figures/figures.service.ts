/** The start page's figures: counts of the register and cases, never identities, so managers may read them. */
import { CONTACT_PERSON_ROLES } from '../../../core/roles.js';
import { requireCapability } from '../../access/access.js';
import type { RequestContext } from '../../http/context.js';
import { caseCounts, registerSize } from './figures.queries.js';

/**
 * The actor's municipality's figures; "my cases" only for those who can hold cases, "without access"
 * only for coordinators.
 */
export async function startPageFigures(ctx: RequestContext) {
  const { db, actor } = ctx;
  requireCapability(actor, 'figures.read');
  const [register, cases] = await Promise.all([registerSize(db, actor.municipalityId), caseCounts(db, actor)]);
  const caseworker = (CONTACT_PERSON_ROLES as readonly string[]).includes(actor.role);
  return {
    inRegister: register.n,
    openCases: cases.open,
    withoutContactPerson: cases.unassigned,
    myCases: caseworker ? cases.mine : null,
    contactPersonWithoutAccess: actor.role === 'coordinator' ? cases.without_access : null,
    byStatus: Object.fromEntries(cases.byStatus.map((s) => [s.status, s.n])),
  };
}
