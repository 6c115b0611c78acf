/**
 * Erasure, anonymisation, rectification and restriction of the records discovery found, through the connectors,
 * with the retention module's safety: the officer decides per record (keep needs a reason, prefilled from the
 * retention policy that keeps such records), confirms the counts of the preview, and each batch is audited (hashed
 * keys, counts) and marked pending before the store is touched — a crash or a retry repeats pending work, never
 * skips it. Records under a legal hold are never acted on.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, invalidField } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { describeError } from '../../../platform/safe-error.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as connectors from '../../connectors/service.ts';
import * as retention from '../../retention/service.ts';
import type { TCarryOutResult, TDecideFindings, TFinding, TFindingDecision } from '../contract.ts';
import { countsToCarryOut, heldRecordKeys, isSamePreview, isWorkable, keepReasonFor } from '../rules.ts';
import * as store from '../store.ts';
import { findRequestOrFail } from './desk.ts';
import { addEvent } from './events.ts';
import { referenceOf } from './present.ts';

/** Keys per store call and per audit entry. */
const BATCH_SIZE = 500;

async function workableRequest(ctx: AppContext, scope: OrgScope, requestId: string) {
  const row = await findRequestOrFail(ctx.db, scope, requestId);
  if (row.status === 'unconfirmed') throw conflict('request_unconfirmed');
  if (!isWorkable(row.status as never)) throw conflict('request_closed');
  return row;
}

function presentFinding(row: store.FindingRow, suggestedKeepReason: string | null): TFinding {
  return {
    id: row.id,
    connectorName: row.connectorName,
    recordTypeId: row.recordTypeId,
    recordTypeName: row.recordTypeName,
    systemId: row.systemId,
    recordKey: row.recordKey,
    matchedBy: row.matchedBy,
    lastFoundAt: row.lastFoundAt.toISOString(),
    decision: (row.decision as TFindingDecision | null) ?? null,
    reason: row.decisionReason,
    fields: row.decisionFields ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    status: (row.actionStatus as TFinding['status']) ?? null,
    error: row.actionError,
    suggestedKeepReason,
  };
}

export async function listFindings(ctx: AppContext, scope: OrgScope, requestId: string) {
  await findRequestOrFail(ctx.db, scope, requestId);
  const [rows, { items: policies }] = await Promise.all([
    store.findingsOf(ctx.db, scope.orgId, requestId),
    retention.listPolicies(ctx, scope),
  ]);
  return {
    items: rows.map((row) => presentFinding(row, keepReasonFor(policies, row.recordTypeId))),
    toCarryOut: countsToCarryOut(rows),
    undecided: rows.filter((row) => !row.decision).length,
  };
}

/** Records the officer's decisions; a record already acted on cannot be decided again. */
export async function decideFindings(ctx: AppContext, scope: OrgScope, requestId: string, input: TDecideFindings) {
  await workableRequest(ctx, scope, requestId);
  const findings = new Map((await store.findingsOf(ctx.db, scope.orgId, requestId)).map((row) => [row.id, row]));
  input.decisions.forEach((decision, index) => {
    const finding = findings.get(decision.findingId);
    if (!finding) throw invalidField(`decisions.${index}.findingId`, 'unknown_reference');
    if (finding.actionStatus === 'done') throw invalidField(`decisions.${index}.findingId`, 'finding_already_handled');
  });
  const now = ctx.clock.now();
  const decidedBy = scope.actor.type === 'user' ? scope.actor.id : null;
  await inTransaction(ctx.db, async (tx) => {
    for (const decision of input.decisions) {
      await store.updateFinding(tx, scope.orgId, requestId, decision.findingId, {
        decision: decision.decision,
        decisionReason: decision.reason ?? null,
        decisionFields: decision.fields ?? null,
        decidedBy,
        decidedAt: now,
        actionStatus: null,
        actionError: null,
      });
    }
  });
  return listFindings(ctx, scope, requestId);
}

/** Hashed keys for the audit trail: enough to prove which record was handled, nothing readable. */
function keyHashes(ctx: AppContext, keys: readonly string[]): string[] {
  return keys.map((key) => ctx.identifiers.hash(`record-key:${key}`).slice(0, 16));
}

type Group = { recordTypeId: string; decision: TFindingDecision; findings: store.FindingRow[] };

function groupsToAct(rows: readonly store.FindingRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const decision = row.decision as TFindingDecision | null;
    if (!decision || decision === 'keep' || row.actionStatus === 'done' || row.actionStatus === 'held') continue;
    // Anonymise and rectify write the values chosen per record: one group per record.
    const perRecord = decision === 'anonymise' || decision === 'rectify';
    const key = perRecord ? `${row.id}` : `${row.recordTypeId}:${decision}`;
    const group = groups.get(key) ?? { recordTypeId: row.recordTypeId, decision, findings: [] };
    group.findings.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Carries out the decided findings when the confirmed counts match. Returns what was done; failures of a store are
 * kept per record (status failed, the error) and can be retried by carrying out again.
 */
export async function carryOut(
  ctx: AppContext,
  scope: OrgScope,
  requestId: string,
  expected: Partial<Record<TFindingDecision, number>>,
): Promise<TCarryOutResult> {
  const request = await workableRequest(ctx, scope, requestId);
  const rows = await store.findingsOf(ctx.db, scope.orgId, requestId);
  if (!isSamePreview(expected, countsToCarryOut(rows))) throw conflict('carry_out_changed');
  const { items: policies } = await retention.listPolicies(ctx, scope);
  const today = calendarDateIn(ctx.clock.now());
  const result: TCarryOutResult = {
    done: { erase: 0, anonymise: 0, restrict: 0, rectify: 0, keep: 0 },
    held: 0,
    failed: 0,
  };
  const reference = referenceOf(request) ?? request.id;

  for (const group of groupsToAct(rows)) {
    const held = heldRecordKeys(policies, group.recordTypeId, today);
    const isHeld = (row: store.FindingRow) => held.has(row.recordKey);
    const heldRows = group.findings.filter(isHeld);
    if (heldRows.length > 0) {
      await inTransaction(ctx.db, (tx) =>
        store.setFindingsStatus(
          tx,
          scope.orgId,
          heldRows.map((row) => row.id),
          { actionStatus: 'held', actionAt: ctx.clock.now() },
        ),
      );
      result.held += heldRows.length;
    }
    const free = group.findings.filter((row) => !isHeld(row));
    for (let start = 0; start < free.length; start += BATCH_SIZE) {
      const batch = free.slice(start, start + BATCH_SIZE);
      const outcome = await actOnBatch(ctx, scope, request, reference, group, batch, policies);
      if (outcome === 'done') result.done[group.decision] += batch.length;
      else result.failed += batch.length;
    }
  }
  await inTransaction(ctx.db, (tx) =>
    addEvent(ctx, tx, request, 'records_handled', scope.actor, {
      data: { done: result.done, held: result.held, failed: result.failed },
    }),
  );
  return result;
}

async function actOnBatch(
  ctx: AppContext,
  scope: OrgScope,
  request: store.RequestRow,
  reference: string,
  group: Group,
  batch: store.FindingRow[],
  policies: Awaited<ReturnType<typeof retention.listPolicies>>['items'],
): Promise<'done' | 'failed'> {
  const keys = batch.map((row) => row.recordKey);
  const ids = batch.map((row) => row.id);
  // Audit and mark pending first, in one transaction: the trail says what is about to happen before it does.
  await inTransaction(ctx.db, async (tx) => {
    await store.setFindingsStatus(tx, scope.orgId, ids, { actionStatus: 'pending', actionAt: ctx.clock.now() });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'subject_request.records_handling',
      target: { type: 'subject_request', id: request.id, name: reference },
      data: {
        recordTypeId: group.recordTypeId,
        decision: group.decision,
        count: keys.length,
        keyHashes: keyHashes(ctx, keys),
      },
    });
  });
  try {
    if (group.decision === 'restrict') {
      await restrict(ctx, scope, reference, group.recordTypeId, keys, policies);
    } else {
      await connectors.withRecordType(ctx, scope, group.recordTypeId, async ({ connector, definition }) => {
        if (group.decision === 'erase') await connector.delete(definition, keys);
        else await connector.anonymise(definition, keys, batch[0]?.decisionFields ?? []);
      });
    }
    await inTransaction(ctx.db, (tx) =>
      store.setFindingsStatus(tx, scope.orgId, ids, {
        actionStatus: 'done',
        actionAt: ctx.clock.now(),
        actionError: null,
      }),
    );
    return 'done';
  } catch (error) {
    const message = error instanceof AppError ? error.code : describeError(error);
    await inTransaction(ctx.db, (tx) =>
      store.setFindingsStatus(tx, scope.orgId, ids, {
        actionStatus: 'failed',
        actionAt: ctx.clock.now(),
        actionError: message.slice(0, 500),
      }),
    );
    return 'failed';
  }
}

/**
 * Restriction (Art. 18): the records stay, and no retention policy may delete or change them while it lasts — a
 * legal hold on the records in every policy of their record type.
 */
async function restrict(
  ctx: AppContext,
  scope: OrgScope,
  reference: string,
  recordTypeId: string,
  keys: string[],
  policies: Awaited<ReturnType<typeof retention.listPolicies>>['items'],
) {
  for (const policy of policies.filter((candidate) => candidate.recordType.id === recordTypeId)) {
    await retention.addHold(ctx, scope, policy.id, {
      kind: 'records',
      keys,
      reason: `Beperking van de verwerking, verzoek ${reference}`,
      expiresOn: null,
    });
  }
}
