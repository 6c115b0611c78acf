import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { TMember, TRole } from '../contract.ts';
import { keepsAnOwner } from '../rules.ts';
import {
  deleteMembership,
  findMembership,
  insertMembership,
  listMembers as listMemberRows,
  lockMembershipsForChange,
  setMemberRole,
} from '../store.ts';
import { asRole } from './present.ts';

export async function listMembers(ctx: AppContext, scope: OrgScope): Promise<TMember[]> {
  const rows = await listMemberRows(ctx.db, scope.orgId);
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: asRole(row.role),
    hasTotp: Boolean(row.hasTotp),
    joinedAt: row.joinedAt.toISOString(),
  }));
}

/**
 * Makes an existing account a member with a role, inside the caller's transaction, without an invitation: for
 * operator tooling and demo data (people join through invitations).
 */
export async function addMember(
  ctx: AppContext,
  tx: Database,
  input: { orgId: string; userId: string; role: TRole },
  actor: OrgScope['actor'],
): Promise<void> {
  if (await findMembership(tx, input.orgId, input.userId)) throw conflict('already_member');
  await insertMembership(tx, input);
  await recordAudit(tx, ctx.clock.now(), {
    orgId: input.orgId,
    actor,
    action: 'member.added',
    target: { type: 'user', id: input.userId },
    data: { role: input.role },
  });
  await ctx.hooks.emit('register.inputs_changed', tx, { orgId: input.orgId, changed: { memberIds: [input.userId] } });
}

/**
 * Refuses a user who is not a member of the organisation (field error `not_a_member` at `path`), inside the
 * caller's transaction: for modules that record a member as responsible (an activity's owner).
 */
export async function assertMemberOfOrg(tx: Database, orgId: string, userId: string, path: string): Promise<void> {
  if (!(await findMembership(tx, orgId, userId))) throw invalidField(path, 'not_a_member');
}

/** Changes or ends a membership; the last owner can neither be demoted nor removed. */
async function changeMembership(ctx: AppContext, scope: OrgScope, userId: string, next: TRole | null) {
  await inTransaction(ctx.db, async (tx) => {
    const { target, ownerCount } = await lockMembershipsForChange(tx, scope.orgId, userId);
    if (!target) throw notFound('member_not_found');
    const current = asRole(target.role);
    if (!keepsAnOwner(ownerCount, current, next)) throw conflict('last_owner');
    if (next) await setMemberRole(tx, scope.orgId, userId, next);
    else await deleteMembership(tx, scope.orgId, userId);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: next ? 'member.role_changed' : 'member.removed',
      target: { type: 'user', id: userId },
      data: next ? { from: current, to: next } : { role: current },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { memberIds: [userId] } });
  });
}

export async function changeMemberRole(ctx: AppContext, scope: OrgScope, userId: string, role: TRole): Promise<void> {
  await changeMembership(ctx, scope, userId, role);
}

/** Owners remove anyone; every member may leave (remove themselves). */
export async function removeMember(ctx: AppContext, scope: OrgScope, userId: string): Promise<void> {
  const isSelf = scope.actor.type === 'user' && scope.actor.id === userId;
  if (!isSelf && scope.role !== 'owner')
    throw new AppError('forbidden', 'role_insufficient', { params: { role: 'owner' } });
  await changeMembership(ctx, scope, userId, null);
}
