import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { connectDatabase } from './connect.ts';
import type { DatabaseEngine, DatabaseHandle } from './database.ts';
import { migrateDatabase } from './migrate.ts';

/** An in-memory PGlite: from the global setup's migrated snapshot when there is one, else initdb + migrations. */
async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
  if (snapshot && existsSync(snapshot)) {
    return connectDatabase({ pgliteLoadDataDir: new Blob([readFileSync(snapshot)]) });
  }
  const database = await connectDatabase({});
  await migrateDatabase(database);
  return database;
}

/** Which engine this test run uses: the vitest project sets TEST_DB (pglite | postgres). */
export function testEngine(): DatabaseEngine {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export const adminDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Test databases are named with their creation time, so a later run can drop what a crashed run left behind. */
export function testDatabaseName(): string {
  return `pdt_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a PostgreSQL database cloned from the
 * template that the global setup migrated once (cloning takes milliseconds, migrating each time would not).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === 'pglite') return createPgliteTestDatabase();
  const template = process.env.TEST_DB_TEMPLATE;
  if (!template) throw new Error('TEST_DB_TEMPLATE is not set: run the postgres tests through vitest (global setup)');
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const database = await connectDatabase({ databaseUrl: withDatabase(adminDatabaseUrl(), name), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(name);
    },
  };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

export { withDatabase };
