import { z } from 'zod';
import { defineJob } from '../../platform/jobs/definition.ts';

/** The 72-hour clock's reminders (24 h and 8 h left): every five minutes, so one goes out within minutes of its moment. */
export const breachRemindersJob = defineJob({
  name: 'breaches.remind',
  payload: z.object({}),
  cron: '*/5 * * * *',
  retryLimit: 0,
});
