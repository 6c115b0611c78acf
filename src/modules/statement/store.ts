import { and, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { privacyStatementTexts, privacyStatementVersions } from './tables.ts';

export type OwnTextsRow = typeof privacyStatementTexts.$inferSelect;
export type VersionRow = typeof privacyStatementVersions.$inferSelect;
export type VersionHeadRow = Pick<VersionRow, 'id' | 'version' | 'publishedAt' | 'publishedBy' | 'registerHash'>;

const headColumns = {
  id: privacyStatementVersions.id,
  version: privacyStatementVersions.version,
  publishedAt: privacyStatementVersions.publishedAt,
  publishedBy: privacyStatementVersions.publishedBy,
  registerHash: privacyStatementVersions.registerHash,
};

export async function findOwnTexts(db: Database, orgId: string): Promise<OwnTextsRow | null> {
  const [row] = await db.select().from(privacyStatementTexts).where(eq(privacyStatementTexts.orgId, orgId));
  return row ?? null;
}

export async function saveOwnTexts(
  tx: Database,
  orgId: string,
  texts: Pick<OwnTextsRow, 'introductionNl' | 'introductionEn' | 'cookiesNl' | 'cookiesEn'>,
  now: Date,
): Promise<void> {
  await tx
    .insert(privacyStatementTexts)
    .values({ orgId, ...texts, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: privacyStatementTexts.orgId, set: { ...texts, updatedAt: now } });
}

export async function listVersions(db: Database, orgId: string): Promise<VersionHeadRow[]> {
  return db
    .select(headColumns)
    .from(privacyStatementVersions)
    .where(eq(privacyStatementVersions.orgId, orgId))
    .orderBy(desc(privacyStatementVersions.version));
}

export async function latestVersion(db: Database, orgId: string): Promise<VersionHeadRow | null> {
  const [row] = await db
    .select(headColumns)
    .from(privacyStatementVersions)
    .where(eq(privacyStatementVersions.orgId, orgId))
    .orderBy(desc(privacyStatementVersions.version))
    .limit(1);
  return row ?? null;
}

export async function findVersion(db: Database, orgId: string, version: number): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(privacyStatementVersions)
    .where(and(eq(privacyStatementVersions.orgId, orgId), eq(privacyStatementVersions.version, version)));
  return row ?? null;
}

export async function nextVersionNumber(tx: Database, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ highest: max(privacyStatementVersions.version) })
    .from(privacyStatementVersions)
    .where(eq(privacyStatementVersions.orgId, orgId));
  return (row?.highest ?? 0) + 1;
}

export async function insertVersion(
  tx: Database,
  values: Omit<typeof privacyStatementVersions.$inferInsert, 'id' | 'createdAt'>,
): Promise<string> {
  const [row] = await tx.insert(privacyStatementVersions).values(values).returning({ id: privacyStatementVersions.id });
  return row?.id as string;
}

export async function findVersionById(db: Database, orgId: string, id: string): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(privacyStatementVersions)
    .where(and(eq(privacyStatementVersions.orgId, orgId), eq(privacyStatementVersions.id, id)));
  return row ?? null;
}
