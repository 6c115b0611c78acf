/**
 * A worker process for the kill test: opens privacydesk on the database of DATA_DIR / DATABASE_URL and works
 * through one retention run (argv[2]) until it is done — or until the test kills it with SIGKILL.
 */
import { buildApplication } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { executeRun } from '../../src/modules/retention/service.ts';
import { RecordingQueue } from '../../src/platform/jobs/definition.ts';

const runId = process.argv[2] as string;
const app = await buildApplication(
  loadConfig({ ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false', JOBS: 'false' }),
  {
    jobs: new RecordingQueue(),
    withoutWebApp: true,
  },
);
await executeRun(app.ctx, runId);
await app.close();
