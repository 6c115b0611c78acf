import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../db/testing.ts';
import { defineJob, type JobContext, type JobHandler } from './definition.ts';
import { PgBossQueue } from './pg-boss-queue.ts';
import { RecordingJobLogger } from './testing.ts';

const SECRET_ADDRESS = 'jan.jansen@example.nl';

const echoJob = defineJob({ name: 'test.echo', payload: z.object({ n: z.number().int() }) });
const flakyJob = defineJob({
  name: 'test.flaky',
  payload: z.object({ key: z.string() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
});
const brokenJob = defineJob({ name: 'test.broken', payload: z.object({}), retryLimit: 1, retryDelaySeconds: 1 });
const shortJob = defineJob({ name: 'test.short', payload: z.object({ n: z.number() }), policy: 'short' });
const tickJob = defineJob({ name: 'test.tick', payload: z.object({}), cron: '* * * * *', retryLimit: 0 });

const echoed: number[] = [];
const flakyAttempts: JobContext[] = [];
const brokenAttempts: JobContext[] = [];
const ticks: number[] = [];

const handlers: JobHandler[] = [
  { definition: echoJob, handle: async ({ n }: { n: number }) => void echoed.push(n) },
  {
    definition: flakyJob,
    async handle(_payload, context) {
      flakyAttempts.push(context);
      if (context.attempt === 1) throw new Error('first attempt fails');
    },
  },
  {
    definition: brokenJob,
    async handle(_payload, context) {
      brokenAttempts.push(context);
      throw new Error(`mailbox ${SECRET_ADDRESS} does not exist`);
    },
  },
  { definition: shortJob, handle: async () => {} },
  { definition: tickJob, handle: async () => void ticks.push(Date.now()) },
] as JobHandler[];

let database: DatabaseHandle;
let queue: PgBossQueue;
const logger = new RecordingJobLogger();

async function jobRow(queueName: string, id: string) {
  const { rows } = await database.sql.executeSql(
    'select state, output from pgboss.job where name = $1 and id = $2 union all select state, output from pgboss.archive where name = $1 and id = $2',
    [queueName, id],
  );
  return rows[0] as { state: string; output: unknown } | undefined;
}

beforeAll(async () => {
  database = await createTestDatabase();
  queue = new PgBossQueue({ database, runWorkers: true, logger, pollingIntervalSeconds: 1 });
  await queue.start(handlers);
});

afterAll(async () => {
  await queue?.stop();
  await database?.close();
});

describe(`pg-boss queue on ${process.env.TEST_DB ?? 'pglite'}`, () => {
  it('creates every queue with the retry policy of its definition', async () => {
    const { rows } = await database.sql.executeSql(
      'select name, retry_limit, retry_delay, retry_backoff from pgboss.queue where name like $1 order by name',
      ['test.%'],
    );
    expect(rows).toEqual([
      { name: 'test.broken', retry_limit: 1, retry_delay: 1, retry_backoff: true },
      { name: 'test.echo', retry_limit: 3, retry_delay: 30, retry_backoff: true },
      { name: 'test.flaky', retry_limit: 2, retry_delay: 1, retry_backoff: true },
      { name: 'test.short', retry_limit: 3, retry_delay: 30, retry_backoff: true },
      { name: 'test.tick', retry_limit: 0, retry_delay: 30, retry_backoff: true },
    ]);
  });

  it('runs sent jobs with their parsed payload and marks them completed', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.send(echoJob, { n })));
    await vi.waitFor(() => expect([...echoed].sort()).toEqual([1, 2, 3, 4, 5]), { timeout: 10_000, interval: 100 });
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await vi.waitFor(async () => expect((await jobRow('test.echo', id as string))?.state).toBe('completed'));
    }
  });

  it('refuses a payload that does not match the definition, before it reaches the queue', async () => {
    await expect(queue.send(echoJob, { n: 'one' } as unknown as { n: number })).rejects.toThrow();
  });

  it('retries a failing job and tells the handler which attempt it is', async () => {
    const id = await queue.send(flakyJob, { key: 'k1' });
    await vi.waitFor(async () => expect((await jobRow('test.flaky', id as string))?.state).toBe('completed'), {
      timeout: 15_000,
      interval: 200,
    });
    expect(flakyAttempts.map((context) => context.attempt)).toEqual([1, 2]);
    expect(flakyAttempts.every((context) => context.jobId === id)).toBe(true);
  });

  it('fails a job after its retries, recording and logging the error without personal data', async () => {
    const id = await queue.send(brokenJob, {});
    await vi.waitFor(async () => expect((await jobRow('test.broken', id as string))?.state).toBe('failed'), {
      timeout: 15_000,
      interval: 200,
    });
    expect(brokenAttempts.map((context) => context.attempt)).toEqual([1, 2]);
    const row = await jobRow('test.broken', id as string);
    expect(JSON.stringify(row?.output)).toContain('does not exist');
    expect(JSON.stringify(row?.output)).not.toContain(SECRET_ADDRESS);
    const failures = logger.errors.filter(
      (entry) => entry.message === 'job failed' && (entry.details as { queue?: string }).queue === 'test.broken',
    );
    expect(failures.map((entry) => (entry.details as { attempt: number }).attempt)).toEqual([1, 2]);
    expect(JSON.stringify(logger.errors)).not.toContain(SECRET_ADDRESS);
  });

  it('schedules a cron job in Europe/Amsterdam and runs the current minute at once', async () => {
    const { rows } = await database.sql.executeSql('select name, cron, timezone from pgboss.schedule', []);
    expect(rows).toEqual([{ name: 'test.tick', cron: '* * * * *', timezone: 'Europe/Amsterdam' }]);
    await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 100 });
  });

  it('keeps one waiting job per singleton key on a queue with policy short', async () => {
    const first = await queue.send(shortJob, { n: 1 }, { singletonKey: 'same', startAfterSeconds: 60 });
    const second = await queue.send(shortJob, { n: 2 }, { singletonKey: 'same', startAfterSeconds: 60 });
    const other = await queue.send(shortJob, { n: 3 }, { singletonKey: 'other', startAfterSeconds: 60 });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
    expect(other).toMatch(/^[0-9a-f-]{36}$/);
    await expect(queue.send(echoJob, { n: 1 }, { singletonKey: 'same' })).rejects.toThrow(/policy 'short'/);
  });

  it('drains a burst of jobs without waiting a polling interval per job', async () => {
    const started = Date.now();
    const burst = Array.from({ length: 30 }, (_, index) => 100 + index);
    for (const n of burst) await queue.send(echoJob, { n });
    await vi.waitFor(() => expect(burst.every((n) => echoed.includes(n))).toBe(true), {
      timeout: 40_000,
      interval: 100,
    });
    // One job per polling interval (1 s) would take 30 s; draining takes well under a second (wide margin for load).
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe.skipIf(process.env.TEST_DB !== 'postgres')('a lost database connection (PostgreSQL only)', () => {
  it('is reported as one line without the raw error, and the queue keeps working', async () => {
    await database.sql.executeSql(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'privacydesk-jobs' and datname = current_database()",
      [],
    );
    await vi.waitFor(() => expect(logger.errors.some((entry) => entry.message === 'job queue error')).toBe(true), {
      timeout: 5_000,
      interval: 100,
    });
    for (const { details } of logger.errors.filter((entry) => entry.message === 'job queue error')) {
      expect(Object.keys(details).sort()).toEqual(['error', 'queue']);
      expect((details as { error: unknown }).error).toEqual(expect.any(String));
    }
    await queue.send(echoJob, { n: 500 });
    await vi.waitFor(() => expect(echoed).toContain(500), { timeout: 10_000, interval: 100 });
  });
});
if (process.env.TEST_DB !== 'postgres') {
  console.warn('[skipped] lost-connection test: PGlite is embedded, it has no connection to lose');
}

describe('stopping', () => {
  it('stops cleanly and leaves no timers, sockets or connections of its own behind', async () => {
    await queue.stop();
    const before = activeHandleCounts();
    const second = new PgBossQueue({ database, runWorkers: true, logger, pollingIntervalSeconds: 1 });
    await second.start(handlers);
    await second.send(echoJob, { n: 999 });
    await vi.waitFor(() => expect(echoed).toContain(999), { timeout: 10_000, interval: 100 });
    await second.stop();
    expect(await handleGrowthOnceSettled(before, 5_000)).toEqual({});
    // A backend leaves pg_stat_activity a moment after its client hung up.
    await vi.waitFor(async () => expect(await jobConnectionCount()).toBe(0), { timeout: 5_000, interval: 100 });
    await second.stop();
  });
});

async function jobConnectionCount(): Promise<number> {
  const { rows } = await database.sql.executeSql(
    "select count(*)::int as count from pg_stat_activity where application_name = 'privacydesk-jobs' and datname = current_database()",
    [],
  );
  return (rows[0] as { count: number }).count;
}

/**
 * Handle kinds that grew since `before` and did not shrink back within `timeoutMs`. Polls with a plain sleep: a
 * waiting vi.waitFor would count its own timers.
 */
async function handleGrowthOnceSettled(before: Record<string, number>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const growth = handleGrowth(before, activeHandleCounts());
    if (Object.keys(growth).length === 0 || Date.now() > deadline) return growth;
    await sleep(100);
  }
}

function activeHandleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

/** Kinds of handle of which there are more now than before. */
function handleGrowth(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([kind, count]) => [kind, count - (before[kind] ?? 0)] as const)
      .filter(([, growth]) => growth > 0),
  );
}
