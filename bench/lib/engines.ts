import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../../src/platform/db/connect.ts';
import type { DatabaseEngine, DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateDatabase } from '../../src/platform/db/migrate.ts';
import { adminDatabaseUrl, dropDatabase, testDatabaseName, withDatabase } from '../../src/platform/db/testing.ts';

/** A fresh, migrated database of one engine for one benchmark run, and how to throw it away. */
export interface BenchDatabase {
  engine: DatabaseEngine;
  handle: DatabaseHandle;
  dataDir: string;
  dispose(): Promise<void>;
}

export type EngineOpening = { database: BenchDatabase } | { skipped: string };

/** PGlite in a temporary data directory (on disk, as `npm start` runs it). */
async function openPglite(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-bench-'));
  const handle = await connectDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  await migrateDatabase(handle);
  return {
    engine: 'pglite',
    handle,
    dataDir,
    async dispose() {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Why PostgreSQL cannot be used (unreachable, no right to create databases), or null when it can. */
async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${new URL(url).host} (${(error as Error).message}); set TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh database on the server of TEST_DATABASE_URL (named like test databases, so a crashed run is swept). */
async function openPostgres(): Promise<BenchDatabase> {
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database "${name}"`).finally(() => admin.end());
  const handle = await connectDatabase({ databaseUrl: withDatabase(adminDatabaseUrl(), name), poolSize: 10 });
  await migrateDatabase(handle);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-bench-'));
  return {
    engine: 'postgres',
    handle,
    dataDir,
    async dispose() {
      await handle.close();
      await dropDatabase(name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openEngine(engine: DatabaseEngine): Promise<EngineOpening> {
  if (engine === 'pglite') return { database: await openPglite() };
  const problem = await postgresProblem(adminDatabaseUrl());
  return problem ? { skipped: problem } : { database: await openPostgres() };
}
