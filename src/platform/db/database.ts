import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The Drizzle handle every store function takes; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseEngine = 'pglite' | 'postgres';

/** Runs SQL text with positional parameters; what pg-boss and raw tooling need. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface DatabaseHandle {
  db: Database;
  engine: DatabaseEngine;
  /** Set for PostgreSQL; pg-boss opens its own pool from it. */
  connectionString?: string;
  /** Raw SQL on the same connection(s) as `db`. */
  sql: SqlExecutor;
  close(): Promise<void>;
}
