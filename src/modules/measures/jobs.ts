import { z } from 'zod';
import { defineJob } from '../../platform/jobs/definition.ts';

/** Reminders of measures due for review, every morning (a missed day is caught up the next). */
export const measureReviewRemindersJob = defineJob({
  name: 'measures.review-reminders',
  payload: z.object({}),
  cron: '25 6 * * *',
  retryLimit: 0,
});
