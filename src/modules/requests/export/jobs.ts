import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/definition.ts';

/** Builds one export package; a failure is recorded on the package, not retried. */
export const requestExportJob = defineJob({
  name: 'requests.export',
  payload: z.object({ orgId: z.uuid(), exportId: z.uuid() }),
  retryLimit: 0,
  expireInSeconds: 60 * 60,
});

/** Drops the bytes of packages whose link expired, nightly. */
export const requestExportExpiryJob = defineJob({
  name: 'requests.export_expire',
  payload: z.object({}),
  cron: '50 3 * * *',
  retryLimit: 0,
});
