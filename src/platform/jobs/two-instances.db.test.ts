import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase, testEngine } from '../db/testing.ts';
import { defineJob, type JobHandler } from './definition.ts';
import { PgBossQueue } from './pg-boss-queue.ts';
import { RecordingJobLogger } from './testing.ts';

/**
 * Two application instances against one PostgreSQL: every queued job and every cron slot runs once across both.
 * Each instance is a PgBossQueue with its own pg-boss and its own connection pool, as two servers would have.
 */

const isPostgres = testEngine() === 'postgres';
const POSTGRES_ONLY =
  'two instances need two connections to one database server; PGlite is one embedded connection in one process';
if (!isPostgres) console.warn(`[skipped] two-instance job tests: ${POSTGRES_ONLY}`);

const MINUTE_MS = 60_000;
/** A slot's job runs within this time after the slot is sent: three 1-second polls (cron, send-it, worker). */
const SLOT_SETTLE_MS = 5_000;
const RUN_MS = 6_000;

interface Execution {
  instance: string;
  key: string;
  jobId: string;
  at: number;
}

const countJob = defineJob({ name: 'test.count', payload: z.object({ n: z.number().int() }) });
const minutelyJob = defineJob({ name: 'test.minutely', payload: z.object({}), cron: '* * * * *', retryLimit: 0 });

let database: DatabaseHandle;
const running: PgBossQueue[] = [];

beforeAll(async () => {
  if (isPostgres) database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(running.map((queue) => queue.stop()));
  await database?.close();
});

/** Starts two instances at the same moment, each recording what its handlers run into `executions`. */
async function startTwoInstances(
  handlersFor: (instance: string) => JobHandler[],
  logger: RecordingJobLogger,
): Promise<[PgBossQueue, PgBossQueue]> {
  const instances = ['a', 'b'].map((name) => ({
    name,
    queue: new PgBossQueue({ database, runWorkers: true, logger, pollingIntervalSeconds: 1 }),
  }));
  running.push(...instances.map((instance) => instance.queue));
  await Promise.all(instances.map(({ name, queue }) => queue.start(handlersFor(name))));
  return [instances[0]!.queue, instances[1]!.queue];
}

function countBy<T>(items: T[], key: (item: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const minuteSlot = (epochMs: number) => Math.floor(epochMs / MINUTE_MS);

/** Every minute slot from the one holding `from` to the one holding `to`. */
function slotsBetween(from: number, to: number): number[] {
  const slots: number[] = [];
  for (let slot = minuteSlot(from); slot <= minuteSlot(to); slot++) slots.push(slot);
  return slots;
}

describe.skipIf(!isPostgres)('two instances on one PostgreSQL', () => {
  it('run each of 200 queued jobs exactly once, and both take a share', async () => {
    const executions: Execution[] = [];
    const logger = new RecordingJobLogger();
    const handlersFor = (instance: string): JobHandler[] => [
      {
        definition: countJob,
        async handle(payload, context) {
          executions.push({
            instance,
            key: String((payload as { n: number }).n),
            jobId: context.jobId,
            at: Date.now(),
          });
          await sleep(5);
        },
      },
    ];
    const [a, b] = await startTwoInstances(handlersFor, logger);

    const numbers = Array.from({ length: 200 }, (_, n) => n);
    for (const n of numbers) await (n % 2 === 0 ? a : b).send(countJob, { n });

    await vi.waitFor(() => expect(new Set(executions.map((run) => run.key)).size).toBe(200), {
      timeout: 30_000,
      interval: 200,
    });
    await sleep(1_500); // time for a duplicate to show up, if anything would run a job twice
    await Promise.all([a.stop(), b.stop()]);

    const duplicates = [...countBy(executions, (run) => run.key)].filter(([, count]) => count > 1);
    expect(duplicates).toEqual([]);
    expect(executions).toHaveLength(200);
    expect(new Set(executions.map((run) => run.jobId)).size).toBe(200);
    const perInstance = countBy(executions, (run) => run.instance);
    expect(perInstance.get('a')).toBeGreaterThan(0);
    expect(perInstance.get('b')).toBeGreaterThan(0);
    expect(logger.errors).toEqual([]);
  }, 45_000);

  it('run each minute slot of a cron schedule exactly once', async () => {
    // A slot's job runs a few seconds after it is sent; starting that close to a minute's end would let the
    // current slot's run fall in the next minute, so such a start waits for the next minute.
    const intoMinute = Date.now() % MINUTE_MS;
    if (intoMinute > MINUTE_MS - SLOT_SETTLE_MS) await sleep(MINUTE_MS - intoMinute + 500);

    const executions: Execution[] = [];
    const logger = new RecordingJobLogger();
    const handlersFor = (instance: string): JobHandler[] => [
      {
        definition: minutelyJob,
        async handle(_payload, context) {
          const at = Date.now();
          executions.push({ instance, key: String(minuteSlot(at)), jobId: context.jobId, at });
        },
      },
    ];
    const startedAt = Date.now();
    const [a, b] = await startTwoInstances(handlersFor, logger);

    // Run for a while; when a minute starts meanwhile, run until that minute's slot has had time to run too.
    let endAt = startedAt + RUN_MS;
    if (minuteSlot(endAt) > minuteSlot(startedAt)) endAt = minuteSlot(endAt) * MINUTE_MS + SLOT_SETTLE_MS;
    await sleep(endAt - Date.now());
    const expectedSlots = slotsBetween(startedAt, endAt);
    const ranSlots = () => new Set(executions.map((run) => Number(run.key)));
    // On a busy machine a slot's run may come late: wait for it rather than call it missing.
    await vi.waitFor(() => expect(expectedSlots.filter((slot) => !ranSlots().has(slot))).toEqual([]), {
      timeout: 10_000,
      interval: 100,
    });
    await Promise.all([a.stop(), b.stop()]);

    const runsPerSlot = countBy(executions, (run) => Number(run.key));
    expect([...runsPerSlot].filter(([, runs]) => runs !== 1)).toEqual([]);
    expect(new Set(executions.map((run) => run.jobId)).size).toBe(executions.length);
    expect(logger.errors).toEqual([]);
  }, 30_000);

  it('keep one schedule row however many instances start', async () => {
    const { rows } = await database.sql.executeSql('select name, cron, timezone from pgboss.schedule', []);
    expect(rows).toEqual([{ name: 'test.minutely', cron: '* * * * *', timezone: 'Europe/Amsterdam' }]);
  });
});
