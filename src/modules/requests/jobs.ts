import { z } from 'zod';
import { defineJob } from '../../platform/jobs/definition.ts';

/** Reminders before due dates; hourly, so a reminder goes out early in the morning and a missed hour is caught up. */
export const requestRemindersJob = defineJob({
  name: 'requests.remind',
  payload: z.object({}),
  cron: '15 * * * *',
  retryLimit: 0,
});

/** Minimisation of closed requests and removal of unconfirmed submissions, nightly. */
export const requestMinimiseJob = defineJob({
  name: 'requests.minimise',
  payload: z.object({}),
  cron: '40 3 * * *',
  retryLimit: 0,
});
