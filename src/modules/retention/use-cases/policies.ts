import { canonicalJson } from '../../../platform/audit/chain.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { sha256Hex } from '../../../platform/crypto/tokens.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { retentionNl } from '../../../reference/index.ts';
import * as connectors from '../../connectors/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import type {
  TCreatePolicyFromActivityRequest,
  TCreatePolicyRequest,
  THoldInput,
  TPolicy,
  TUpdatePolicyRequest,
} from '../contract.ts';
import {
  type ActivityRetention,
  checkStatutoryMinimum,
  nextRunAt,
  policyFromActivity,
  type RetentionReferenceData,
} from '../rules.ts';
import * as store from '../store.ts';
import { namesFor, presentPolicy } from './present.ts';

const referenceData = retentionNl as unknown as RetentionReferenceData;

/** What an approval covers: a change to any of these needs a new preview and approval (holds only narrow it). */
export function policyFingerprint(row: Pick<store.PolicyRow, 'recordTypeId' | 'startEvent' | 'period' | 'action'>) {
  return sha256Hex(
    canonicalJson({
      recordTypeId: row.recordTypeId,
      startEvent: row.startEvent,
      period: row.period,
      action: row.action,
    }),
  );
}

export async function findPolicyOrFail(db: Database, scope: OrgScope, id: string): Promise<store.PolicyRow> {
  const row = await store.findPolicy(db, scope.orgId, id);
  if (!row) throw notFound('policy_not_found');
  return row;
}

export async function listPolicies(ctx: AppContext, scope: OrgScope): Promise<{ items: TPolicy[] }> {
  const rows = await store.listPolicies(ctx.db, scope.orgId);
  const [holds, names] = await Promise.all([
    store.holdsOf(
      ctx.db,
      scope.orgId,
      rows.map((row) => row.id),
    ),
    namesFor(ctx, scope, rows),
  ]);
  return {
    items: rows.map((row) =>
      presentPolicy(
        row,
        holds.filter((hold) => hold.policyId === row.id),
        names,
      ),
    ),
  };
}

export async function getPolicy(ctx: AppContext, scope: OrgScope, id: string): Promise<TPolicy> {
  const row = await findPolicyOrFail(ctx.db, scope, id);
  const [holds, names] = await Promise.all([store.holdsOf(ctx.db, scope.orgId, [id]), namesFor(ctx, scope, [row])]);
  return presentPolicy(row, holds, names);
}

type PolicyFields = Omit<TCreatePolicyRequest, 'holds'>;

/** Refuses a period below the statutory minimum of the reference it claims (fiscal records: 7 years). */
function assertStatutoryMinimum(fields: Pick<PolicyFields, 'period' | 'legalReference'>) {
  const preset = referenceData.periods.find((period) => period.id === fields.legalReference.presetId) ?? null;
  const check = checkStatutoryMinimum(fields.period, preset);
  if (!check.isAllowed) throw invalidField('period', check.code, check.params);
}

/** The record type's fields as last checked against the store; empty when it could not be checked. */
async function knownFields(ctx: AppContext, scope: OrgScope, recordTypeId: string, path: string) {
  const recordTypes = await connectors.recordTypeNames(ctx, scope, [recordTypeId]);
  const recordType = recordTypes.get(recordTypeId);
  if (!recordType) throw invalidField(path, 'unknown_reference');
  const fields = (recordType.lastCheckResult?.fields ?? []) as { name: string; type: string }[];
  return new Map(fields.map((field) => [field.name, field.type]));
}

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp', 'date']);

/**
 * Checks every reference and field name a policy makes against the organisation and the record type's last schema
 * check. Reads outside the use case's transaction (PGlite has one connection: a read on `ctx.db` inside it would
 * wait for it for ever); the owner's membership is checked inside it.
 */
async function assertPolicyFields(ctx: AppContext, scope: OrgScope, fields: PolicyFields) {
  const known = await knownFields(ctx, scope, fields.recordTypeId, 'recordTypeId');
  const assertField = (name: string, path: string) => {
    if (known.size > 0 && !known.has(name)) throw invalidField(path, 'unknown_field_name', { name });
  };
  assertField(fields.startEvent.timestampField, 'startEvent.timestampField');
  const timestampType = known.get(fields.startEvent.timestampField);
  if (timestampType && !TIMESTAMP_TYPES.has(timestampType)) {
    throw invalidField('startEvent.timestampField', 'not_a_timestamp', { name: fields.startEvent.timestampField });
  }
  fields.startEvent.conditions.forEach((filter, index) => {
    assertField(filter.field, `startEvent.conditions.${index}.field`);
  });
  if (fields.action.kind === 'anonymise') {
    fields.action.fields.forEach((field, index) => {
      assertField(field.field, `action.fields.${index}.field`);
    });
  }
  if (fields.action.kind === 'archive') {
    if (fields.action.targetRecordTypeId === fields.recordTypeId) {
      throw invalidField('action.targetRecordTypeId', 'archive_target_is_source');
    }
    await knownFields(ctx, scope, fields.action.targetRecordTypeId, 'action.targetRecordTypeId');
  }
  assertStatutoryMinimum(fields);
  if (fields.activityId) await assertActivity(ctx, scope, fields.activityId);
}

async function assertOwner(tx: Database, scope: OrgScope, ownerUserId: string | null) {
  if (ownerUserId) await organisations.assertMemberOfOrg(tx, scope.orgId, ownerUserId, 'ownerUserId');
}

async function assertActivity(ctx: AppContext, scope: OrgScope, activityId: string) {
  const heads = await register.activityHeadsOfOrg(ctx.db, scope.orgId);
  if (!heads.some((head) => head.id === activityId)) throw invalidField('activityId', 'unknown_reference');
}

function holdValues(orgId: string, policyId: string, holds: readonly THoldInput[]) {
  return holds.map((hold) => ({
    orgId,
    policyId,
    kind: hold.kind,
    reason: hold.reason,
    expiresOn: hold.kind === 'condition' ? null : hold.expiresOn,
    definition:
      hold.kind === 'condition'
        ? { filters: hold.filters }
        : hold.kind === 'records'
          ? { keys: hold.keys }
          : { identity: hold.identity },
  }));
}

/** Holds as the audit trail may name them: kinds and counts, never keys or a person's identity. */
const holdSummary = (holds: readonly THoldInput[]) => holds.map((hold) => hold.kind);

export async function createPolicy(
  ctx: AppContext,
  scope: OrgScope,
  input: TCreatePolicyRequest,
  basedOnRetention: ActivityRetention | null = null,
): Promise<TPolicy> {
  await assertPolicyFields(ctx, scope, input);
  const id = await inTransaction(ctx.db, async (tx) => {
    if (await store.isPolicyNameTaken(tx, scope.orgId, input.name)) throw invalidField('name', 'name_taken');
    await assertOwner(tx, scope, input.ownerUserId);
    const row = await store.insertPolicy(tx, {
      orgId: scope.orgId,
      name: input.name,
      recordTypeId: input.recordTypeId,
      activityId: input.activityId,
      startEvent: input.startEvent,
      period: input.period,
      legalPresetId: input.legalReference.presetId,
      legalReference: input.legalReference.reference,
      action: input.action,
      schedule: input.schedule,
      ownerUserId: input.ownerUserId,
      marginPercent: input.marginPercent,
      basedOnRetention: basedOnRetention as Record<string, unknown> | null,
      status: 'draft',
    });
    await store.insertHolds(tx, holdValues(scope.orgId, row.id, input.holds));
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_policy.created',
      target: { type: 'retention_policy', id: row.id, name: row.name },
      data: { recordTypeId: input.recordTypeId, activityId: input.activityId, action: input.action.kind },
    });
    return row.id;
  });
  return getPolicy(ctx, scope, id);
}

/** A draft policy with the period, start event and legal reference of a register activity's retention. */
export async function createPolicyFromActivity(
  ctx: AppContext,
  scope: OrgScope,
  input: TCreatePolicyFromActivityRequest,
): Promise<TPolicy> {
  const activity = await register.getActivity(ctx, scope, input.activityId, 'en').catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'not_found') throw invalidField('activityId', 'unknown_reference');
    throw error;
  });
  const retention = activity.retention as ActivityRetention;
  const prefill = policyFromActivity(retention, referenceData);
  if (!prefill.isPrefilled) throw invalidField('activityId', prefill.code);
  return createPolicy(
    ctx,
    scope,
    {
      name: input.name ?? activity.name,
      recordTypeId: input.recordTypeId,
      activityId: input.activityId,
      startEvent: { timestampField: input.timestampField, conditions: [], eventId: prefill.startEventId },
      period: prefill.period,
      legalReference: prefill.legalReference,
      action: { kind: 'delete' },
      holds: [],
      schedule: { frequency: 'daily', time: '02:00' },
      ownerUserId: activity.owner?.id ?? (scope.actor.type === 'user' ? scope.actor.id : null),
      marginPercent: 10,
    },
    prefill.basedOnRetention,
  );
}

const SELECTING_FIELDS = ['recordTypeId', 'startEvent', 'period', 'action'] as const;

/** The policy's fields after an update: given ones replace the current ones. */
function nextFields(current: TPolicy, input: TUpdatePolicyRequest): PolicyFields {
  return {
    name: input.name ?? current.name,
    recordTypeId: input.recordTypeId ?? current.recordType.id,
    activityId: input.activityId === undefined ? (current.activity?.id ?? null) : input.activityId,
    startEvent: input.startEvent ?? current.startEvent,
    period: input.period ?? current.period,
    legalReference: input.legalReference ?? current.legalReference,
    action: input.action ?? current.action,
    schedule: input.schedule ?? current.schedule,
    ownerUserId: input.ownerUserId === undefined ? (current.owner?.id ?? null) : input.ownerUserId,
    marginPercent: input.marginPercent ?? current.marginPercent,
  };
}

export async function updatePolicy(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdatePolicyRequest,
): Promise<TPolicy> {
  const current = await getPolicy(ctx, scope, id);
  const next = nextFields(current, input);
  await assertPolicyFields(ctx, scope, next);
  await inTransaction(ctx.db, async (tx) => {
    const row = await findPolicyOrFail(tx, scope, id);
    if (row.updatedAt.toISOString() !== current.updatedAt) throw conflict('changed_concurrently');
    await assertOwner(tx, scope, next.ownerUserId);
    if (input.name && (await store.isPolicyNameTaken(tx, scope.orgId, input.name, id))) {
      throw invalidField('name', 'name_taken');
    }
    const changed = (Object.keys(input) as (keyof TUpdatePolicyRequest)[]).filter(
      (field) => canonicalJson(input[field]) !== canonicalJson(current[field as keyof TPolicy] ?? null),
    );
    const isSelectionChanged = policyFingerprint(next) !== policyFingerprint(row) || changed.includes('holds');
    const needsApprovalAgain = isSelectionChanged && SELECTING_FIELDS.some((field) => changed.includes(field));
    await store.updatePolicy(tx, scope.orgId, id, {
      name: next.name,
      recordTypeId: next.recordTypeId,
      activityId: next.activityId,
      startEvent: next.startEvent,
      period: next.period,
      legalPresetId: next.legalReference.presetId,
      legalReference: next.legalReference.reference,
      action: next.action,
      schedule: next.schedule,
      ownerUserId: next.ownerUserId,
      marginPercent: next.marginPercent,
      ...(needsApprovalAgain && row.approvedPreviewId
        ? { approvedPreviewId: null, status: row.status === 'active' ? 'awaiting_approval' : row.status }
        : {}),
      nextRunAt: row.status === 'active' && !needsApprovalAgain ? nextRunAt(next.schedule, ctx.clock.now()) : null,
      updatedAt: ctx.clock.now(),
    });
    if (input.holds) {
      await store.deleteHolds(tx, scope.orgId, id);
      await store.insertHolds(tx, holdValues(scope.orgId, id, input.holds));
    }
    if (changed.length === 0) return;
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_policy.updated',
      target: { type: 'retention_policy', id, name: next.name },
      data: { fields: changed.sort(), ...(input.holds ? { holds: holdSummary(input.holds) } : {}) },
    });
  });
  return getPolicy(ctx, scope, id);
}

export async function deletePolicy(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findPolicyOrFail(tx, scope, id);
    if (await store.openRunOf(tx, scope.orgId, id)) throw conflict('policy_run_in_progress');
    await store.deletePolicy(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_policy.deleted',
      target: { type: 'retention_policy', id, name: row.name },
    });
  });
}

/**
 * Activates or pauses a policy. Activating needs an approved preview of the policy as it is now; it then runs on
 * its schedule.
 */
export async function changePolicyStatus(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  status: 'active' | 'paused',
): Promise<TPolicy> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findPolicyOrFail(tx, scope, id);
    if (row.status === status) return;
    if (status === 'active') {
      const preview = row.approvedPreviewId
        ? await store.findPreview(tx, scope.orgId, row.approvedPreviewId)
        : undefined;
      if (!preview?.approvedAt || preview.policyFingerprint !== policyFingerprint(row)) {
        throw conflict('policy_not_approved');
      }
    }
    const now = ctx.clock.now();
    await store.updatePolicy(tx, scope.orgId, id, {
      status,
      nextRunAt: status === 'active' ? nextRunAt(row.schedule, now) : null,
      updatedAt: now,
    });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: status === 'active' ? 'retention_policy.activated' : 'retention_policy.paused',
      target: { type: 'retention_policy', id, name: row.name },
    });
  });
  return getPolicy(ctx, scope, id);
}

/** Adds a legal hold (on records or a person) to a policy; it applies to the next batch of a running run too. */
export async function addHold(ctx: AppContext, scope: OrgScope, policyId: string, hold: THoldInput): Promise<TPolicy> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findPolicyOrFail(tx, scope, policyId);
    await store.insertHolds(tx, holdValues(scope.orgId, policyId, [hold]));
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_policy.hold_added',
      target: { type: 'retention_policy', id: policyId, name: row.name },
      data: { kind: hold.kind, expiresOn: hold.kind === 'condition' ? null : hold.expiresOn },
    });
  });
  return getPolicy(ctx, scope, policyId);
}

export async function removeHold(ctx: AppContext, scope: OrgScope, policyId: string, holdId: string) {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findPolicyOrFail(tx, scope, policyId);
    const holds = await store.holdsOf(tx, scope.orgId, [policyId]);
    const hold = holds.find((candidate) => candidate.id === holdId);
    if (!hold) throw notFound('hold_not_found');
    await store.deleteHolds(tx, scope.orgId, policyId, [holdId]);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_policy.hold_removed',
      target: { type: 'retention_policy', id: policyId, name: row.name },
      data: { kind: hold.kind },
    });
  });
  return getPolicy(ctx, scope, policyId);
}
