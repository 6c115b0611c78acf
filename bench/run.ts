/**
 * `npm run bench`: every benchmark on every engine, one JSON line each on stdout (see bench/README.md).
 * Progress goes to stderr, so `npm run bench > results.jsonl` keeps only the figures.
 *   --engine pglite|postgres   only this engine (default: both)
 *   --n 200 --warmup 30        measured and discarded rounds per benchmark
 *   --audit-entries 10000 --orgs 50
 *   --skip-analyze             leave the planner without statistics (what PGlite does on its own, see README)
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApplication } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DatabaseEngine } from '../src/platform/db/database.ts';
import { RecordingQueue } from '../src/platform/jobs/definition.ts';
import { listBenchmarks, runListBenchmark, signInCookie } from './api-lists.ts';
import { type BenchDatabase, openEngine } from './lib/engines.ts';
import { buildFixture } from './lib/fixture.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    n: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    'audit-entries': { type: 'string', default: '10000' },
    orgs: { type: 'string', default: '50' },
    'skip-analyze': { type: 'boolean', default: false },
  },
});
const settings = {
  n: Number(args.n),
  warmup: Number(args.warmup),
  auditEntries: Number(args['audit-entries']),
  organisationCount: Number(args.orgs),
  analyze: !args['skip-analyze'],
};
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** The API list pages on one engine: build the application on the database, seed it, measure. */
async function runApiLists(database: BenchDatabase): Promise<void> {
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    PRIVACYDESK_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS: 'false',
  });
  const app = await buildApplication(config, {
    database: database.handle,
    jobs: new RecordingQueue(),
    withoutWebApp: true,
  });
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

async function main(): Promise<void> {
  const engines: DatabaseEngine[] = args.engine ? [args.engine as DatabaseEngine] : ['pglite', 'postgres'];
  for (const engine of engines) {
    const opening = await openEngine(engine);
    if ('skipped' in opening) {
      progress(`${engine} left out: ${opening.skipped}`);
      process.stdout.write(`${JSON.stringify({ bench: 'api-lists', engine, skipped: opening.skipped })}\n`);
      continue;
    }
    try {
      await runApiLists(opening.database);
    } finally {
      await opening.database.dispose();
    }
  }
}

await main();
