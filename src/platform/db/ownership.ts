import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { invalidField } from '../errors.ts';
import type { Database } from './database.ts';

interface OwnedTable {
  table: PgTable;
  id: PgColumn;
  orgId: PgColumn;
}

/**
 * Refuses references to rows of another organisation (or none at all) with a field error, before a composite
 * foreign key would refuse them with a database error.
 */
export async function assertOwnedByOrg(
  tx: Database,
  owned: OwnedTable,
  orgId: string,
  ids: readonly string[],
  path: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await tx
    .select({ id: owned.id })
    .from(owned.table)
    .where(and(eq(owned.orgId, orgId), inArray(owned.id, unique)));
  if (rows.length !== unique.length) throw invalidField(path, 'unknown_reference');
}
