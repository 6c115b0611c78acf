import path from 'node:path';
import pino from 'pino';
import type { TConfig } from './config.ts';
import { breachRemindersJob } from './modules/breaches/jobs.ts';
import { measureReviewRemindersJob } from './modules/measures/jobs.ts';
import { refreshCompletenessJob } from './modules/register/jobs.ts';
import { requestExportExpiryJob, requestExportJob } from './modules/requests/export/jobs.ts';
import { requestMinimiseJob, requestRemindersJob } from './modules/requests/jobs.ts';
import { retentionRunJob, retentionScheduleJob } from './modules/retention/jobs.ts';
import { type AppContext, type Clock, systemClock } from './platform/context.ts';
import { loadIdentifierHasher } from './platform/crypto/identifier-hash.ts';
import { assertSecretKeyMatches } from './platform/crypto/key-check.ts';
import { resolveSecretKey, SecretBox } from './platform/crypto/secret-box.ts';
import { connectDatabase } from './platform/db/connect.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { maintenanceJobHandlers, refreshStatistics } from './platform/db/maintenance.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { type AppEvents, Hooks } from './platform/hooks.ts';
import type { JobDefinition, JobHandler, JobQueue } from './platform/jobs/definition.ts';
import { PgBossQueue } from './platform/jobs/pg-boss-queue.ts';
import { createSmtpTransport, mailJobHandlers } from './platform/mail/delivery.ts';
import { Outbox } from './platform/mail/outbox.ts';

export interface RuntimeOptions {
  /** An already-open database (tests); otherwise opened from the config. */
  database?: DatabaseHandle;
  clock?: Clock;
  /** A queue to use instead of pg-boss (API tests use a recording one). */
  jobs?: JobQueue;
  /** Test knob for pg-boss polling. */
  jobPollingIntervalSeconds?: number;
  /** The command that opens the database (`serve`, `register export`, …), named in the embedded database's lock. */
  command?: string;
}

/** Job-queue events go to the same structured log as requests (entries are already free of personal data). */
function jobLogger(level: string) {
  const logger = pino({ level, name: 'jobs' });
  return {
    info: (details: object, message: string) => logger.info(details, message),
    error: (details: object, message: string) => logger.error(details, message),
  };
}

/**
 * Wires module reactions to other modules' events. A reaction loads its module when its event first happens, so a
 * one-off command loads only the modules it uses.
 */
function registerHooks(ctx: AppContext): void {
  const categories = () => import('./modules/categories/service.ts');
  const register = () => import('./modules/register/service.ts');
  const retention = () => import('./modules/retention/service.ts');
  ctx.hooks.on('organisation.created', async (tx, { orgId }) => (await categories()).seedDefaultCategories(tx, orgId));
  ctx.hooks.on('register.inputs_changed', async (tx, { orgId, changed }) => {
    await (await register()).refreshCompletenessBeforeCommit(ctx, tx, orgId, changed);
    await (await retention()).flagPoliciesOfChangedActivities(ctx, tx, orgId, changed.activityIds);
  });
  ctx.hooks.on('connectors.deleting', async (tx, { orgId, recordTypeIds }) =>
    (await retention()).refuseDeletingRecordTypesInUse(tx, orgId, recordTypeIds),
  );
}

/**
 * Handlers whose module loads when the first of their jobs runs. Every instance declares every queue, but only a
 * server runs workers; a one-off command never loads the services behind them.
 */
function loadedOnFirstJob(definitions: JobDefinition[], load: () => Promise<JobHandler[]>): JobHandler[] {
  let loading: Promise<JobHandler[]> | undefined;
  return definitions.map((definition) => ({
    definition,
    async handle(payload, context) {
      loading ??= load();
      const handler = (await loading).find((loaded) => loaded.definition.name === definition.name);
      if (!handler) throw new Error(`the module declaring job ${definition.name} has no handler for it`);
      await handler.handle(payload, context);
    },
  }));
}

/** The handlers of the modules' jobs, each module loaded with its first job. */
function moduleJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    ...loadedOnFirstJob([refreshCompletenessJob], async () =>
      (await import('./modules/register/service.ts')).registerJobHandlers(ctx),
    ),
    ...loadedOnFirstJob([retentionRunJob, retentionScheduleJob], async () =>
      (await import('./modules/retention/service.ts')).retentionJobHandlers(ctx),
    ),
    ...loadedOnFirstJob([requestRemindersJob, requestMinimiseJob], async () =>
      (await import('./modules/requests/service.ts')).requestJobHandlers(ctx),
    ),
    ...loadedOnFirstJob([requestExportJob, requestExportExpiryJob], async () =>
      (await import('./modules/requests/export/service.ts')).exportJobHandlers(ctx),
    ),
    ...loadedOnFirstJob([breachRemindersJob], async () =>
      (await import('./modules/breaches/service.ts')).breachJobHandlers(ctx),
    ),
    ...loadedOnFirstJob([measureReviewRemindersJob], async () =>
      (await import('./modules/measures/service.ts')).measureJobHandlers(ctx),
    ),
  ];
}

/**
 * Opens the database the config names (PGlite in DATA_DIR, or PostgreSQL) and applies the migrations. PGlite is
 * locked for this process: another one that opens it gets a DataDirectoryInUseError naming this command. The server
 * refreshes PGlite's planner statistics as it starts (and hourly); a one-off command, which would spend half a
 * second on it, plans with the statistics the server last kept.
 */
export async function openDatabase(config: TConfig, command = 'serve'): Promise<DatabaseHandle> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    holder: { command, url: config.publicUrl },
  });
  await migrateDatabase(database);
  if (command === 'serve') await refreshStatistics(database);
  return database;
}

export function openSecretBox(config: TConfig): SecretBox {
  const { secret } = resolveSecretKey(config.secretKey, config.dataDir);
  return new SecretBox(secret, config.previousSecretKeys);
}

export interface Runtime {
  ctx: AppContext;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The composition root without HTTP: database, key, clock, outbox and job queue, with the job handlers started
 * when this instance runs workers. The CLI uses it as it is; the server adds the routes.
 */
export async function createRuntime(config: TConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const database = options.database ?? (await openDatabase(config, options.command));
  const secrets = openSecretBox(config);
  try {
    await assertSecretKeyMatches(database.db, secrets, secrets.knownKeyIds);
  } catch (error) {
    // A refused start must not leave the pool open (it would keep a one-off command alive for seconds).
    if (!options.database) await database.close();
    throw error;
  }

  const clock = options.clock ?? systemClock;
  const bossQueue = options.jobs
    ? null
    : new PgBossQueue({
        database,
        runWorkers: config.runJobs,
        logger: jobLogger(config.logLevel),
        ...(options.jobPollingIntervalSeconds ? { pollingIntervalSeconds: options.jobPollingIntervalSeconds } : {}),
      });
  const jobs: JobQueue = options.jobs ?? (bossQueue as PgBossQueue);
  const transport = await createSmtpTransport(config.smtpUrl);
  const outbox = new Outbox({ secrets, jobs, isSmtpConfigured: transport !== null });
  const hooks = new Hooks<AppEvents>();
  const identifiers = await loadIdentifierHasher(database.db, secrets);
  const ctx: AppContext = {
    db: database.db,
    engine: database.engine,
    config,
    clock,
    secrets,
    identifiers,
    outbox,
    jobs,
    hooks,
  };
  registerHooks(ctx);

  const handlers: JobHandler[] = [
    ...maintenanceJobHandlers(database),
    ...mailJobHandlers({ db: database.db, secrets, jobs, transport, from: config.mailFrom, now: () => clock.now() }),
    ...moduleJobHandlers(ctx),
  ];
  await bossQueue?.start(handlers);

  return {
    ctx,
    database,
    async close() {
      await bossQueue?.stop();
      transport?.close();
      if (!options.database) await database.close();
    },
  };
}
