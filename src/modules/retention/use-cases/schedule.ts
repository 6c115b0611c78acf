import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { retentionRunJob } from '../jobs.ts';
import { nextRunAt } from '../rules.ts';
import * as store from '../store.ts';
import { startRun, systemScope } from './runs.ts';

const DUE_PER_TICK = 100;

/**
 * Every few minutes: starts a run for each active policy whose next run is due (one that still has an unfinished
 * run simply waits for its next slot), and hands runs whose worker stopped to a new worker.
 */
export async function runDuePolicies(ctx: AppContext): Promise<{ started: number; resumed: number }> {
  const now = ctx.clock.now();
  let started = 0;
  for (const policy of await store.duePolicies(ctx.db, now, DUE_PER_TICK)) {
    await store.updatePolicy(ctx.db, policy.orgId, policy.id, { nextRunAt: nextRunAt(policy.schedule, now) });
    try {
      await startRun(ctx, systemScope(policy.orgId), policy.id, 'schedule');
      started += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Not approved any more, or a run still going: the policy's flags and run history say so.
    }
  }
  return { started, resumed: await resumeInterruptedRuns(ctx) };
}

/** Sends a job for each run whose worker stopped (its lease ran out); the job resumes it where it was. */
export async function resumeInterruptedRuns(ctx: AppContext): Promise<number> {
  const runs = await store.interruptedRuns(ctx.db, ctx.clock.now());
  for (const run of runs) await ctx.jobs.send(retentionRunJob, { runId: run.id }, { singletonKey: run.id });
  return runs.length;
}
