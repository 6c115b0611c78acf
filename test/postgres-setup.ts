import pg from 'pg';
import { connectDatabase } from '../src/platform/db/connect.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { adminDatabaseUrl, withDatabase } from '../src/platform/db/testing.ts';
import { migrationsFingerprint } from './migrations-fingerprint.ts';

const STALE_AFTER_SECONDS = 6 * 3600;
const TEMPLATE_LOCK = 7_303_118_430;

async function dropStaleTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'pdt\\_%'",
  );
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const created = Number(datname.split('_')[1]);
    if (Number.isFinite(created) && now - created > STALE_AFTER_SECONDS) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
  }
}

/**
 * Global setup of the PostgreSQL test project: migrates a template database once per set of migrations and hands
 * its name to the test files (which clone it). vitest.config.ts has already checked that the server answers.
 */
export default async function setup() {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl(), connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await dropStaleTestDatabases(admin);
    const template = `pdtpl_${migrationsFingerprint()}`;
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (!rowCount) {
      await admin.query(`create database "${template}"`);
      const database = await connectDatabase({ databaseUrl: withDatabase(adminDatabaseUrl(), template), poolSize: 1 });
      await migrateDatabase(database);
      await database.close();
    }
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    process.env.TEST_DB_TEMPLATE = template;
  } finally {
    await admin.end();
  }
}

/** Why the PostgreSQL tests cannot run here, or undefined when the server answers. */
export async function postgresUnavailableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL is not reachable at ${adminDatabaseUrl()} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}
