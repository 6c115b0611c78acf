import type { Connector, FoundRecord, Selection } from '../../../connectors/connector.ts';
import { ConnectorError } from '../../../connectors/connector.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as connectors from '../../connectors/service.ts';
import * as identity from '../../identity/service.ts';
import type { TPolicy, TPreview } from '../contract.ts';
import { describeCriteria, type IdentityField, maskIdentity, previewSelections, unenforceableHolds } from '../rules.ts';
import * as store from '../store.ts';
import { findPolicyOrFail, getPolicy, policyFingerprint } from './policies.ts';
import { holdOf, presentPreview } from './present.ts';

const SAMPLE_SIZE = 10;

/** A store that cannot be asked is a clear problem for the person, never a 500; nothing is changed. */
export function connectorProblem(error: unknown): never {
  if (error instanceof ConnectorError) {
    throw new AppError('unavailable', `connector_${error.code}`, { params: { detail: error.detail } });
  }
  throw error;
}

/** The identity fields of a record type that rules can hold on (`other` fields are shown masked, never matched). */
export function identityFieldsOf(
  manifest: { identityFields(definition: unknown): { field: string; kind: string }[] },
  definition: unknown,
): IdentityField[] {
  return manifest
    .identityFields(definition)
    .filter(
      (field): field is IdentityField => field.kind === 'email' || field.kind === 'phone' || field.kind === 'name',
    );
}

async function firstRecords(connector: Connector<unknown>, definition: unknown, selection: Selection) {
  for await (const batch of connector.find(definition, selection, { batchSize: SAMPLE_SIZE })) return batch.records;
  return [];
}

function maskedSample(records: readonly FoundRecord[], fields: readonly { field: string; kind: string }[]) {
  const kindOf = new Map(fields.map((field) => [field.field, field.kind]));
  return records.map((record) => ({
    timestamp: record.timestamp,
    identity: Object.fromEntries(
      Object.entries(record.identity).map(([field, value]) => {
        const kind = kindOf.get(field);
        return [field, maskIdentity(value, kind === 'email' || kind === 'phone' || kind === 'name' ? kind : 'text')];
      }),
    ),
  }));
}

/**
 * Counts what the policy matches now, how many records each hold keeps and how many a run would act on, with a
 * masked sample and the criteria in plain Dutch and English. Stored, so it can be approved.
 */
export async function computePreview(ctx: AppContext, scope: OrgScope, policyId: string): Promise<TPreview> {
  const policy = await findPolicyOrFail(ctx.db, scope, policyId);
  const holds = (await store.holdsOf(ctx.db, scope.orgId, [policyId])).map(holdOf);
  const presented = await getPolicy(ctx, scope, policyId);
  const now = ctx.clock.now();
  const counted = await connectors
    .withRecordType(ctx, scope, policy.recordTypeId, async ({ connector, manifest, definition }) => {
      const identityFields = identityFieldsOf(manifest, definition);
      const blocked = unenforceableHolds(holds, identityFields, now);
      if (blocked.length > 0) throw conflict('hold_not_enforceable', { reason: blocked[0]?.reason ?? '' });
      const selections = previewSelections(policy, now, holds, { identityFields });
      const [matched, toAct, sample] = await Promise.all([
        connector.count(definition, selections.all),
        connector.count(definition, selections.toAct),
        firstRecords(connector, definition, selections.toAct),
      ]);
      const held = [];
      for (const hold of selections.perHold) {
        const left = await connector.count(definition, hold.excluding);
        held.push({ holdId: hold.holdId, reason: hold.reason, count: matched - left });
      }
      return {
        matched,
        toAct,
        held,
        cutoff: selections.all.cutoff,
        sample: maskedSample(sample, manifest.identityFields(definition)),
      };
    })
    .catch(connectorProblem);
  const criteria = criteriaOf(presented, holds);
  const row = await store.insertPreview(ctx.db, {
    orgId: scope.orgId,
    policyId,
    policyFingerprint: policyFingerprint(policy),
    cutoff: counted.cutoff?.instant ?? now,
    matched: counted.matched,
    held: counted.held,
    toAct: counted.toAct,
    sample: counted.sample,
    criteria,
    computedAt: now,
  });
  return presentPreview(row, null);
}

function criteriaOf(policy: TPolicy, holds: ReturnType<typeof holdOf>[]) {
  const names = { recordType: policy.recordType.name };
  return {
    nl: describeCriteria({ ...policy, holds }, 'nl', names),
    en: describeCriteria({ ...policy, holds }, 'en', names),
  };
}

export async function latestPreview(ctx: AppContext, scope: OrgScope, policyId: string): Promise<TPreview> {
  await findPolicyOrFail(ctx.db, scope, policyId);
  const row = await store.latestPreview(ctx.db, scope.orgId, policyId);
  if (!row) throw notFound('preview_not_found');
  const approver = row.approvedByUserId ? await identity.userNames(ctx, [row.approvedByUserId]) : new Map();
  return presentPreview(row, row.approvedByUserId ? (approver.get(row.approvedByUserId)?.name ?? '') : null);
}

/**
 * A privacy officer or owner approves a preview of the policy as it is now: the policy may then be enforced, and
 * a run stops and asks again when it would act on more records than this preview plus the policy's margin.
 */
export async function approvePreview(ctx: AppContext, scope: OrgScope, policyId: string, previewId: string) {
  await inTransaction(ctx.db, async (tx) => {
    const policy = await findPolicyOrFail(tx, scope, policyId);
    const preview = await store.findPreview(tx, scope.orgId, previewId);
    if (!preview || preview.policyId !== policyId) throw notFound('preview_not_found');
    if (preview.policyFingerprint !== policyFingerprint(policy)) throw conflict('preview_outdated');
    const now = ctx.clock.now();
    await store.approvePreview(tx, scope.orgId, previewId, scope.actor.type === 'user' ? scope.actor.id : null, now);
    await store.updatePolicy(tx, scope.orgId, policyId, {
      approvedPreviewId: previewId,
      status: policy.status === 'draft' || policy.status === 'awaiting_approval' ? 'awaiting_approval' : policy.status,
      flags: policy.flags.filter((flag) => flag.code !== 'approval_needed'),
      updatedAt: now,
    });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_preview.approved',
      target: { type: 'retention_policy', id: policyId, name: policy.name },
      data: { previewId, matched: preview.matched, toAct: preview.toAct },
    });
  });
  return getPolicy(ctx, scope, policyId);
}
