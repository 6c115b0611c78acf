import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import { connectors, recordTypes } from './tables.ts';

export type ConnectorRow = typeof connectors.$inferSelect;
export type RecordTypeRow = typeof recordTypes.$inferSelect;
export type ConnectorWithCounts = { connector: ConnectorRow; recordTypeCount: number };

const recordTypeCount = sql<number>`(select count(*)::int from ${recordTypes} r where r.org_id = ${connectors.orgId} and r.connector_id = ${connectors.id})`;

function connectorsQuery(db: Database) {
  return db.select({ connector: connectors, recordTypeCount }).from(connectors);
}

export async function listConnectors(db: Database, orgId: string): Promise<ConnectorWithCounts[]> {
  return connectorsQuery(db)
    .where(eq(connectors.orgId, orgId))
    .orderBy(asc(sql`lower(${connectors.name})`));
}

export async function findConnector(db: Database, orgId: string, id: string): Promise<ConnectorWithCounts | undefined> {
  const [row] = await connectorsQuery(db).where(and(eq(connectors.orgId, orgId), eq(connectors.id, id)));
  return row;
}

export async function isConnectorNameTaken(db: Database, orgId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(and(eq(connectors.orgId, orgId), sql`lower(${connectors.name}) = lower(${name})`));
  return rows.some((row) => row.id !== exceptId);
}

export async function insertConnector(db: Database, values: typeof connectors.$inferInsert): Promise<ConnectorRow> {
  const [row] = await db.insert(connectors).values(values).returning();
  return row as ConnectorRow;
}

export async function updateConnector(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof connectors.$inferInsert>,
): Promise<void> {
  await db
    .update(connectors)
    .set(values)
    .where(and(eq(connectors.orgId, orgId), eq(connectors.id, id)));
}

export async function deleteConnector(db: Database, orgId: string, id: string): Promise<void> {
  await db.delete(connectors).where(and(eq(connectors.orgId, orgId), eq(connectors.id, id)));
}

export async function listRecordTypes(db: Database, orgId: string, connectorId: string): Promise<RecordTypeRow[]> {
  return db
    .select()
    .from(recordTypes)
    .where(and(eq(recordTypes.orgId, orgId), eq(recordTypes.connectorId, connectorId)))
    .orderBy(asc(sql`lower(${recordTypes.name})`));
}

export async function findRecordType(db: Database, orgId: string, id: string): Promise<RecordTypeRow | undefined> {
  const [row] = await db
    .select()
    .from(recordTypes)
    .where(and(eq(recordTypes.orgId, orgId), eq(recordTypes.id, id)));
  return row;
}

export async function findRecordTypes(db: Database, orgId: string, ids: readonly string[]): Promise<RecordTypeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(recordTypes)
    .where(and(eq(recordTypes.orgId, orgId), isAnyOf(recordTypes.id, ids)));
}

export async function isRecordTypeNameTaken(
  db: Database,
  orgId: string,
  connectorId: string,
  name: string,
  exceptId?: string,
) {
  const rows = await db
    .select({ id: recordTypes.id })
    .from(recordTypes)
    .where(
      and(
        eq(recordTypes.orgId, orgId),
        eq(recordTypes.connectorId, connectorId),
        sql`lower(${recordTypes.name}) = lower(${name})`,
      ),
    );
  return rows.some((row) => row.id !== exceptId);
}

export async function insertRecordType(db: Database, values: typeof recordTypes.$inferInsert): Promise<RecordTypeRow> {
  const [row] = await db.insert(recordTypes).values(values).returning();
  return row as RecordTypeRow;
}

export async function updateRecordType(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof recordTypes.$inferInsert>,
): Promise<void> {
  await db
    .update(recordTypes)
    .set(values)
    .where(and(eq(recordTypes.orgId, orgId), eq(recordTypes.id, id)));
}

export async function deleteRecordType(db: Database, orgId: string, id: string): Promise<void> {
  await db.delete(recordTypes).where(and(eq(recordTypes.orgId, orgId), eq(recordTypes.id, id)));
}

export async function recordTypeConnectorSystems(db: Database, orgId: string) {
  return db
    .select({ recordTypeId: recordTypes.id, systemId: connectors.systemId })
    .from(recordTypes)
    .innerJoin(connectors, and(eq(connectors.orgId, recordTypes.orgId), eq(connectors.id, recordTypes.connectorId)))
    .where(eq(recordTypes.orgId, orgId));
}
