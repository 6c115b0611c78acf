import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { processorAgreementDocuments, processorAgreements } from './tables.ts';

export type AgreementRow = typeof processorAgreements.$inferSelect;
export type DocumentRow = typeof processorAgreementDocuments.$inferSelect;
/** A document row without its sealed bytes: what lists read. */
export type DocumentHead = Omit<DocumentRow, 'contentSealed'>;

const { contentSealed: _sealed, ...documentHeadColumns } = getTableColumns(processorAgreementDocuments);

export async function listAgreements(db: Database, orgId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(processorAgreements)
    .where(eq(processorAgreements.orgId, orgId))
    .orderBy(asc(processorAgreements.createdAt), asc(processorAgreements.id));
}

export async function findAgreement(db: Database, orgId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(processorAgreements)
    .where(and(eq(processorAgreements.orgId, orgId), eq(processorAgreements.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return (row as AgreementRow | undefined) ?? null;
}

export async function insertAgreement(tx: Database, values: typeof processorAgreements.$inferInsert) {
  const [row] = await tx.insert(processorAgreements).values(values).returning();
  return row as AgreementRow;
}

export async function updateAgreement(
  tx: Database,
  orgId: string,
  id: string,
  values: Partial<typeof processorAgreements.$inferInsert>,
): Promise<void> {
  await tx
    .update(processorAgreements)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(processorAgreements.orgId, orgId), eq(processorAgreements.id, id)));
}

export async function deleteAgreement(tx: Database, orgId: string, id: string): Promise<void> {
  await tx.delete(processorAgreements).where(and(eq(processorAgreements.orgId, orgId), eq(processorAgreements.id, id)));
}

/** Every document of the organisation (or of one agreement), without the file bytes, oldest first. */
export async function documentHeads(db: Database, orgId: string, agreementId?: string): Promise<DocumentHead[]> {
  return db
    .select(documentHeadColumns)
    .from(processorAgreementDocuments)
    .where(
      and(
        eq(processorAgreementDocuments.orgId, orgId),
        agreementId ? eq(processorAgreementDocuments.agreementId, agreementId) : undefined,
      ),
    )
    .orderBy(asc(processorAgreementDocuments.createdAt), asc(processorAgreementDocuments.id));
}

export async function findDocument(db: Database, orgId: string, agreementId: string, id: string) {
  const [row] = await db
    .select()
    .from(processorAgreementDocuments)
    .where(
      and(
        eq(processorAgreementDocuments.orgId, orgId),
        eq(processorAgreementDocuments.agreementId, agreementId),
        eq(processorAgreementDocuments.id, id),
      ),
    );
  return (row as DocumentRow | undefined) ?? null;
}

export async function insertDocument(tx: Database, values: typeof processorAgreementDocuments.$inferInsert) {
  const [row] = await tx
    .insert(processorAgreementDocuments)
    .values(values)
    .returning({ id: processorAgreementDocuments.id });
  return row as { id: string };
}

export async function deleteDocument(tx: Database, orgId: string, agreementId: string, id: string) {
  const rows = await tx
    .delete(processorAgreementDocuments)
    .where(
      and(
        eq(processorAgreementDocuments.orgId, orgId),
        eq(processorAgreementDocuments.agreementId, agreementId),
        eq(processorAgreementDocuments.id, id),
      ),
    )
    .returning({ id: processorAgreementDocuments.id });
  return rows.length > 0;
}
