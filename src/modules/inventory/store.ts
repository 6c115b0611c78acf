import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { systemDataCategories, systemLocations, systems } from './tables.ts';

export type SystemRow = typeof systems.$inferSelect;
export type LocationRow = typeof systemLocations.$inferSelect;

/** The organisation's systems, all or those with the given ids. */
export async function systemsOfOrg(db: Database, orgId: string, ids?: readonly string[]): Promise<SystemRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(systems)
    .where(and(eq(systems.orgId, orgId), ids ? inArray(systems.id, [...ids]) : undefined));
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
    .where(
      and(eq(systemLocations.orgId, orgId), systemIds ? inArray(systemLocations.systemId, [...systemIds]) : undefined),
    );
}

/** Which data categories each system holds. */
export async function dataCategoryLinks(db: Database, orgId: string) {
  return db
    .select({ systemId: systemDataCategories.systemId, dataCategoryId: systemDataCategories.dataCategoryId })
    .from(systemDataCategories)
    .where(eq(systemDataCategories.orgId, orgId));
}
