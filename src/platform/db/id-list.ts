import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1::uuid[])`: one array parameter, where Drizzle's `inArray` sends one parameter per id. On PGlite a
 * list page's fifty or a hundred ids cost several milliseconds of parsing and planning as separate parameters.
 */
export function isAnyOf(column: PgColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
}
