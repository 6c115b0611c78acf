import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as connectors from '../../connectors/service.ts';
import * as identity from '../../identity/service.ts';
import * as register from '../../register/service.ts';
import type { THold, TPolicy, TPreview, TRun } from '../contract.ts';
import type { Hold } from '../rules.ts';
import type * as store from '../store.ts';

/** A stored hold as the contract and the rules read it. */
export function holdOf(row: store.HoldRow): THold & Hold {
  const definition = row.definition as {
    filters: Extract<THold, { kind: 'condition' }>['filters'];
    keys: string[];
    identity: Extract<THold, { kind: 'identity' }>['identity'];
  };
  if (row.kind === 'condition')
    return { kind: 'condition', id: row.id, filters: definition.filters, reason: row.reason };
  if (row.kind === 'records')
    return { kind: 'records', id: row.id, keys: definition.keys, reason: row.reason, expiresOn: row.expiresOn };
  return { kind: 'identity', id: row.id, identity: definition.identity, reason: row.reason, expiresOn: row.expiresOn };
}

export interface PolicyNames {
  recordTypes: ReadonlyMap<string, { name: string }>;
  activities: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, { name: string }>;
}

/** The names the policies refer to, in a few queries. */
export async function namesFor(
  ctx: AppContext,
  scope: OrgScope,
  rows: readonly store.PolicyRow[],
): Promise<PolicyNames> {
  const owners = [...new Set(rows.flatMap((row) => (row.ownerUserId ? [row.ownerUserId] : [])))];
  const [recordTypes, activities, users] = await Promise.all([
    connectors.recordTypeNames(
      ctx,
      scope,
      rows.map((row) => row.recordTypeId),
    ),
    rows.some((row) => row.activityId) ? register.activityHeadsOfOrg(ctx.db, scope.orgId) : [],
    owners.length > 0 ? identity.userNames(ctx, owners) : new Map<string, { name: string }>(),
  ]);
  return { recordTypes, activities: new Map(activities.map((row) => [row.id, row.name])), users };
}

export function presentPolicy(row: store.PolicyRow, holds: readonly store.HoldRow[], names: PolicyNames): TPolicy {
  return {
    id: row.id,
    name: row.name,
    recordType: { id: row.recordTypeId, name: names.recordTypes.get(row.recordTypeId)?.name ?? '' },
    activity: row.activityId ? { id: row.activityId, name: names.activities.get(row.activityId) ?? '' } : null,
    startEvent: row.startEvent,
    period: row.period,
    legalReference: { presetId: row.legalPresetId, reference: row.legalReference },
    action: row.action,
    holds: holds.map(holdOf),
    schedule: row.schedule,
    owner: row.ownerUserId ? { id: row.ownerUserId, name: names.users.get(row.ownerUserId)?.name ?? '' } : null,
    status: row.status as TPolicy['status'],
    approvedPreviewId: row.approvedPreviewId,
    marginPercent: row.marginPercent,
    basedOnRetention: row.basedOnRetention as TPolicy['basedOnRetention'],
    flags: row.flags,
    nextRunAt: row.nextRunAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPreview(row: store.PreviewRow, approverName: string | null): TPreview {
  return {
    id: row.id,
    policyId: row.policyId,
    cutoff: row.cutoff.toISOString(),
    matched: row.matched,
    held: row.held,
    toAct: row.toAct,
    sample: row.sample,
    criteria: row.criteria,
    computedAt: row.computedAt.toISOString(),
    approvedBy: row.approvedByUserId ? { id: row.approvedByUserId, name: approverName ?? '' } : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

export function presentRun(row: store.RunRow): TRun {
  return {
    id: row.id,
    policyId: row.policyId,
    status: row.status as TRun['status'],
    trigger: row.trigger as TRun['trigger'],
    counts: {
      deleted: row.deleted,
      anonymised: row.anonymised,
      archived: row.archived,
      held: row.held,
      failed: row.failed,
    },
    progress: { processed: row.processed, expected: row.expected },
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.errorCode ? { code: row.errorCode, detail: row.errorDetail } : null,
  };
}
