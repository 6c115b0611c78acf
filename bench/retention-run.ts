/**
 * A whole retention run (the policy, its approved preview, audit entry per batch before the delete, counts) on a
 * PostgreSQL table, against a hand-written batched `DELETE … WHERE ctid IN (SELECT … LIMIT n)` loop on an identical
 * table in the same database. privacydesk itself runs on PGlite in a temporary directory, as `npm start` does.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApplication } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import * as connectors from '../src/modules/connectors/service.ts';
import * as identity from '../src/modules/identity/service.ts';
import { ZCreateOrganisationRequest } from '../src/modules/organisations/contract.ts';
import * as organisations from '../src/modules/organisations/service.ts';
import * as retention from '../src/modules/retention/service.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import type { OrgScope } from '../src/platform/http/access.ts';
import { RecordingQueue } from '../src/platform/jobs/definition.ts';
import { type BenchDatabase, openEngine } from './lib/engines.ts';

const CUTOFF_DAY = '2026-01-01';

async function createTable(client: pg.Client, table: string, rows: number) {
  await client.query(`CREATE TABLE ${table} (id bigint PRIMARY KEY, email text, ended_on date)`);
  await client.query(
    `INSERT INTO ${table} SELECT n, 'client' || n || '@example.org',
       CASE WHEN n % 2 = 0 THEN date '2024-06-01' + (n % 300)::int ELSE date '2026-06-01' END
     FROM generate_series(1, $1::bigint) n`,
    [rows],
  );
  await client.query(`CREATE INDEX ON ${table} (ended_on)`);
  await client.query(`VACUUM ANALYZE ${table}`);
}

async function baselineLoop(client: pg.Client, table: string, batchSize: number) {
  const started = performance.now();
  let total = 0;
  for (;;) {
    const { rowCount } = await client.query(
      `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ended_on < $1 LIMIT ${batchSize})`,
      [CUTOFF_DAY],
    );
    if (!rowCount) break;
    total += rowCount;
  }
  return { deleted: total, ms: performance.now() - started };
}

/**
 * privacydesk on its own database (`appDb`: PGlite in a temporary directory, or a fresh PostgreSQL database) with
 * an organisation whose policy deletes rows of `retention_run` ended before 2026.
 */
async function privacydeskWithPolicy(database: string, serverUrl: URL, appDb: BenchDatabase) {
  const config = loadConfig({
    DATA_DIR: appDb.dataDir,
    PRIVACYDESK_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS: 'false',
  });
  const app = await buildApplication(config, {
    database: appDb.handle,
    jobs: new RecordingQueue(),
    withoutWebApp: true,
  });
  const owner = await inTransaction(app.ctx.db, (tx) =>
    identity.createUser(
      app.ctx,
      tx,
      { email: 'bench@example.org', name: 'Bench', password: 'Slow-Grey-Kettle-Morning-42', locale: 'nl' },
      { type: 'system', id: 'bench' },
    ),
  );
  const org = await organisations.createOrganisationForUser(
    app.ctx,
    ZCreateOrganisationRequest.parse({ name: 'Bench BV' }),
    owner.id,
  );
  const scope: OrgScope = { orgId: org.id, role: 'owner', actor: { type: 'user', id: owner.id } };
  const connector = await connectors.createConnector(app.ctx, scope, {
    name: 'CRM',
    kind: 'postgres',
    systemId: null,
    settings: {
      host: serverUrl.hostname,
      port: Number(serverUrl.port || 5432),
      database,
      user: decodeURIComponent(serverUrl.username),
      password: decodeURIComponent(serverUrl.password),
    },
  });
  const recordType = await connectors.createRecordType(app.ctx, scope, connector.id, {
    name: 'Klanten',
    definition: { table: 'retention_run', keyColumn: 'id', identityColumns: [{ column: 'email', kind: 'email' }] },
  });
  const policy = await retention.createPolicy(app.ctx, scope, {
    name: 'Klanten',
    recordTypeId: recordType.id,
    activityId: null,
    startEvent: { timestampField: 'ended_on', conditions: [], eventId: null },
    // Run on 2026-12-03: "11 months" keeps 2026-01-03 and later; every expired row is from 2024.
    period: { kind: 'after', amount: 11, unit: 'months' },
    legalReference: { presetId: null, reference: '' },
    action: { kind: 'delete' },
    holds: [],
    schedule: { frequency: 'daily', time: '02:00' },
    ownerUserId: null,
    marginPercent: 10,
  });
  const preview = await retention.computePreview(app.ctx, scope, policy.id);
  await retention.approvePreview(app.ctx, scope, policy.id, preview.id);
  return {
    app,
    scope,
    policyId: policy.id,
    async close() {
      await app.close();
      await appDb.dispose();
    },
  };
}

export interface RetentionRunResult {
  bench: 'retention-run-postgres';
  app_db: 'pglite' | 'postgres';
  rows: number;
  run_deleted: number;
  baseline_deleted: number;
  run_rows_per_s: number;
  /** The mean of the hand-written loop run just before and just after the run, each on its own identical table. */
  baseline_rows_per_s: number;
  baseline_before_rows_per_s: number;
  baseline_after_rows_per_s: number;
  /** run ÷ baseline; the target is ≥ 0.8. */
  ratio: number;
  /** The process's resident set when the run starts (privacydesk up, its database open) and its peak during the run. */
  rss_at_start_mb: number;
  peak_rss_mb: number;
  /** Of the peak: V8's heap in use and the memory of Buffers, to tell JavaScript objects from native memory. */
  peak_heap_used_mb: number;
  peak_array_buffers_mb: number;
}

/** Samples the process's memory until stopped; returns the peaks in MB (resident set, V8 heap, buffers). */
function sampleMemory() {
  const peak = { rss: 0, heapUsed: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of ['rss', 'heapUsed', 'arrayBuffers'] as const) peak[key] = Math.max(peak[key], usage[key]);
  };
  sample();
  const timer = setInterval(sample, 25);
  return () => {
    clearInterval(timer);
    sample();
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    return { rss: mb(peak.rss), heapUsed: mb(peak.heapUsed), arrayBuffers: mb(peak.arrayBuffers) };
  };
}

const rate = (loop: { deleted: number; ms: number }) => loop.deleted / (loop.ms / 1000);

/**
 * The whole run against the hand-written loop, on a fresh database of the server at TEST_DATABASE_URL. The baseline
 * runs just before and just after the run, on identical tables, so load that changes during the run hits both.
 */
export async function benchmarkRetentionRun(options: {
  rows: number;
  /** privacydesk's own database: PGlite (as `npm start` without DATABASE_URL) or PostgreSQL (production). */
  appDb: 'pglite' | 'postgres';
  progress?: (line: string) => void;
}): Promise<RetentionRunResult> {
  const progress = options.progress ?? (() => {});
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `pdt_${Math.floor(Date.now() / 1000)}_retention_run`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  try {
    for (const table of ['retention_baseline', 'retention_run', 'retention_baseline_after'])
      await createTable(client, table, options.rows);
    progress(`retention run (${options.appDb}): ${options.rows} rows in each table`);
    const before = await baselineLoop(client, 'retention_baseline', 10_000);
    const opening = await openEngine(options.appDb);
    if ('skipped' in opening) throw new Error(opening.skipped);
    const privacydesk = await privacydeskWithPolicy(name, databaseUrl, opening.database);
    const rssAtStart = Math.round(process.memoryUsage.rss() / 1_048_576);
    const stopSampling = sampleMemory();
    const started = performance.now();
    const run = await retention.startRun(privacydesk.app.ctx, privacydesk.scope, privacydesk.policyId, 'cli');
    await retention.executeRun(privacydesk.app.ctx, run.id);
    const ms = performance.now() - started;
    const peak = stopSampling();
    const finished = await retention.getRun(privacydesk.app.ctx, privacydesk.scope, run.id);
    await privacydesk.close();
    const after = await baselineLoop(client, 'retention_baseline_after', 10_000);
    const runRate = rate({ deleted: finished.counts.deleted, ms });
    const baselineRate = (rate(before) + rate(after)) / 2;
    return {
      bench: 'retention-run-postgres',
      app_db: options.appDb,
      rows: options.rows,
      run_deleted: finished.counts.deleted,
      baseline_deleted: before.deleted,
      run_rows_per_s: Math.round(runRate),
      baseline_rows_per_s: Math.round(baselineRate),
      baseline_before_rows_per_s: Math.round(rate(before)),
      baseline_after_rows_per_s: Math.round(rate(after)),
      ratio: Math.round((runRate / baselineRate) * 100) / 100,
      rss_at_start_mb: rssAtStart,
      peak_rss_mb: peak.rss,
      peak_heap_used_mb: peak.heapUsed,
      peak_array_buffers_mb: peak.arrayBuffers,
    };
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
