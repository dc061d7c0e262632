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
import { sql, type Transaction } from 'kysely';
import type { Role } from '../../../core/roles.js';
import type { SignInCodeRequest } from '../../../core/schemas.js';
import { requireCapability, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { hashPassword, oneTimePassword } from '../../http/passwords.js';
import { deleteSessionsOf } from '../../http/sessions.js';
import { alertStaff } from '../emergency-access/alerts.js';

const ISSUERS: Role[] = ['administrator', 'coordinator'];

/** Roles whose grant or password reset the other administrators and coordinators are told of. */
export const WATCHED_ROLES = ['coordinator', 'administrator'] as const;
/** How long a request for a sign-in code may wait to be issued; after that the account must be reset again. */
export const SIGN_IN_CODE_REQUEST_DAYS = 7;

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
    ISSUERS,
  );
}

const fresh = sql<boolean>`created_at > now() - make_interval(days => ${SIGN_IN_CODE_REQUEST_DAYS})`;

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
  const waiting = await trx
    .selectFrom('sign_in_code_requests')
    .select(['id', 'requested_by', fresh.as('fresh')])
    .where('staff_id', '=', staff.id)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (waiting?.fresh) {
    if (waiting.requested_by !== actor.id)
      await trx
        .updateTable('sign_in_code_requests')
        .set({ requested_by: actor.id })
        .where('id', '=', waiting.id)
        .execute();
    return waiting.id;
  }
  // An expired request gives way to a new one (one pending request per account).
  if (waiting) await trx.deleteFrom('sign_in_code_requests').where('id', '=', waiting.id).execute();
  const row = await trx
    .insertInto('sign_in_code_requests')
    .values({ municipality_id: actor.municipalityId, staff_id: staff.id, requested_by: actor.id, reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  const watched = WATCHED_ROLES.find((role) => role === staff.role);
  if (watched)
    await alertCoordinatorChange(
      trx,
      actor,
      `${watched}_${reason === 'new_account' ? 'granted' : 'password_reset'}`,
      staff,
    );
  return row.id;
}

/**
 * Codes of the actor's municipality waiting to be issued, except those the actor asked for or that are for the actor.
 */
export async function listSignInCodeRequests(ctx: RequestContext): Promise<SignInCodeRequest[]> {
  requireCapability(ctx.actor, 'sign_in_codes.issue');
  const rows = await ctx.db
    .selectFrom('sign_in_code_requests as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .innerJoin('staff as by', 'by.id', 'r.requested_by')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      's.id as staff_id',
      's.name',
      's.email',
      's.role',
      'by.id as by_id',
      'by.name as by_name',
    ])
    .where('r.municipality_id', '=', ctx.actor.municipalityId)
    .where('r.status', '=', 'pending')
    .where(sql<boolean>`r.created_at > now() - make_interval(days => ${SIGN_IN_CODE_REQUEST_DAYS})`)
    .where('r.requested_by', '<>', ctx.actor.id)
    .where('r.staff_id', '<>', ctx.actor.id)
    .where('s.active', '=', true)
    .orderBy('r.created_at')
    .execute();
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
    const request = await trx
      .selectFrom('sign_in_code_requests as r')
      .innerJoin('staff as s', 's.id', 'r.staff_id')
      .select([
        'r.id',
        'r.status',
        'r.requested_by',
        's.id as staff_id',
        's.name',
        's.email',
        sql<boolean>`r.created_at > now() - make_interval(days => ${SIGN_IN_CODE_REQUEST_DAYS})`.as('fresh'),
      ])
      .where('r.id', '=', requestId)
      .where('r.municipality_id', '=', ctx.actor.municipalityId)
      .where('s.active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new AppError('not_found');
    if (request.requested_by === ctx.actor.id || request.staff_id === ctx.actor.id)
      throw new AppError('code_self_issue_forbidden');
    if (request.status !== 'pending') throw new AppError('code_already_issued');
    if (!request.fresh) throw new AppError('code_request_expired');
    await trx
      .updateTable('staff')
      .set({ password_hash: hash, must_change_password: true, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', request.staff_id)
      .execute();
    await deleteSessionsOf(trx, request.staff_id);
    await trx
      .updateTable('sign_in_code_requests')
      .set({ status: 'issued', issued_by: ctx.actor.id, issued_at: sql`now()` })
      .where('id', '=', request.id)
      .execute();
    await audit({
      action: 'update',
      entity: 'staff',
      entityId: request.staff_id,
      detail: { signInCodeIssued: true, requestedBy: request.requested_by },
    });
    return { oneTimePassword: secret, name: request.name, email: request.email };
  });
}
