import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TPostgresConfig } from './schema.ts';

/** The PostgreSQL server the connector tests run against (trust auth on this machine; CI sets the same). */
export const POSTGRES_TEST_SERVER = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? '',
};

/** A uniquely named, empty database for one test file; `drop()` removes it (and anything connected to it). */
export async function createPostgresTestDatabase(label: string) {
  const name = `pdconn_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ ...POSTGRES_TEST_SERVER, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const client = new pg.Client({ ...POSTGRES_TEST_SERVER, database: name });
  await client.connect();
  const config: TPostgresConfig = {
    ...POSTGRES_TEST_SERVER,
    database: name,
    sslMode: 'disable',
    connectTimeoutMs: 5_000,
  };
  return {
    name,
    /** An owner connection for setting up and inspecting tables, outside the connector. */
    client,
    config,
    async drop() {
      await client.end().catch(() => undefined);
      const cleanup = new pg.Client({ ...POSTGRES_TEST_SERVER, database: 'postgres' });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
