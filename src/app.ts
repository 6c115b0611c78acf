import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { TConfig } from './config.ts';
import { createAccessResolver } from './modules/access/service.ts';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { breachRoutes } from './modules/breaches/routes.ts';
import { categoryRoutes } from './modules/categories/routes.ts';
import { seedDefaultCategories } from './modules/categories/service.ts';
import { connectorRoutes } from './modules/connectors/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { onboardingRoutes } from './modules/onboarding/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { activityRoutes } from './modules/register/routes.ts';
import { refreshCompletenessBeforeCommit, registerJobHandlers } from './modules/register/service.ts';
import { registerIoRoutes } from './modules/register-io/routes.ts';
import { requestExportRoutes } from './modules/requests/export/routes.ts';
import { exportJobHandlers } from './modules/requests/export/service.ts';
import { requestRoutes } from './modules/requests/routes.ts';
import { requestJobHandlers } from './modules/requests/service.ts';
import { retentionRoutes } from './modules/retention/routes.ts';
import { registerRetentionHooks, retentionJobHandlers } from './modules/retention/service.ts';
import { vendorRoutes } from './modules/vendors/routes.ts';
import { type AppContext, type Clock, systemClock } from './platform/context.ts';
import { loadIdentifierHasher } from './platform/crypto/identifier-hash.ts';
import { assertSecretKeyMatches } from './platform/crypto/key-check.ts';
import { resolveSecretKey, SecretBox } from './platform/crypto/secret-box.ts';
import { connectDatabase } from './platform/db/connect.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { maintenanceJobHandlers, refreshStatistics } from './platform/db/maintenance.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { type AppEvents, Hooks } from './platform/hooks.ts';
import { createHttpApp } from './platform/http/create-app.ts';
import type { JobHandler, JobQueue } from './platform/jobs/definition.ts';
import { PgBossQueue } from './platform/jobs/pg-boss-queue.ts';
import { createSmtpTransport, mailJobHandlers } from './platform/mail/delivery.ts';
import { Outbox } from './platform/mail/outbox.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const webDistDir = path.join(projectRoot, 'web', 'dist');

export interface Application {
  ctx: AppContext;
  database: DatabaseHandle;
  http: FastifyInstance;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** An already-open database (tests); otherwise opened from the config. */
  database?: DatabaseHandle;
  clock?: Clock;
  /** A queue to use instead of pg-boss (API tests use a recording one). */
  jobs?: JobQueue;
  /** Test knob for pg-boss polling. */
  jobPollingIntervalSeconds?: number;
  /** Skip the web app's static files (API-only tests). */
  withoutWebApp?: boolean;
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

/** Wires module reactions to other modules' events. */
function registerHooks(ctx: AppContext): void {
  ctx.hooks.on('organisation.created', (tx, { orgId }) => seedDefaultCategories(tx, orgId));
  ctx.hooks.on('register.inputs_changed', (tx, { orgId, changed }) =>
    refreshCompletenessBeforeCommit(ctx, tx, orgId, changed),
  );
  registerRetentionHooks(ctx);
}

/**
 * Opens the database the config names (PGlite in DATA_DIR, or PostgreSQL) and applies the migrations. PGlite is
 * locked for this process: another one that opens it gets a DataDirectoryInUseError naming this command.
 */
export async function openDatabase(config: TConfig, command = 'serve'): Promise<DatabaseHandle> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    holder: { command, url: config.publicUrl },
  });
  await migrateDatabase(database);
  await refreshStatistics(database);
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
export async function createRuntime(config: TConfig, options: BuildOptions = {}): Promise<Runtime> {
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
  const transport = createSmtpTransport(config.smtpUrl);
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
    ...registerJobHandlers(ctx),
    ...retentionJobHandlers(ctx),
    ...requestJobHandlers(ctx),
    ...exportJobHandlers(ctx),
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

/** The whole server: the runtime plus the HTTP app with every module's routes and the web app. */
export async function buildApplication(config: TConfig, options: BuildOptions = {}): Promise<Application> {
  const runtime = await createRuntime(config, options);
  const { ctx, database } = runtime;
  const http = await createHttpApp({
    logLevel: config.logLevel,
    trustProxyHops: config.trustProxyHops,
    publicUrl: config.publicUrl,
    access: createAccessResolver(ctx),
    routes: [
      identityRoutes(ctx),
      organisationRoutes(ctx),
      apiTokenRoutes(ctx),
      auditRoutes(ctx),
      outboxRoutes(ctx),
      categoryRoutes(ctx),
      activityRoutes(ctx),
      vendorRoutes(ctx),
      inventoryRoutes(ctx),
      connectorRoutes(ctx),
      retentionRoutes(ctx),
      requestRoutes(ctx),
      requestExportRoutes(ctx),
      breachRoutes(ctx),
      onboardingRoutes(ctx),
      registerIoRoutes(ctx),
    ],
    isReady: async () => {
      await database.db.execute(sql`select 1`);
      return true;
    },
    webDistDir: options.withoutWebApp ? undefined : webDistDir,
  });
  return {
    ctx,
    database,
    http,
    async close() {
      await http.close();
      await runtime.close();
    },
  };
}
