import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { TBulkUpdateActivitiesRequest, TBulkUpdateActivitiesResult } from '../contract.ts';
import * as store from '../store.ts';
import { assertReferences } from './activity-input.ts';
import { refreshCompletenessBeforeCommit } from './refresh-completeness.ts';

type Changes = Omit<TBulkUpdateActivitiesRequest, 'activityIds'>;
const CHANGEABLE = ['ownerUserId', 'reviewDate', 'status'] as const;

/** The fields of the change whose value differs from the activity's. */
function changedFields(row: store.ActivityRow, changes: Changes): (typeof CHANGEABLE)[number][] {
  return CHANGEABLE.filter((field) => changes[field] !== undefined && changes[field] !== row[field]);
}

/**
 * Sets an owner, a review date or the status `active` on many activities in one transaction, with one audit entry
 * per activity that changed. Every id must be this organisation's (field error `activityIds`: `unknown_reference`),
 * the owner a member, and no retired activity can be confirmed; otherwise nothing changes.
 */
export async function bulkUpdateActivities(
  ctx: AppContext,
  scope: OrgScope,
  input: TBulkUpdateActivitiesRequest,
): Promise<TBulkUpdateActivitiesResult> {
  const { activityIds, ...changes } = input;
  const ids = [...new Set(activityIds)];
  return inTransaction(ctx.db, async (tx) => {
    const rows = await store.activitiesWithIds(tx, scope.orgId, ids);
    if (rows.length !== ids.length) throw invalidField('activityIds', 'unknown_reference');
    await assertReferences(tx, scope.orgId, changes);
    if (changes.status && rows.some((row) => row.status === 'retired')) {
      throw invalidField('status', 'retired_not_confirmable');
    }
    const now = ctx.clock.now();
    const updatedIds: string[] = [];
    for (const row of rows) {
      const fields = changedFields(row, changes);
      if (fields.length === 0) continue;
      await store.updateActivity(tx, scope.orgId, row.id, {
        ...Object.fromEntries(fields.map((field) => [field, changes[field]])),
        updatedAt: now,
      });
      await recordAudit(tx, now, {
        orgId: scope.orgId,
        actor: scope.actor,
        action: 'activity.updated',
        target: { type: 'activity', id: row.id, name: row.name },
        data: {
          fields,
          isBulk: true,
          ...(fields.includes('status') ? { status: { from: row.status, to: changes.status } } : {}),
        },
      });
      updatedIds.push(row.id);
    }
    await refreshCompletenessBeforeCommit(ctx, tx, scope.orgId, { activityIds: updatedIds });
    return { updated: updatedIds.length, unchanged: rows.length - updatedIds.length };
  });
}
