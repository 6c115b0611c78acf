import type { Cutoff, Selection } from '../../../connectors/connector.ts';
import { ConnectorError } from '../../../connectors/connector.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as connectors from '../../connectors/service.ts';
import * as organisations from '../../organisations/service.ts';
import type { TPolicyFlag, TRun } from '../contract.ts';
import { retentionRunJob } from '../jobs.ts';
import { type Hold, needsNewApproval, selectionFor } from '../rules.ts';
import * as store from '../store.ts';
import { notifyRunFailed } from './notify.ts';
import { findPolicyOrFail, policyFingerprint } from './policies.ts';
import { holdOf, presentRun } from './present.ts';
import { identityFieldsOf } from './preview.ts';
import { LEASE_MS, type Opened, workThrough } from './run-batches.ts';

export { RUN_BATCH_SIZE } from './run-batches.ts';

/** Who acts when a run or the schedule works without a person: the retention system, with an owner's rights. */
export const systemScope = (orgId: string): OrgScope => ({
  orgId,
  role: 'owner',
  actor: { type: 'system', id: 'retention' },
});

async function assertApproved(ctx: AppContext, scope: OrgScope, policy: store.PolicyRow) {
  const preview = policy.approvedPreviewId
    ? await store.findPreview(ctx.db, scope.orgId, policy.approvedPreviewId)
    : undefined;
  if (!preview?.approvedAt || preview.policyFingerprint !== policyFingerprint(policy)) {
    throw conflict('policy_not_approved');
  }
  return preview;
}

/** Queues a run of an approved policy (by hand, the CLI or the schedule); one unfinished run per policy at a time. */
export async function startRun(
  ctx: AppContext,
  scope: OrgScope,
  policyId: string,
  trigger: 'manual' | 'cli' | 'schedule',
): Promise<TRun> {
  const policy = await findPolicyOrFail(ctx.db, scope, policyId);
  await assertApproved(ctx, scope, policy);
  const run = await inTransaction(ctx.db, async (tx, afterCommit) => {
    if (await store.openRunOf(tx, scope.orgId, policyId)) throw conflict('policy_run_in_progress');
    const inserted = await store.insertRun(tx, {
      orgId: scope.orgId,
      policyId,
      status: 'queued',
      trigger,
      startedByUserId: scope.actor.type === 'user' ? scope.actor.id : null,
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'retention_run.started',
      target: { type: 'retention_policy', id: policyId, name: policy.name },
      data: { runId: inserted.id, trigger },
    });
    afterCommit(() => ctx.jobs.send(retentionRunJob, { runId: inserted.id }, { singletonKey: inserted.id }));
    return inserted;
  });
  return presentRun(run);
}

export async function getRun(ctx: AppContext, scope: OrgScope, runId: string): Promise<TRun> {
  const run = await store.findRun(ctx.db, scope.orgId, runId);
  if (!run) throw notFound('run_not_found');
  return presentRun(run);
}

export async function listRuns(ctx: AppContext, scope: OrgScope, policyId: string, limit = 100) {
  await findPolicyOrFail(ctx.db, scope, policyId);
  return { items: (await store.listRuns(ctx.db, scope.orgId, policyId, limit)).map(presentRun) };
}

/** Asks a run to stop after its current batch; a queued run stops at once. */
export async function cancelRun(ctx: AppContext, scope: OrgScope, runId: string): Promise<TRun> {
  const run = await store.findRun(ctx.db, scope.orgId, runId);
  if (!run) throw notFound('run_not_found');
  if (run.status === 'queued' || run.status === 'paused_for_approval') {
    await finish(ctx, run, 'cancelled', { code: 'cancelled_by_user', detail: '' });
  } else if (run.status === 'running') {
    await store.updateRun(ctx.db, runId, { isCancelRequested: true });
  }
  return getRun(ctx, scope, runId);
}

type Finish = 'completed' | 'failed' | 'cancelled' | 'paused_for_approval';
const FINISH_ACTIONS = {
  completed: 'retention_run.finished',
  failed: 'retention_run.failed',
  cancelled: 'retention_run.cancelled',
  paused_for_approval: 'retention_run.paused_for_approval',
} as const;

async function finish(ctx: AppContext, run: store.RunRow, status: Finish, error?: { code: string; detail: string }) {
  const now = ctx.clock.now();
  // Read before the transaction: on PGlite a read beside an open transaction would wait for it.
  const organisation = status === 'failed' ? await organisations.organisationByRef(ctx, run.orgId) : undefined;
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const fresh = (await store.findRun(tx, run.orgId, run.id)) ?? run;
    const policy = await store.findPolicy(tx, run.orgId, run.policyId);
    // A failed run's unfinished batches may be partly done; their records are counted as failed (the next run finds
    // whatever is left of them).
    const pending = status === 'failed' ? await store.pendingBatches(tx, run.id) : [];
    const unfinished = pending.reduce((sum, batch) => sum + batch.size, 0);
    await store.updateRun(tx, run.id, {
      status,
      failed: fresh.failed + unfinished,
      leaseUntil: null,
      finishedAt: status === 'paused_for_approval' ? null : now,
      errorCode: error?.code ?? null,
      errorDetail: error?.detail ?? '',
    });
    if (policy) await flagPolicy(tx, policy, status, now, error);
    await recordAudit(tx, now, {
      orgId: run.orgId,
      actor: { type: 'system', id: 'retention' },
      action: FINISH_ACTIONS[status],
      target: { type: 'retention_policy', id: run.policyId, name: policy?.name ?? null },
      data: {
        runId: run.id,
        deleted: fresh.deleted,
        anonymised: fresh.anonymised,
        archived: fresh.archived,
        held: fresh.held,
        failed: fresh.failed + unfinished,
        ...(error ? { error: error.code } : {}),
      },
    });
    if (status === 'failed' && policy && organisation) {
      await notifyRunFailed(ctx, tx, { policy, orgSlug: organisation.slug, error }, afterCommit);
    }
  });
}

async function flagPolicy(
  tx: AppContext['db'],
  policy: store.PolicyRow,
  status: Finish,
  now: Date,
  error?: { code: string },
) {
  const others = policy.flags.filter((flag) => flag.code !== 'last_run_failed' && flag.code !== 'approval_needed');
  const added: TPolicyFlag[] = [];
  if (status === 'failed')
    added.push({ code: 'last_run_failed', params: { error: error?.code ?? '' }, since: now.toISOString() });
  if (status === 'paused_for_approval') added.push({ code: 'approval_needed', params: {}, since: now.toISOString() });
  await store.updatePolicy(tx, policy.orgId, policy.id, {
    flags: [...others, ...added],
    ...(status === 'paused_for_approval' ? { status: 'awaiting_approval', approvedPreviewId: null } : {}),
  });
}

/**
 * The selection of a run: the policy's, with the holds as they are now (or none, for what it matches before
 * holds), on the cut-off fixed when it started.
 */
async function runSelection(
  ctx: AppContext,
  run: store.RunRow,
  policy: store.PolicyRow,
  identity: ReturnType<typeof identityFieldsOf>,
  options: { withHolds: boolean } = { withHolds: true },
) {
  const holds: Hold[] = options.withHolds ? (await store.holdsOf(ctx.db, run.orgId, [policy.id])).map(holdOf) : [];
  const selection = selectionFor(policy, ctx.clock.now(), holds, { identityFields: identity });
  const cutoff = run.cutoff ? { ...run.cutoff, instant: new Date(run.cutoff.instant) } : selection.cutoff;
  return { ...selection, cutoff } as Selection;
}

/**
 * Fixes the run's cut-off and expected count when it first starts, and stops it for a new approval when it would act
 * on more records than the approved preview plus the margin. Returns false when the run must not go on.
 */
async function prepare(
  ctx: AppContext,
  run: store.RunRow,
  policy: store.PolicyRow,
  opened: Opened,
  all: Selection,
  toAct: Selection,
) {
  if (run.cutoff) return true;
  const [matched, acting] = await Promise.all([
    opened.connector.count(opened.definition, all),
    opened.connector.count(opened.definition, toAct),
  ]);
  const preview = policy.approvedPreviewId
    ? await store.findPreview(ctx.db, run.orgId, policy.approvedPreviewId)
    : undefined;
  if (needsNewApproval(preview?.toAct ?? null, acting, policy.marginPercent)) {
    await finish(ctx, run, 'paused_for_approval', { code: 'approval_needed', detail: `${acting}` });
    return false;
  }
  const cutoff = toAct.cutoff as Cutoff;
  await store.updateRun(ctx.db, run.id, {
    cutoff: { ...cutoff, instant: cutoff.instant.toISOString() } as never,
    expected: acting,
    held: matched - acting,
  });
  return true;
}

/**
 * The job: takes the run's lease, then works through it batch by batch. Each batch is written with its audit entry
 * before the store is touched and counted when done, so a worker killed at any moment leaves a run that the next
 * worker resumes (the pending batch is repeated; deletes are idempotent) and nothing is counted twice. A store that
 * fails ends the run as failed with the connector's code, and the policy's owner gets an e-mail; a failure the
 * connector calls safe to retry is thrown when `mayRetry` (the job queue has attempts left), so it tries again.
 */
export async function executeRun(ctx: AppContext, runId: string, options: { mayRetry?: boolean } = {}): Promise<void> {
  const run = await store.findRunById(ctx.db, runId);
  if (!run || !['queued', 'running'].includes(run.status)) return;
  const now = ctx.clock.now();
  if (!(await store.claimRun(ctx.db, runId, now, new Date(now.getTime() + LEASE_MS)))) return;
  const scope = systemScope(run.orgId);
  const policy = await store.findPolicy(ctx.db, run.orgId, run.policyId);
  if (!policy) return;
  try {
    await connectors.withRecordType(ctx, scope, policy.recordTypeId, async ({ connector, manifest, definition }) => {
      const opened: Opened = {
        connector,
        definition,
        recordTypeId: policy.recordTypeId,
        findsAheadWhileActing: manifest.findsAheadWhileActing ?? false,
      };
      const identity = identityFieldsOf(manifest, definition);
      const toAct = await runSelection(ctx, run, policy, identity);
      const all = await runSelection(ctx, run, policy, identity, { withHolds: false });
      if (!(await prepare(ctx, run, policy, opened, all, toAct))) return;
      // The run as it is now: prepare() fixed its cut-off.
      const prepared = (await store.findRunById(ctx.db, runId)) ?? run;
      const outcome = await workThrough(ctx, scope, prepared, policy, opened, () =>
        runSelection(ctx, prepared, policy, identity),
      );
      const ended = (await store.findRun(ctx.db, run.orgId, run.id)) ?? prepared;
      await finish(
        ctx,
        ended,
        outcome,
        outcome === 'cancelled' ? { code: 'cancelled_by_user', detail: '' } : undefined,
      );
    });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.isRetrySafe && options.mayRetry) {
      await store.updateRun(ctx.db, runId, { leaseUntil: null });
      throw error;
    }
    await finish(ctx, run, 'failed', { code: error.code, detail: error.detail });
  }
}
