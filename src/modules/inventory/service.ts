import type { Database } from '../../platform/db/database.ts';
import { assertOwnedByOrg } from '../../platform/db/ownership.ts';
import * as store from './store.ts';
import { systems } from './tables.ts';

export type { LocationRow, SystemRow } from './store.ts';

/** Refuses ids that are not this organisation's systems (field error `unknown_reference`). */
export function assertSystemsOfOrg(tx: Database, orgId: string, ids: readonly string[], path = 'systemIds') {
  return assertOwnedByOrg(tx, { table: systems, id: systems.id, orgId: systems.orgId }, orgId, ids, path);
}

/** System and location rows for other modules (the register's transfer check, consolidation, export). */
export const systemsOfOrg = (db: Database, orgId: string, ids?: readonly string[]) =>
  store.systemsOfOrg(db, orgId, ids);
export const locationsOfSystems = (db: Database, orgId: string, systemIds?: readonly string[]) =>
  store.locationsOfSystems(db, orgId, systemIds);
export const systemDataCategoryLinks = (db: Database, orgId: string) => store.dataCategoryLinks(db, orgId);
