import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Application, buildApplication } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Clock } from '../src/platform/context.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { RecordingQueue } from '../src/platform/jobs/definition.ts';

export const TEST_SECRET_KEY = 'test-secret-key-for-privacydesk-tests-only-0123456789';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  #now: Date;
  constructor(start = new Date('2026-11-23T09:00:00Z')) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
  set(to: Date): void {
    this.#now = to;
  }
}

export interface TestApp extends Application {
  clock: TestClock;
  jobs: RecordingQueue;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: TestClock;
  database?: DatabaseHandle;
}

/** The whole application on a fresh test database (PGlite or PostgreSQL, see TEST_DB), without listening on a port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'privacydesk-test-')),
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS: 'false',
    PUBLIC_URL: 'http://privacydesk.test',
    FILES_CONNECTOR_ROOTS: tmpdir(),
    REQUEST_PROOF_DIFFICULTY: '4',
    ...options.env,
  });
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? new TestClock();
  const jobs = new RecordingQueue();
  const app = await buildApplication(config, { database, clock, jobs, withoutWebApp: true });
  await app.http.ready();
  return {
    ...app,
    clock,
    jobs,
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
