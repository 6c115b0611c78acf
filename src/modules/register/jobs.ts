import { z } from 'zod';
import { defineJob } from '../../platform/jobs/definition.ts';

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
