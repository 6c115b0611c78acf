import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.ts';
import type { Database, DatabaseHandle, SqlExecutor } from './database.ts';

// timestamptz and date columns arrive as strings from both engines; Drizzle maps them per column.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; omitted means in memory (tests). */
  pgliteDir?: string | undefined;
  pgliteLoadDataDir?: Blob | undefined;
  poolSize?: number;
  /** Who opens a PGlite directory (the command, and the URL a server answers at), for the lock others see. */
  holder?: { command: string; url?: string | undefined };
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  return connectPglite(options.pgliteDir, options.pgliteLoadDataDir, options.holder);
}

async function connectPostgres(connectionString: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max, application_name: 'privacydesk' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  await pool.query('select 1');
  const db = drizzlePostgres({ client: pool }) as unknown as Database;
  const sql: SqlExecutor = {
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: result.rows };
    },
  };
  return { db, engine: 'postgres', connectionString, sql, close: () => pool.end() };
}

/** PGlite in memory, or in a directory that this process then holds alone (see data-dir-lock.ts). */
async function connectPglite(
  dir: string | undefined,
  loadDataDir: Blob | undefined,
  holder: ConnectOptions['holder'],
): Promise<DatabaseHandle> {
  if (dir) mkdirSync(path.dirname(dir), { recursive: true });
  const lock = dir ? lockDataDirectory(dir, holder ?? { command: 'privacydesk' }) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: dir, loadDataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    sql: pgliteExecutor(client),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * pg-boss's migrations send several statements without parameters, which PGlite only accepts through `exec`;
 * everything else goes through `query` (extended protocol, parameters bound).
 */
export function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      const withRows = results.filter((result) => result.fields.length > 0);
      return { rows: (withRows.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}
