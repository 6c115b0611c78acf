import { z } from 'zod';
import { defineJob } from '../../platform/jobs/definition.ts';

/** Works through one run; several instances may take the job, the run's lease lets one of them work at a time. */
export const retentionRunJob = defineJob({
  name: 'retention.run',
  payload: z.object({ runId: z.uuid() }),
  policy: 'short',
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 6 * 60 * 60,
});

/** Starts the runs of active policies whose time has come, and takes over runs an instance left behind. */
export const retentionScheduleJob = defineJob({
  name: 'retention.schedule',
  payload: z.object({}),
  cron: '*/5 * * * *',
  retryLimit: 0,
});
