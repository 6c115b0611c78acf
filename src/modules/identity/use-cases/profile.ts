import { changedFields, pick } from '../../../platform/audit/changes.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal, SessionPrincipal } from '../../../platform/http/access.ts';
import type { TSessionState, TUpdateProfileRequest, TUser } from '../contract.ts';
import { countUsers, findUserById, findUsersByIds, updateUser } from '../store.ts';
import { presentUser } from './present.ts';

export async function getProfile(ctx: AppContext, principal: SessionPrincipal): Promise<TUser> {
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw new AppError('unauthenticated', 'sign_in_required');
  return presentUser(user);
}

/** What the web app needs on load: who is signed in (if anyone), the CSRF token, and whether setup is due. */
export async function sessionState(ctx: AppContext, principal: Principal | null): Promise<TSessionState> {
  if (principal?.kind !== 'session') {
    return { user: null, isFullyAuthenticated: false, csrfToken: null, needsSetup: (await countUsers(ctx.db)) === 0 };
  }
  return {
    user: await getProfile(ctx, principal),
    isFullyAuthenticated: principal.isFullyAuthenticated,
    csrfToken: principal.csrfToken,
    needsSetup: false,
  };
}

export async function updateProfile(ctx: AppContext, principal: SessionPrincipal, input: TUpdateProfileRequest) {
  return inTransaction(ctx.db, async (tx) => {
    const current = await findUserById(tx, principal.userId);
    if (!current) throw new AppError('unauthenticated', 'sign_in_required');
    const fields = changedFields(pick(current, Object.keys(input) as (keyof typeof input)[]), input);
    if (fields.length === 0) return presentUser(current);
    const now = ctx.clock.now();
    const user = await updateUser(tx, principal.userId, { ...input, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'user', id: principal.userId },
      action: 'user.profile_updated',
      data: { fields },
    });
    return presentUser(user);
  });
}

/** Names of people for display (audit trail, member lists), by id. */
export async function userNames(ctx: AppContext, ids: string[]): Promise<Map<string, { name: string; email: string }>> {
  const rows = await findUsersByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}
