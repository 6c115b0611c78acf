import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { securityMeasureEvidence, securityMeasures } from './tables.ts';

export type MeasureRow = typeof securityMeasures.$inferSelect;
export type EvidenceRow = typeof securityMeasureEvidence.$inferSelect;
/** An evidence row without its sealed bytes: what lists and the findings read. */
export type EvidenceHead = Omit<EvidenceRow, 'contentSealed'>;

const { contentSealed: _sealed, ...evidenceHeadColumns } = getTableColumns(securityMeasureEvidence);

export async function listMeasures(db: Database, orgId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(securityMeasures)
    .where(eq(securityMeasures.orgId, orgId))
    .orderBy(asc(securityMeasures.createdAt), asc(securityMeasures.id));
}

export async function findMeasure(db: Database, orgId: string, id: string): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(securityMeasures)
    .where(and(eq(securityMeasures.orgId, orgId), eq(securityMeasures.id, id)));
  return row ?? null;
}

export async function lockMeasure(tx: Database, orgId: string, id: string): Promise<MeasureRow | null> {
  const [row] = await tx
    .select()
    .from(securityMeasures)
    .where(and(eq(securityMeasures.orgId, orgId), eq(securityMeasures.id, id)))
    .for('update');
  return row ?? null;
}

export async function catalogueKeysOf(db: Database, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: securityMeasures.catalogueKey })
    .from(securityMeasures)
    .where(and(eq(securityMeasures.orgId, orgId), sql`${securityMeasures.catalogueKey} is not null`));
  return new Set(rows.map((row) => row.key as string));
}

export async function insertMeasure(tx: Database, values: typeof securityMeasures.$inferInsert): Promise<MeasureRow> {
  const [row] = await tx.insert(securityMeasures).values(values).returning();
  return row as MeasureRow;
}

export async function updateMeasure(
  tx: Database,
  orgId: string,
  id: string,
  values: Partial<typeof securityMeasures.$inferInsert>,
): Promise<void> {
  await tx
    .update(securityMeasures)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(securityMeasures.orgId, orgId), eq(securityMeasures.id, id)));
}

export async function deleteMeasure(tx: Database, orgId: string, id: string): Promise<void> {
  await tx.delete(securityMeasures).where(and(eq(securityMeasures.orgId, orgId), eq(securityMeasures.id, id)));
}

/** Every evidence row of the organisation (or of one measure), without the file bytes, oldest first. */
export async function evidenceHeads(db: Database, orgId: string, measureId?: string): Promise<EvidenceHead[]> {
  return db
    .select(evidenceHeadColumns)
    .from(securityMeasureEvidence)
    .where(
      and(
        eq(securityMeasureEvidence.orgId, orgId),
        measureId ? eq(securityMeasureEvidence.measureId, measureId) : undefined,
      ),
    )
    .orderBy(asc(securityMeasureEvidence.createdAt), asc(securityMeasureEvidence.id));
}

export async function findEvidence(
  db: Database,
  orgId: string,
  measureId: string,
  id: string,
): Promise<EvidenceRow | null> {
  const [row] = await db
    .select()
    .from(securityMeasureEvidence)
    .where(
      and(
        eq(securityMeasureEvidence.orgId, orgId),
        eq(securityMeasureEvidence.measureId, measureId),
        eq(securityMeasureEvidence.id, id),
      ),
    );
  return row ?? null;
}

export async function insertEvidence(
  tx: Database,
  values: typeof securityMeasureEvidence.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await tx.insert(securityMeasureEvidence).values(values).returning({ id: securityMeasureEvidence.id });
  return row as { id: string };
}

export async function deleteEvidence(tx: Database, orgId: string, measureId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(securityMeasureEvidence)
    .where(
      and(
        eq(securityMeasureEvidence.orgId, orgId),
        eq(securityMeasureEvidence.measureId, measureId),
        eq(securityMeasureEvidence.id, id),
      ),
    )
    .returning({ id: securityMeasureEvidence.id });
  return rows.length > 0;
}

/** Measures everywhere with a review date, for the reminder job. */
export async function measuresWithReviewDate(db: Database): Promise<MeasureRow[]> {
  return db
    .select()
    .from(securityMeasures)
    .where(sql`${securityMeasures.reviewDate} is not null and ${securityMeasures.status} <> 'not_applicable'`);
}

/** Claims the reminder for the measure's current review date; false when another run claimed it already. */
export async function claimReviewReminder(tx: Database, id: string, reviewDate: string): Promise<boolean> {
  const rows = await tx
    .update(securityMeasures)
    .set({ reviewRemindedFor: reviewDate })
    .where(
      and(
        eq(securityMeasures.id, id),
        eq(securityMeasures.reviewDate, reviewDate),
        sql`${securityMeasures.reviewRemindedFor} is distinct from ${reviewDate}`,
      ),
    )
    .returning({ id: securityMeasures.id });
  return rows.length > 0;
}
