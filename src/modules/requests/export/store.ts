import { and, asc, count, desc, eq, getTableColumns, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { subjectRequestFindings } from '../tables.ts';
import { subjectRequestExports } from './tables.ts';

type NewExport = typeof subjectRequestExports.$inferInsert;
export type ExportRow = typeof subjectRequestExports.$inferSelect;
/** A package's row without its bytes: what lists and checks need. */
export type ExportHead = Omit<ExportRow, 'packageSealed'>;

const { packageSealed: _bytes, ...headColumns } = getTableColumns(subjectRequestExports);

export async function insertExport(tx: Database, values: NewExport): Promise<ExportHead> {
  const [row] = await tx.insert(subjectRequestExports).values(values).returning(headColumns);
  return row as ExportHead;
}

export async function exportsOf(db: Database, orgId: string, requestId: string): Promise<ExportHead[]> {
  return db
    .select(headColumns)
    .from(subjectRequestExports)
    .where(and(eq(subjectRequestExports.orgId, orgId), eq(subjectRequestExports.requestId, requestId)))
    .orderBy(desc(subjectRequestExports.createdAt))
    .limit(50);
}

/** Locks a package for its build, so two workers never build the same one. */
export async function lockExport(tx: Database, orgId: string, id: string): Promise<ExportHead | null> {
  const [row] = await tx
    .select(headColumns)
    .from(subjectRequestExports)
    .where(and(eq(subjectRequestExports.orgId, orgId), eq(subjectRequestExports.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateExport(tx: Database, orgId: string, id: string, values: Partial<NewExport>) {
  await tx
    .update(subjectRequestExports)
    .set(values)
    .where(and(eq(subjectRequestExports.orgId, orgId), eq(subjectRequestExports.id, id)));
}

export async function findByToken(db: Database, tokenHash: string): Promise<ExportHead | null> {
  const [row] = await db
    .select(headColumns)
    .from(subjectRequestExports)
    .where(eq(subjectRequestExports.downloadTokenHash, tokenHash));
  return row ?? null;
}

/**
 * Counts one download and returns the sealed package, in one statement: two downloads at once cannot both take
 * the last one. Null when the link is no longer usable.
 */
export async function takeDownload(
  tx: Database,
  tokenHash: string,
  now: Date,
  maxDownloads: number,
): Promise<(ExportHead & { packageSealed: Buffer }) | null> {
  const [row] = await tx
    .update(subjectRequestExports)
    .set({ downloadCount: sql`${subjectRequestExports.downloadCount} + 1`, lastDownloadedAt: now })
    .where(
      and(
        eq(subjectRequestExports.downloadTokenHash, tokenHash),
        eq(subjectRequestExports.status, 'ready'),
        isNotNull(subjectRequestExports.packageSealed),
        gt(subjectRequestExports.expiresAt, now),
        lt(subjectRequestExports.downloadCount, maxDownloads),
      ),
    )
    .returning();
  return row?.packageSealed ? (row as ExportHead & { packageSealed: Buffer }) : null;
}

/** Drops the bytes of packages whose link expired; returns how many. */
export async function expirePackages(tx: Database, now: Date): Promise<number> {
  const rows = await tx
    .update(subjectRequestExports)
    .set({ status: 'expired', packageSealed: null })
    .where(and(eq(subjectRequestExports.status, 'ready'), lt(subjectRequestExports.expiresAt, now)))
    .returning({ id: subjectRequestExports.id });
  return rows.length;
}

/** Whether discovery found anything for the request (without reading every finding). */
export async function hasFindings(db: Database, orgId: string, requestId: string): Promise<boolean> {
  const rows = await db
    .select({ id: subjectRequestFindings.id })
    .from(subjectRequestFindings)
    .where(and(eq(subjectRequestFindings.orgId, orgId), eq(subjectRequestFindings.requestId, requestId)))
    .limit(1);
  return rows.length > 0;
}

/** The record types discovery found something in for a request, with how many records, in the desk's order. */
export async function findingGroups(db: Database, orgId: string, requestId: string) {
  const f = subjectRequestFindings;
  return db
    .select({
      recordTypeId: f.recordTypeId,
      recordTypeName: sql<string>`max(${f.recordTypeName})`,
      connectorName: sql<string>`max(${f.connectorName})`,
      systemId: sql<string | null>`max(${f.systemId}::text)`,
      found: count(),
    })
    .from(f)
    .where(and(eq(f.orgId, orgId), eq(f.requestId, requestId)))
    .groupBy(f.recordTypeId)
    .orderBy(sql`max(${f.connectorName})`, sql`max(${f.recordTypeName})`);
}

/** The next `limit` found keys of a record type after `after` (keyset pagination: memory stays flat). */
export async function findingKeys(
  db: Database,
  scope: { orgId: string; requestId: string; recordTypeId: string },
  after: string | null,
  limit: number,
): Promise<string[]> {
  const f = subjectRequestFindings;
  const rows = await db
    .select({ key: f.recordKey })
    .from(f)
    .where(
      and(
        eq(f.orgId, scope.orgId),
        eq(f.requestId, scope.requestId),
        eq(f.recordTypeId, scope.recordTypeId),
        after === null ? undefined : gt(f.recordKey, after),
      ),
    )
    .orderBy(asc(f.recordKey))
    .limit(limit);
  return rows.map((row) => row.key);
}
