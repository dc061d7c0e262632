/**
 * Separation of duties for sign-in: an administrator who creates an account or resets a password
 * never sees the one-time code. The request waits until another administrator or a coordinator
 * (never the requester, never the person it is for) issues it: only then is a code made, shown once
 * to the issuer to hand to the person, and the person must choose their own password at the first
 * sign-in. One administrator alone can therefore never sign in as someone else; it takes two people,
 * and granting the coordinator role or resetting a coordinator's password alerts every other
 * administrator and coordinator on their start page. (There is no e-mail to send the code by; the
 * first accounts of an installation come from `npx lotsa users add` at the server.)
 */
import type { Transaction } from 'kysely';
import type { Role } from '../../../core/roles.js';
import type { SignInCodeRequest } from '../../../core/schemas.js';
import { requireCapability, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { hashPassword, oneTimePassword } from '../../http/passwords.js';
import { deleteSessionsOf } from '../../http/sessions.js';
import { alertStaff } from '../emergency-access/alerts.js';
import {
  codeRequestOf,
  deleteCodeRequest,
  insertCodeRequest,
  markCodeRequestIssued,
  pendingCodeRequestOf,
  pendingCodeRequestsFor,
  setCodeRequester,
  setOneTimePasswordHash,
} from './staff.queries.js';

const ISSUERS: Role[] = ['administrator', 'coordinator'];

/** Roles whose grant or password reset the other administrators and coordinators are told of. */
export const WATCHED_ROLES = ['coordinator', 'administrator'] as const;

/**
 * Alerts the other administrators and coordinators that `staff` became a coordinator or administrator, or had their
 * password reset.
 */
export async function alertCoordinatorChange(
  trx: Transaction<Database>,
  actor: Actor,
  kind: `${(typeof WATCHED_ROLES)[number]}_${'granted' | 'password_reset'}`,
  staff: { id: string; name: string },
) {
  await alertStaff(
    trx,
    actor,
    { kind, personId: null, payload: { by: actor.name, to: staff.name, staffId: staff.id } },
    { roles: ISSUERS },
  );
}

/**
 * Asks for a one-time code for `staff` (a new account or a reset); returns the request's id. A
 * request already waiting for the same account is reused, and whoever asks again becomes its
 * requester: an administrator who asks can never be the one to issue it. Alerts those who may issue it.
 */
export async function requestSignInCode(
  trx: Transaction<Database>,
  actor: Actor,
  staff: { id: string; name: string; role: string },
  reason: 'new_account' | 'reset',
): Promise<string> {
  const waiting = await pendingCodeRequestOf(trx, staff.id);
  if (waiting?.fresh) {
    if (waiting.requested_by !== actor.id) await setCodeRequester(trx, waiting.id, actor.id);
    return waiting.id;
  }
  // An expired request gives way to a new one (one pending request per account).
  if (waiting) await deleteCodeRequest(trx, waiting.id);
  const requestId = await insertCodeRequest(trx, {
    municipalityId: actor.municipalityId,
    staffId: staff.id,
    requestedBy: actor.id,
    reason,
  });
  const watched = WATCHED_ROLES.find((role) => role === staff.role);
  if (watched)
    await alertCoordinatorChange(
      trx,
      actor,
      `${watched}_${reason === 'new_account' ? 'granted' : 'password_reset'}`,
      staff,
    );
  return requestId;
}

/**
 * Codes of the actor's municipality waiting to be issued, except those the actor asked for or that are for the actor.
 */
export async function listSignInCodeRequests(ctx: RequestContext): Promise<SignInCodeRequest[]> {
  requireCapability(ctx.actor, 'sign_in_codes.issue');
  const rows = await pendingCodeRequestsFor(ctx.db, ctx.actor.municipalityId, ctx.actor.id);
  return rows.map((r) => ({
    id: r.id,
    staff: { id: r.staff_id, name: r.name, email: r.email, role: r.role as Role },
    requestedBy: { id: r.by_id, name: r.by_name },
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * Issues the code of a waiting request: the account's password becomes it (to be changed at first sign-in) and its
 * sessions end.
 */
export async function issueSignInCode(
  ctx: RequestContext,
  requestId: string,
): Promise<{ oneTimePassword: string; name: string; email: string }> {
  requireCapability(ctx.actor, 'sign_in_codes.issue');
  const secret = oneTimePassword();
  const hash = await hashPassword(secret);
  return audited(ctx, async ({ trx, audit }) => {
    const request = await codeRequestOf(trx, ctx.actor.municipalityId, requestId);
    if (!request) throw new AppError('not_found');
    if (request.requested_by === ctx.actor.id || request.staff_id === ctx.actor.id)
      throw new AppError('code_self_issue_forbidden');
    if (request.status !== 'pending') throw new AppError('code_already_issued');
    if (!request.fresh) throw new AppError('code_request_expired');
    await setOneTimePasswordHash(trx, request.staff_id, hash);
    await deleteSessionsOf(trx, request.staff_id);
    await markCodeRequestIssued(trx, request.id, ctx.actor.id);
    await audit({
      action: 'update',
      entity: 'staff',
      entityId: request.staff_id,
      detail: { signInCodeIssued: true, requestedBy: request.requested_by },
    });
    return { oneTimePassword: secret, name: request.name, email: request.email };
  });
}
