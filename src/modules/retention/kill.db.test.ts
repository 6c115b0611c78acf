import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRET_KEY, TestClock } from '../../../test/app.ts';
import { type CliDatabase, cliEnvironment, createCliDatabase } from '../../../test/cli.ts';
import { auditEntriesSince } from '../../../test/db.ts';
import { createOrganisation } from '../../../test/factories.ts';
import { auditedKeyHashes } from '../../../test/retention.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';
import { migrateDatabase } from '../../platform/db/migrate.ts';
import { executeRun } from './service.ts';
import { RUN_BATCH_SIZE } from './use-cases/runs.ts';

/**
 * kill -9 for real: a worker process runs a policy, the test kills it with SIGKILL as soon as the first batch is
 * gone from the store, and a new process resumes the run once the dead worker's lease has run out. Exactly the
 * expired rows are gone, and the counts and the audit trail name each of them once.
 */

const EXPIRED = RUN_BATCH_SIZE * 3;
const KEPT = 500;

let database: CliDatabase;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;

beforeAll(async () => {
  database = await createCliDatabase();
  crm = await createPostgresTestDatabase('kill');
  await crm.client.query('create table leads (id serial primary key, email text, created date)');
  await crm.client.query(
    `insert into leads (email, created) select 'lead' || i || '@example.nl', date '2025-01-01' from generate_series(1, ${EXPIRED}) i`,
  );
  await crm.client.query(
    `insert into leads (email, created) select 'recent' || i || '@example.nl', date '2026-11-20' from generate_series(1, ${KEPT}) i`,
  );
});
afterAll(async () => {
  await crm?.drop();
  await database?.close();
});

/** privacydesk in this process on the shared database, with an approved policy and a queued run. */
async function prepareRun() {
  const handle = await database.open();
  await migrateDatabase(handle);
  const app = await createTestApp({ database: handle, clock: new TestClock(new Date()) });
  const org = await createOrganisation(app);
  const api = (suffix: string) => `/api/orgs/${org.id}${suffix}`;
  const client = org.owner.client;
  const connector = await client.post(api('/connectors'), {
    name: 'CRM',
    kind: 'postgres',
    settings: { ...crm.config },
  });
  const recordType = await client.post(api(`/connectors/${connector.body.id}/record-types`), {
    name: 'Leads',
    definition: { table: 'leads', keyColumn: 'id' },
  });
  const policy = await client.post(api('/retention/policies'), {
    name: 'Leads na 4 weken',
    recordTypeId: recordType.body.id,
    startEvent: { timestampField: 'created' },
    period: { kind: 'after', amount: 4, unit: 'weeks' },
  });
  const preview = await client.post(api(`/retention/policies/${policy.body.id}/previews`), {});
  expect(preview.body.toAct).toBe(EXPIRED);
  await client.post(api(`/retention/policies/${policy.body.id}/previews/${preview.body.id}/approve`), {});
  const run = await client.post(api(`/retention/policies/${policy.body.id}/runs`), {});
  expect(run.status).toBe(201);
  await app.close();
  await handle.close();
  return { orgId: org.id, runId: run.body.id as string };
}

const remaining = async () => Number((await crm.client.query('select count(*) from leads')).rows[0].count);

/** Starts the worker and kills it with SIGKILL once it has deleted its first batch. */
async function runAndKill(runId: string): Promise<void> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'test/workers/retention-run.ts', runId], {
    env: cliEnvironment({ ...database.env, PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY }),
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.on('exit', (_code, signal) => resolve(signal)));
  for (;;) {
    if ((await remaining()) <= EXPIRED + KEPT - RUN_BATCH_SIZE) break;
    if (worker.exitCode !== null) throw new Error('the worker ended before it could be killed');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  worker.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('a retention run whose worker is killed with SIGKILL', () => {
  it('is resumed by another process with exactly the expired rows gone and every record counted once', {
    timeout: 120_000,
  }, async () => {
    const { orgId, runId } = await prepareRun();
    await runAndKill(runId);
    expect(await remaining()).toBeGreaterThan(KEPT);

    const handle = await database.open();
    // The dead worker's lease (two minutes) has to run out before another may take the run.
    const app = await createTestApp({ database: handle, clock: new TestClock(new Date(Date.now() + 5 * 60_000)) });
    try {
      const scope = { orgId, role: 'owner' as const, actor: { type: 'system' as const, id: 'test' } };
      await executeRun(app.ctx, runId);
      const { getRun } = await import('./service.ts');
      const run = await getRun(app.ctx, scope, runId);
      expect(run).toMatchObject({
        status: 'completed',
        counts: { deleted: EXPIRED, failed: 0 },
        progress: { processed: EXPIRED, expected: EXPIRED },
      });
      expect(await remaining()).toBe(KEPT);
      const hashes = await auditedKeyHashes(app, await auditEntriesSince(app, orgId, 0));
      expect(new Set(hashes).size).toBe(EXPIRED);
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
