import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobDefinition, JobHandler, JobPayload, JobQueue, SendOptions } from './definition.ts';

const SCHEDULE_TIME_ZONE = 'Europe/Amsterdam';

export interface JobLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface QueueOptions {
  database: DatabaseHandle;
  /** False on instances that only enqueue (a web-only instance, the CLI). */
  runWorkers: boolean;
  logger: JobLogger;
  /** Test knob: how often to look for due schedules and new jobs. */
  pollingIntervalSeconds?: number;
}

function bossOptions(options: QueueOptions): PgBoss.ConstructorOptions {
  const { database } = options;
  const connection: PgBoss.DatabaseOptions =
    database.engine === 'postgres'
      ? { connectionString: database.connectionString, max: 4, application_name: 'privacydesk-jobs' }
      : { db: database.sql as PgBoss.Db };
  const interval = options.pollingIntervalSeconds;
  return {
    ...connection,
    schema: 'pgboss',
    supervise: options.runWorkers,
    schedule: options.runWorkers,
    ...(interval ? { cronMonitorIntervalSeconds: interval, cronWorkerIntervalSeconds: interval } : {}),
  };
}

/**
 * The job queue on pg-boss: jobs live in the application's own PostgreSQL (or PGlite), workers on every instance
 * take them with SKIP LOCKED, and cron slots are deduplicated across instances by pg-boss's singleton slots.
 */
export class PgBossQueue implements JobQueue {
  readonly #boss: PgBoss;
  readonly #options: QueueOptions;

  #isStarted = false;

  constructor(options: QueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss(bossOptions(options));
    this.#boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  }

  /** Starts pg-boss, creates the queues, and (on worker instances) starts the workers and schedules. */
  async start(handlers: JobHandler[]): Promise<void> {
    await this.#boss.start();
    this.#isStarted = true;
    for (const { definition } of handlers) await ensureQueue(this.#boss, definition);
    if (this.#options.runWorkers) await this.#startWorkers(handlers);
  }

  async #startWorkers(handlers: JobHandler[]): Promise<void> {
    const interval = this.#options.pollingIntervalSeconds ?? 2;
    for (const handler of handlers) {
      const { definition } = handler;
      await this.#boss.work(definition.name, { pollingIntervalSeconds: interval, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const payload = definition.payload.parse(job.data);
        await handler.handle(payload, { jobId: job.id, attempt: (job as { retryCount?: number }).retryCount ?? 0 });
      });
      if (definition.cron) {
        await this.#boss.schedule(definition.name, definition.cron, {}, { tz: SCHEDULE_TIME_ZONE });
      } else {
        await this.#boss.unschedule(definition.name).catch(() => {});
      }
    }
  }

  async send<D extends JobDefinition>(definition: D, payload: JobPayload<D>, options: SendOptions = {}) {
    const parsed = definition.payload.parse(payload);
    return this.#boss.send(definition.name, parsed as object, {
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  /** Stops taking new jobs, waits for running ones, and closes pg-boss's own pool. */
  async stop(): Promise<void> {
    if (!this.#isStarted) return;
    this.#isStarted = false;
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

async function ensureQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  const queueOptions = {
    name: definition.name,
    retryLimit: definition.retryLimit ?? 3,
    retryDelay: definition.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
  };
  const existing = await boss.getQueue(definition.name);
  if (existing) await boss.updateQueue(definition.name, queueOptions);
  else await boss.createQueue(definition.name, queueOptions);
}
