/**
 * `npm run bench`: every benchmark on every engine, one JSON line each on stdout (see bench/README.md).
 * Progress goes to stderr, so `npm run bench > results.jsonl` keeps only the figures.
 *   --engine pglite|postgres   only this engine (default: both); for retention, privacydesk's own database
 *   --n 200 --warmup 30        measured and discarded rounds per benchmark
 *   --audit-entries 10000 --orgs 50
 *   --skip-analyze             leave the planner without statistics (what PGlite does on its own, see README)
 *   --only api-lists|register|retention|requests  one group of benchmarks (default: all)
 *   --retention-rows 100000,2000000 --imap-messages 100000   retention on PostgreSQL (half expired; each size, each
 *                              benchmark in a process of its own) and on Dovecot IMAP
 *   --rows 1000000 --files 10000 --persons 50   discovery (requests): rows per SQL table, files, persons looked for;
 *                                               its mailbox has --imap-messages messages (--rows 0: no discovery)
 *   --export-records 50000 --export-rounds 3   the export package of one person with this many records (0: none);
 *                                               the application database is --engine's (default PGlite)
 *   --activities 2000 --systems 500 --check-n 20 --export-n 3   the register benchmarks' size and rounds (--export-n 0: no PDF)
 *   --load-connections 200 --load-rounds 2 --load-seconds 120   concurrent load on the register (0 connections: none)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApplication } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { refreshStaleCompleteness } from '../src/modules/register/service.ts';
import type { DatabaseEngine } from '../src/platform/db/database.ts';
import { VACUUM_AND_ANALYZE } from '../src/platform/db/maintenance.ts';
import { RecordingQueue } from '../src/platform/jobs/definition.ts';
import { dovecotUnavailableReason } from '../test/servers/dovecot.ts';
import { listBenchmarks, runListBenchmark, signInCookie } from './api-lists.ts';
import { type BenchDatabase, openEngine } from './lib/engines.ts';
import { buildFixture } from './lib/fixture.ts';
import { buildRegisterFixture } from './lib/register-fixture.ts';
import { runRegisterBenchmarks } from './register.ts';
import { benchRequestsDiscovery } from './requests-discovery.ts';
import { benchRequestsExport } from './requests-export.ts';
import { benchImapRetention } from './retention-imap.ts';
import { benchmarkRetentionRun } from './retention-run.ts';
import { benchmarkPostgresRetention } from './retention-sql.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    n: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    'audit-entries': { type: 'string', default: '10000' },
    orgs: { type: 'string', default: '50' },
    'skip-analyze': { type: 'boolean', default: false },
    only: { type: 'string' },
    activities: { type: 'string', default: '2000' },
    systems: { type: 'string', default: '500' },
    'check-n': { type: 'string', default: '20' },
    'export-n': { type: 'string', default: '3' },
    'load-connections': { type: 'string', default: '200' },
    'load-rounds': { type: 'string', default: '2' },
    'load-seconds': { type: 'string', default: '120' },
    'retention-rows': { type: 'string', default: '100000,2000000' },
    'retention-part': { type: 'string' },
    'imap-messages': { type: 'string', default: '100000' },
    rows: { type: 'string', default: '1000000' },
    files: { type: 'string', default: '10000' },
    persons: { type: 'string', default: '50' },
    'export-records': { type: 'string', default: '50000' },
    'export-rounds': { type: 'string', default: '3' },
  },
});
const settings = {
  n: Number(args.n),
  warmup: Number(args.warmup),
  auditEntries: Number(args['audit-entries']),
  organisationCount: Number(args.orgs),
  analyze: !args['skip-analyze'],
  activities: Number(args.activities),
  systems: Number(args.systems),
  checkN: Number(args['check-n']),
  exportN: Number(args['export-n']),
  load: {
    connections: Number(args['load-connections']),
    rounds: Number(args['load-rounds']),
    seconds: Number(args['load-seconds']),
  },
};
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** One key for the whole run: each benchmark group opens the same database again, and the key must match it. */
const BENCH_SECRET_KEY = randomBytes(32).toString('hex');

function benchConfig(database: BenchDatabase) {
  return loadConfig({
    DATA_DIR: database.dataDir,
    PRIVACYDESK_SECRET_KEY: BENCH_SECRET_KEY,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS: 'false',
  });
}

/** The application on a benchmark database: jobs recorded rather than run, no web app. */
function benchApplication(database: BenchDatabase) {
  return buildApplication(benchConfig(database), {
    database: database.handle,
    jobs: new RecordingQueue(),
    withoutWebApp: true,
  });
}

/** The API list pages on one engine: build the application on the database, seed it, measure. */
async function runApiLists(database: BenchDatabase): Promise<void> {
  const app = await benchApplication(database);
  try {
    await app.http.ready();
    const started = Date.now();
    const fixture = await buildFixture(app.ctx, settings);
    progress(
      `${database.engine}: ${fixture.organisationCount} organisations, ${fixture.auditEntries} audit entries in ${Date.now() - started} ms`,
    );
    const cookie = await signInCookie(app, fixture);
    const ownerId = fixture.colleagueIds[0] as string;
    for (const benchmark of listBenchmarks(fixture, ownerId)) {
      const line = await runListBenchmark(benchmark, {
        app,
        sql: database.handle.sql,
        cookie,
        engine: database.engine,
        n: settings.n,
        warmup: settings.warmup,
        extra: { analyzed: settings.analyze },
      });
      process.stdout.write(`${line}\n`);
    }
  } finally {
    await app.close();
  }
}

/** The register (2,000 activities, 500 systems) on one engine: lists, completeness check, PDF export. */
async function runRegister(database: BenchDatabase): Promise<void> {
  const app = await benchApplication(database);
  try {
    await app.http.ready();
    const started = Date.now();
    const fixture = await buildRegisterFixture(app.ctx, settings);
    progress(
      `${database.engine}: register of ${fixture.activities} activities, ${fixture.systems} systems in ${Date.now() - started} ms`,
    );
    // The fixture is written straight into the tables: store its completeness summaries as the daily refresh would.
    const refreshing = Date.now();
    await refreshStaleCompleteness(app.ctx);
    // Those summaries are new rows: vacuum and analyse again, as the app's hourly maintenance would.
    if (settings.analyze) await app.ctx.db.execute(VACUUM_AND_ANALYZE);
    progress(
      `${database.engine}: completeness of ${fixture.activities} activities stored in ${Date.now() - refreshing} ms`,
    );
    await runRegisterBenchmarks(app, database.handle.sql, database.engine, fixture, settings, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } finally {
    await app.close();
  }
}

/** Benchmarks of retention that each run in a process of their own, so that each peak RSS is that benchmark's. */
type RetentionPart = 'sql' | 'run-pglite' | 'run-postgres';

async function runRetentionPart(part: RetentionPart, rows: number): Promise<void> {
  const line =
    part === 'sql'
      ? await benchmarkPostgresRetention({ rows })
      : await benchmarkRetentionRun({ rows, appDb: part === 'run-pglite' ? 'pglite' : 'postgres', progress });
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Runs this file again for one retention benchmark, with its output on ours. */
async function inChildProcess(part: RetentionPart, rows: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--retention-part', part, '--retention-rows', String(rows)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`retention benchmark ${part} at ${rows} rows exited with ${code}`);
}

/** Retention in the real stores: PostgreSQL rows (at each size) and IMAP messages, each against a hand-written loop. */
async function runRetention(): Promise<void> {
  const sizes = String(args['retention-rows'])
    .split(',')
    .map(Number)
    .filter((rows) => rows > 0);
  const appDbs = args.engine ? [args.engine as DatabaseEngine] : (['pglite', 'postgres'] as const);
  for (const rows of sizes) {
    progress(`retention: PostgreSQL table of ${rows} rows, half expired`);
    await inChildProcess('sql', rows);
    for (const appDb of appDbs) await inChildProcess(`run-${appDb}`, rows);
  }
  const messages = Number(args['imap-messages']);
  const dovecotProblem = dovecotUnavailableReason();
  if (messages > 0 && dovecotProblem) {
    process.stdout.write(`${JSON.stringify({ bench: 'retention-imap', skipped: dovecotProblem })}\n`);
  } else if (messages > 0) {
    progress(`retention: IMAP mailbox of ${messages} messages, half expired`);
    process.stdout.write(`${JSON.stringify(await benchImapRetention({ messages, progress }))}\n`);
  }
}

/** Discovery of one person across PostgreSQL, MariaDB, IMAP and files, against hand-written lookups. */
async function runRequests(): Promise<void> {
  if (Number(args.rows) > 0) {
    const result = await benchRequestsDiscovery({
      rows: Number(args.rows),
      messages: Number(args['imap-messages']),
      files: Number(args.files),
      persons: Number(args.persons),
      progress,
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  if (Number(args['export-records']) > 0) await runRequestsExport();
}

/** The export package of one person with many records, built by the job's handler on the application database. */
async function runRequestsExport(): Promise<void> {
  const engine = (args.engine as DatabaseEngine | undefined) ?? 'pglite';
  const opening = await openEngine(engine);
  if ('skipped' in opening) {
    process.stdout.write(`${JSON.stringify({ bench: 'requests-export', engine, skipped: opening.skipped })}\n`);
    return;
  }
  const app = await benchApplication(opening.database);
  try {
    const result = await benchRequestsExport(app.ctx, {
      records: Number(args['export-records']),
      rounds: Number(args['export-rounds']),
      progress,
    });
    process.stdout.write(`${JSON.stringify({ ...result, engine })}\n`);
  } finally {
    await app.close();
    await opening.database.dispose();
  }
}

async function main(): Promise<void> {
  if (args['retention-part'])
    return runRetentionPart(args['retention-part'] as RetentionPart, Number(args['retention-rows']));
  if (args.only === 'retention') return runRetention();
  if (args.only === 'requests') return runRequests();
  const engines: DatabaseEngine[] = args.engine ? [args.engine as DatabaseEngine] : ['pglite', 'postgres'];
  for (const engine of engines) {
    const opening = await openEngine(engine);
    if ('skipped' in opening) {
      progress(`${engine} left out: ${opening.skipped}`);
      process.stdout.write(`${JSON.stringify({ bench: 'api-lists', engine, skipped: opening.skipped })}\n`);
      continue;
    }
    try {
      if (!args.only || args.only === 'api-lists') await runApiLists(opening.database);
      if (!args.only || args.only === 'register') await runRegister(opening.database);
    } finally {
      await opening.database.dispose();
    }
  }
  if (!args.only) await runRetention();
  if (!args.only) await runRequests();
}

await main();
