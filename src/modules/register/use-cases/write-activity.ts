import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TActivity, TCreateActivityRequest, TUpdateActivityRequest } from '../contract.ts';
import * as store from '../store.ts';
import { activityColumns, activityLinkInput, assertReferences, changedActivityFields } from './activity-input.ts';
import { getActivity } from './read-activity.ts';
import { refreshCompletenessBeforeCommit } from './refresh-completeness.ts';

const nameTaken = () => invalidField('name', 'name_taken');

/**
 * Creates an activity with its links inside the caller's transaction, with its audit record: for the create route,
 * and for templates and imports that create many things in one transaction.
 */
export async function insertActivity(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  input: TCreateActivityRequest,
): Promise<store.ActivityRow> {
  await assertReferences(tx, scope.orgId, input);
  const now = ctx.clock.now();
  const row = await store.insertActivity(tx, scope.orgId, {
    ...activityColumns(input),
    name: input.name,
    role: input.role,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) throw nameTaken();
  await store.replaceLinks(tx, scope.orgId, row.id, activityLinkInput(input));
  await recordAudit(tx, now, {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'activity.created',
    target: { type: 'activity', id: row.id, name: row.name },
    data: { role: row.role, status: row.status },
  });
  await refreshCompletenessBeforeCommit(ctx, tx, scope.orgId, { activityIds: [row.id] });
  return row;
}

export async function createActivity(
  ctx: AppContext,
  scope: OrgScope,
  input: TCreateActivityRequest,
  locale: Locale,
): Promise<TActivity> {
  const row = await inTransaction(ctx.db, (tx) => insertActivity(ctx, tx, scope, input));
  return getActivity(ctx, scope, row.id, locale);
}

/** Changes the fields given; link lists and transfers that are given replace the old ones as a whole. */
export async function updateActivity(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateActivityRequest,
  locale: Locale,
): Promise<TActivity> {
  await inTransaction(ctx.db, async (tx) => {
    const current = await store.findActivity(tx, scope.orgId, id);
    if (!current) throw notFound('activity_not_found');
    if (input.name !== undefined && (await store.isNameTaken(tx, scope.orgId, input.name, id))) throw nameTaken();
    await assertReferences(tx, scope.orgId, input);
    const links = (await store.linksOf(tx, scope.orgId, [id])).get(id) ?? store.noLinks();
    const fields = changedActivityFields(current, links, input);
    // Saving a form unchanged is no change: nothing is written, not even an audit entry.
    if (fields.length === 0) return;
    const now = ctx.clock.now();
    await store.updateActivity(tx, scope.orgId, id, { ...activityColumns(input), updatedAt: now });
    await store.replaceLinks(tx, scope.orgId, id, activityLinkInput(input));
    const statusChange =
      input.status !== undefined && input.status !== current.status
        ? { from: current.status, to: input.status }
        : undefined;
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: statusChange?.to === 'retired' ? 'activity.retired' : 'activity.updated',
      target: { type: 'activity', id, name: input.name ?? current.name },
      data: { fields, ...(statusChange ? { status: statusChange } : {}) },
    });
    await refreshCompletenessBeforeCommit(ctx, tx, scope.orgId, { activityIds: [id] });
  });
  return getActivity(ctx, scope, id, locale);
}

/** Deletes an activity and its links. To keep it in the history instead, set its status to `retired`. */
export async function deleteActivity(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const current = await store.findActivity(tx, scope.orgId, id);
    if (!current) throw notFound('activity_not_found');
    await store.deleteActivity(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'activity.deleted',
      target: { type: 'activity', id, name: current.name },
      data: { role: current.role, status: current.status },
    });
  });
}
