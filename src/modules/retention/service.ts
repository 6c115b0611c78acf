/**
 * Retention enforced in the real stores (issue 10): policies made from the register, previews a privacy officer
 * approves, and runs that act on the records through the connectors, batch by batch, audited before they act.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { JobHandler } from '../../platform/jobs/definition.ts';
import * as register from '../register/service.ts';
import { retentionRunJob, retentionScheduleJob } from './jobs.ts';
import { type ActivityRetention, isPolicyOutOfDate } from './rules.ts';
import * as store from './store.ts';
import { executeRun } from './use-cases/runs.ts';
import { runDuePolicies } from './use-cases/schedule.ts';

export { getCoverage, saveManualHandling } from './use-cases/coverage.ts';
export { exportRunEvidence } from './use-cases/evidence.ts';
export {
  addHold,
  changePolicyStatus,
  createPolicy,
  createPolicyFromActivity,
  deletePolicy,
  getPolicy,
  listPolicies,
  removeHold,
  updatePolicy,
} from './use-cases/policies.ts';
export { approvePreview, computePreview, latestPreview } from './use-cases/preview.ts';
export { cancelRun, executeRun, getRun, listRuns, startRun } from './use-cases/runs.ts';
export { resumeInterruptedRuns, runDuePolicies } from './use-cases/schedule.ts';
export { retentionRunJob, retentionScheduleJob };

export function retentionJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    {
      definition: retentionRunJob,
      handle: (payload: { runId: string }, job: { attempt: number }) =>
        executeRun(ctx, payload.runId, { mayRetry: job.attempt <= (retentionRunJob.retryLimit ?? 0) }),
    },
    { definition: retentionScheduleJob, handle: async () => void (await runDuePolicies(ctx)) },
  ] as JobHandler[];
}

/**
 * Flags the policies made from activities whose retention changed since (or was removed): "the register says 18
 * months now, the policy still deletes after 12". Runs inside the transaction of the register's change.
 */
async function flagOutOfDatePolicies(tx: Database, orgId: string, activityIds: readonly string[], now: Date) {
  const retentions = await register.activityRetentions(tx, orgId, activityIds);
  for (const retention of retentions) {
    for (const policy of await store.policiesOfActivity(tx, orgId, retention.id)) {
      const outOfDate = isPolicyOutOfDate(
        { basedOnRetention: policy.basedOnRetention as ActivityRetention | null },
        retention as ActivityRetention,
      );
      const others = policy.flags.filter((flag) => flag.code !== 'out_of_date');
      const flags = outOfDate
        ? [...others, { code: 'out_of_date' as const, params: { reason: outOfDate.code }, since: now.toISOString() }]
        : others;
      if (flags.length !== policy.flags.length || outOfDate) await store.updatePolicy(tx, orgId, policy.id, { flags });
    }
  }
}

/** A connector or record type a policy uses cannot be deleted: the policy would be left pointing at nothing. */
/** Refuses to delete a connector (or its record types) that a policy still uses. */
export async function refuseDeletingRecordTypesInUse(tx: Database, orgId: string, recordTypeIds: readonly string[]) {
  const using = await store.policiesUsingRecordTypes(tx, orgId, recordTypeIds);
  if (using.length > 0) throw conflict('connector_in_use', { policy: using[0]?.name ?? '' });
}

/** Flags the policies made from activities whose register entry changed. */
export async function flagPoliciesOfChangedActivities(
  ctx: AppContext,
  tx: Database,
  orgId: string,
  activityIds: readonly string[] | undefined,
) {
  if (activityIds?.length) await flagOutOfDatePolicies(tx, orgId, activityIds, ctx.clock.now());
}
