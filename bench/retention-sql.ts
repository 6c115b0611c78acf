/**
 * Retention on PostgreSQL: the connector's find + delete loop against a hand-written batched DELETE on an identical
 * table, in the same run (DESIGN.md, "Performance targets": ≥ 0.8× the rows/s, peak RSS flat below 250 MB).
 * Not wired into bench/run.ts yet; call `benchmarkPostgresRetention({ rows })`.
 */
import pg from 'pg';
import type { Selection } from '../src/connectors/connector.ts';
import { postgresManifest } from '../src/connectors/postgres/manifest.ts';
import type { TPostgresRecordType } from '../src/connectors/postgres/schema.ts';

export interface RetentionBenchResult {
  bench: 'retention-postgres';
  rows: number;
  expired: number;
  batch_size: number;
  connector_rows_per_s: number;
  baseline_rows_per_s: number;
  /** connector ÷ baseline; the target is ≥ 0.8. */
  ratio: number;
  /**
   * A hand-written loop of the same shape as the connector's (select the keys in key order, then DELETE by that
   * key list): the ceiling for any keyed delete, which the audit-before-delete rule requires.
   */
  keyed_floor_rows_per_s: number;
  /** connector ÷ keyed floor: the connector's own overhead. */
  ratio_to_keyed_floor: number;
  connector_deleted: number;
  baseline_deleted: number;
  peak_rss_mb: number;
}

const CUTOFF_INSTANT = new Date('2026-01-01T00:00:00Z');

async function createTables(client: pg.Client, rows: number) {
  for (const table of ['retention_connector', 'retention_baseline', 'retention_keyed']) {
    await client.query(`CREATE TABLE ${table} (id bigint PRIMARY KEY, email text, ended_at timestamptz)`);
    // Every other row expired, interleaved through the table as in a real CRM.
    await client.query(
      `INSERT INTO ${table} SELECT n, 'client' || n || '@example.org',
         CASE WHEN n % 2 = 0 THEN timestamptz '2024-06-01' + (n % 1000) * interval '1 hour'
              ELSE timestamptz '2026-06-01' END
       FROM generate_series(1, $1::bigint) n`,
      [rows],
    );
    await client.query(`CREATE INDEX ON ${table} (ended_at)`);
    await client.query(`VACUUM ANALYZE ${table}`);
  }
}

async function timedRun(run: () => Promise<number>) {
  const started = performance.now();
  const deleted = await run();
  return { deleted, ms: performance.now() - started };
}

/** Repeats a batch until it deletes nothing. */
const timedLoop = (batch: () => Promise<number>) =>
  timedRun(async () => {
    let total = 0;
    for (let deleted = await batch(); deleted > 0; deleted = await batch()) total += deleted;
    return total;
  });

/** Keys in key order, then DELETE by the key list: what the connector does, written by hand on the driver. */
function keyedLoop(client: pg.Client, batchSize: number) {
  let cursor = '0';
  return timedLoop(async () => {
    const { rows } = await client.query<[string]>({
      text: `SELECT id FROM retention_keyed WHERE ended_at < $1 AND id > $2 ORDER BY id LIMIT ${batchSize}`,
      values: [CUTOFF_INSTANT, cursor],
      rowMode: 'array',
    });
    if (rows.length === 0) return 0;
    const keys = rows.map((row) => row[0]);
    cursor = keys[keys.length - 1]!;
    const { rowCount } = await client.query('DELETE FROM retention_keyed WHERE id = ANY($1)', [keys]);
    return rowCount ?? 0;
  });
}

/** Samples the process's resident set size until stopped; returns the peak in MB. */
function sampleRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage.rss()) / 1_048_576);
  };
}

/**
 * Runs both loops on a fresh database on the server of `databaseUrl` (default `TEST_DATABASE_URL`), the baseline
 * first, and drops the database afterwards.
 */
export async function benchmarkPostgresRetention(options: {
  rows: number;
  batchSize?: number;
  databaseUrl?: string;
}): Promise<RetentionBenchResult> {
  const batchSize = options.batchSize ?? 10_000;
  const serverUrl = new URL(
    options.databaseUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  // Named like the test databases, so a crashed run's database is swept by the test setup.
  const name = `pdt_${Math.floor(Date.now() / 1000)}_retention_sql`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  try {
    await createTables(client, options.rows);
    const connector = postgresManifest.open(
      {
        host: databaseUrl.hostname,
        port: Number(databaseUrl.port || 5432),
        database: name,
        user: decodeURIComponent(databaseUrl.username),
        password: decodeURIComponent(databaseUrl.password),
        sslMode: 'disable',
        connectTimeoutMs: 10_000,
      },
      { timeoutMs: 120_000 },
    );
    const recordType: TPostgresRecordType = {
      schema: 'public',
      table: 'retention_connector',
      keyColumn: 'id',
      identityColumns: [{ column: 'email', kind: 'email' }],
      timestampColumns: ['ended_at'],
      anonymisableColumns: [],
    };
    const selection: Selection = {
      timestampField: 'ended_at',
      cutoff: { instant: CUTOFF_INSTANT, localDateTime: '2026-01-01T01:00:00', localDate: '2026-01-01' },
      conditions: [],
      exclusions: [],
    };
    const stopRss = sampleRss();
    // One loop after the other, not batch by batch: find() prefetches its next batch, which would overlap the
    // baseline's statement and blur both figures.
    const baseline = await timedLoop(async () => {
      const { rowCount } = await client.query(
        `DELETE FROM retention_baseline WHERE ctid IN
           (SELECT ctid FROM retention_baseline WHERE ended_at < $1 LIMIT ${batchSize})`,
        [CUTOFF_INSTANT],
      );
      return rowCount ?? 0;
    });
    const keyed = await keyedLoop(client, batchSize);
    const subject = await timedRun(async () => {
      let deleted = 0;
      for await (const batch of connector.find(recordType, selection, { batchSize }))
        deleted += (
          await connector.delete(
            recordType,
            batch.records.map((record) => record.key),
          )
        ).deleted;
      return deleted;
    });
    const peakRssMb = stopRss();
    await connector.close();
    const connectorRate = subject.deleted / (subject.ms / 1000);
    const baselineRate = baseline.deleted / (baseline.ms / 1000);
    const keyedRate = keyed.deleted / (keyed.ms / 1000);
    return {
      bench: 'retention-postgres',
      rows: options.rows,
      expired: Math.floor(options.rows / 2),
      batch_size: batchSize,
      connector_rows_per_s: Math.round(connectorRate),
      baseline_rows_per_s: Math.round(baselineRate),
      ratio: Math.round((connectorRate / baselineRate) * 100) / 100,
      keyed_floor_rows_per_s: Math.round(keyedRate),
      ratio_to_keyed_floor: Math.round((connectorRate / keyedRate) * 100) / 100,
      connector_deleted: subject.deleted,
      baseline_deleted: baseline.deleted,
      peak_rss_mb: peakRssMb,
    };
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
