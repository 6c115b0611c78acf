import { and, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import { systemDataCategories, systemLocations, systems } from './tables.ts';

export type SystemRow = typeof systems.$inferSelect;
export type LocationRow = typeof systemLocations.$inferSelect;

/** The organisation's systems, all or those with the given ids. */
export async function systemsOfOrg(db: Database, orgId: string, ids?: readonly string[]): Promise<SystemRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(systems)
    .where(and(eq(systems.orgId, orgId), ids ? isAnyOf(systems.id, ids) : undefined));
}

/** Every recorded location of the organisation's systems (or of some of them), past and present. */
export async function locationsOfSystems(
  db: Database,
  orgId: string,
  systemIds?: readonly string[],
): Promise<LocationRow[]> {
  if (systemIds && systemIds.length === 0) return [];
  return db
    .select()
    .from(systemLocations)
    .where(and(eq(systemLocations.orgId, orgId), systemIds ? isAnyOf(systemLocations.systemId, systemIds) : undefined))
    .orderBy(asc(systemLocations.since), asc(systemLocations.role), asc(systemLocations.id));
}

/** Which data categories each system holds. */
export async function dataCategoryLinks(db: Database, orgId: string) {
  return db
    .select({ systemId: systemDataCategories.systemId, dataCategoryId: systemDataCategories.dataCategoryId })
    .from(systemDataCategories)
    .where(eq(systemDataCategories.orgId, orgId));
}

/** Activities that use a system, counted in the register's link table by name (the register imports this module). */
const systemUsage = {
  activities:
    sql<number>`(select count(*) from activity_systems a where a.org_id = ${systems.orgId} and a.system_id = ${systems.id})`.mapWith(
      Number,
    ),
};

export type SystemWithUsage = { row: SystemRow; usage: { activities: number } };

export interface SystemListFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  vendorId?: string | undefined;
  dataCategoryId?: string | undefined;
  sort: 'name' | 'kind' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function listCondition(orgId: string, filter: SystemListFilter): SQL | undefined {
  const pattern = filter.q ? `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  return and(
    eq(systems.orgId, orgId),
    pattern ? or(ilike(systems.name, pattern), ilike(systems.description, pattern)) : undefined,
    filter.kind ? eq(systems.kind, filter.kind) : undefined,
    filter.status ? eq(systems.status, filter.status) : undefined,
    filter.vendorId ? eq(systems.vendorId, filter.vendorId) : undefined,
    filter.dataCategoryId
      ? sql`exists (select 1 from ${systemDataCategories} l where l.org_id = ${systems.orgId} and l.system_id = ${systems.id} and l.data_category_id = ${filter.dataCategoryId})`
      : undefined,
  );
}

const sortColumns = {
  name: sql`lower(${systems.name})`,
  kind: systems.kind,
  status: systems.status,
  updatedAt: systems.updatedAt,
};

export async function listSystems(db: Database, orgId: string, filter: SystemListFilter) {
  const where = listCondition(orgId, filter);
  const direction = filter.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select({ row: systems, usage: systemUsage })
      .from(systems)
      .where(where)
      .orderBy(direction(sortColumns[filter.sort]), asc(sql`lower(${systems.name})`), asc(systems.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(systems).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

export async function findSystem(db: Database, orgId: string, id: string): Promise<SystemWithUsage | undefined> {
  const [found] = await db
    .select({ row: systems, usage: systemUsage })
    .from(systems)
    .where(and(eq(systems.orgId, orgId), eq(systems.id, id)));
  return found;
}

/** Names are unique per organisation regardless of case. */
export async function isSystemNameTaken(db: Database, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: systems.id })
    .from(systems)
    .where(
      and(
        eq(systems.orgId, orgId),
        eq(sql`lower(${systems.name})`, name.toLowerCase()),
        exceptId ? ne(systems.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertSystem(db: Database, values: typeof systems.$inferInsert) {
  const [row] = await db.insert(systems).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateSystem(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof systems.$inferInsert>,
) {
  await db
    .update(systems)
    .set(values)
    .where(and(eq(systems.orgId, orgId), eq(systems.id, id)));
}

/** Deletes a system; its locations and category links go with it (foreign keys cascade). */
export async function deleteSystem(db: Database, orgId: string, id: string) {
  await db.delete(systems).where(and(eq(systems.orgId, orgId), eq(systems.id, id)));
}

/** The data categories of some systems, by system id. */
export async function dataCategoryIdsOf(db: Database, orgId: string, systemIds: readonly string[]) {
  const bySystem = new Map<string, string[]>();
  if (systemIds.length === 0) return bySystem;
  const rows = await db
    .select({ systemId: systemDataCategories.systemId, dataCategoryId: systemDataCategories.dataCategoryId })
    .from(systemDataCategories)
    .where(and(eq(systemDataCategories.orgId, orgId), isAnyOf(systemDataCategories.systemId, systemIds)));
  for (const row of rows) bySystem.set(row.systemId, [...(bySystem.get(row.systemId) ?? []), row.dataCategoryId]);
  return bySystem;
}

/** Replaces a system's data categories as a whole. */
export async function replaceDataCategories(
  db: Database,
  orgId: string,
  systemId: string,
  dataCategoryIds: readonly string[],
) {
  await db
    .delete(systemDataCategories)
    .where(and(eq(systemDataCategories.orgId, orgId), eq(systemDataCategories.systemId, systemId)));
  const unique = [...new Set(dataCategoryIds)];
  if (unique.length === 0) return;
  await db.insert(systemDataCategories).values(unique.map((dataCategoryId) => ({ orgId, systemId, dataCategoryId })));
}

export async function findLocation(db: Database, orgId: string, systemId: string, id: string) {
  const [row] = await db
    .select()
    .from(systemLocations)
    .where(and(eq(systemLocations.orgId, orgId), eq(systemLocations.systemId, systemId), eq(systemLocations.id, id)));
  return row;
}

export async function insertLocation(db: Database, values: typeof systemLocations.$inferInsert) {
  const [row] = await db.insert(systemLocations).values(values).returning();
  if (!row) throw new Error('insert into system_locations returned no row');
  return row;
}

export async function updateLocation(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof systemLocations.$inferInsert>,
) {
  await db
    .update(systemLocations)
    .set(values)
    .where(and(eq(systemLocations.orgId, orgId), eq(systemLocations.id, id)));
}

export async function deleteLocation(db: Database, orgId: string, id: string) {
  await db.delete(systemLocations).where(and(eq(systemLocations.orgId, orgId), eq(systemLocations.id, id)));
}
