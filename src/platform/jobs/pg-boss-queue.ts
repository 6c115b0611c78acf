import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';
import { describeError } from '../safe-error.ts';
import type { JobDefinition, JobHandler, JobPayload, JobQueue, SendOptions } from './definition.ts';

const SCHEDULE_TIME_ZONE = 'Europe/Amsterdam';
const DEFAULT_POLLING_INTERVAL_SECONDS = 2;
const STOP_TIMEOUT_MS = 10_000;

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

/** What a failed job leaves in pg-boss's `output` column: a description without personal data. */
export class JobFailedError extends Error {
  override name = 'JobFailedError';
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
  /** Queue name → id of this instance's worker, to wake it when work arrives. */
  readonly #workerIds = new Map<string, string>();

  #isStarted = false;

  constructor(options: QueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss(bossOptions(options));
    this.#boss.on('error', (error: Error & { queue?: string }) =>
      options.logger.error({ queue: error.queue, error: describeError(error) }, 'job queue error'),
    );
  }

  /** Starts pg-boss, creates the queues, and (on worker instances) starts the workers and schedules. */
  async start(handlers: JobHandler[]): Promise<void> {
    await this.#boss.start();
    this.#isStarted = true;
    for (const { definition } of handlers) await ensureQueue(this.#boss, definition);
    if (!this.#options.runWorkers) return;
    for (const handler of handlers) await this.#startWorker(handler);
  }

  async #startWorker(handler: JobHandler): Promise<void> {
    const { definition } = handler;
    const pollingIntervalSeconds = this.#options.pollingIntervalSeconds ?? DEFAULT_POLLING_INTERVAL_SECONDS;
    let workerId: string | undefined;
    const workOptions = { pollingIntervalSeconds, batchSize: 1, includeMetadata: true } as const;
    workerId = await this.#boss.work(definition.name, workOptions, async ([job]) => {
      try {
        if (job) await this.#runJob(handler, job as PgBoss.JobWithMetadata);
      } finally {
        // pg-boss waits a polling interval after every fetch; waking the worker drains a backlog without pauses.
        if (workerId) this.#boss.notifyWorker(workerId);
      }
    });
    this.#workerIds.set(definition.name, workerId);
    if (definition.cron) {
      await this.#boss.schedule(definition.name, definition.cron, {}, { tz: SCHEDULE_TIME_ZONE });
    } else {
      await this.#boss.unschedule(definition.name).catch(() => {});
    }
  }

  async #runJob(handler: JobHandler, job: PgBoss.JobWithMetadata): Promise<void> {
    const context = { jobId: job.id, attempt: job.retryCount + 1 };
    try {
      const payload = handler.definition.payload.parse(job.data);
      await handler.handle(payload, context);
    } catch (error) {
      const description = describeError(error);
      this.#options.logger.error({ queue: job.name, ...context, error: description }, 'job failed');
      throw new JobFailedError(description);
    }
  }

  async send<D extends JobDefinition>(definition: D, payload: JobPayload<D>, options: SendOptions = {}) {
    if (options.singletonKey && definition.policy !== 'short') {
      throw new Error(`${definition.name}: singletonKey needs a job definition with policy 'short'`);
    }
    const parsed = definition.payload.parse(payload) as object;
    const sendOptions = {
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    };
    // After a database restart the pool may hand out connections that are already gone; a later try gets a live one.
    const id = await retrying(() => this.#boss.send(definition.name, parsed, sendOptions), isConnectionLost);
    if (id && !options.startAfterSeconds) this.#wakeWorker(definition.name);
    return id;
  }

  /** A job sent here is due now: this instance's worker takes it without waiting for its next poll. */
  #wakeWorker(queueName: string): void {
    const workerId = this.#workerIds.get(queueName);
    if (workerId && this.#isStarted) this.#boss.notifyWorker(workerId);
  }

  /** Stops taking new jobs, waits for running ones, and closes pg-boss's own pool. */
  async stop(): Promise<void> {
    if (!this.#isStarted) return;
    this.#isStarted = false;
    this.#workerIds.clear();
    await this.#boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
  }
}

/**
 * SQLSTATEs and socket errors of a connection that was closed under the query. Retrying such a send can at worst
 * queue a job twice, which idempotent handlers absorb; not retrying would lose it.
 */
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE']);

function isConnectionLost(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    CONNECTION_LOST_CODES.has(String(code)) ||
    (typeof message === 'string' && message.includes('Connection terminated'))
  );
}

const DEADLOCK_DETECTED = '40P01';
const isDeadlock = (error: unknown) => (error as { code?: unknown }).code === DEADLOCK_DETECTED;

/**
 * Creates the queue or brings its options up to date. Two instances starting at once both create queues, and
 * pg-boss's create_queue (a partition plus foreign keys) deadlocks against itself; the loser simply tries again.
 */
async function ensureQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  await retrying(() => createOrUpdateQueue(boss, definition), isDeadlock);
}

const ATTEMPTS = 5;

/** Runs `work`, trying again after a short random pause when it fails in a way `isTransient` recognises. */
async function retrying<T>(work: () => Promise<T>, isTransient: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || attempt >= ATTEMPTS) throw error;
      await sleep(50 + Math.random() * 200);
    }
  }
}

async function createOrUpdateQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  const queueOptions = {
    name: definition.name,
    policy: definition.policy ?? 'standard',
    retryLimit: definition.retryLimit ?? 3,
    retryDelay: definition.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
  };
  const existing = await boss.getQueue(definition.name);
  if (existing) await boss.updateQueue(definition.name, queueOptions);
  else await boss.createQueue(definition.name, queueOptions);
}
