import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { defineJob, type JobHandler } from '../../platform/jobs/definition.ts';
import { refreshStaleCompleteness } from './use-cases/refresh-completeness.ts';

/**
 * Just after midnight in Amsterdam: recompute the stored completeness summaries, whose date-driven items (review
 * dates, adequacy decisions that expire, locations that start or end) may change with the day. Until it has run,
 * the list answers from the live check for the summaries of an earlier day (see list-activities.ts).
 */
export const refreshCompletenessJob = defineJob({
  name: 'register.refresh-completeness',
  payload: z.object({}),
  cron: '5 0 * * *',
  retryLimit: 3,
  retryDelaySeconds: 60,
});

export function registerJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    { definition: refreshCompletenessJob, handle: async () => void (await refreshStaleCompleteness(ctx)) },
  ] as JobHandler[];
}
