/** The inventory module's public face: systems, their data categories and their dated locations. */
import type { Database } from '../../platform/db/database.ts';
import { assertOwnedByOrg } from '../../platform/db/ownership.ts';
import * as store from './store.ts';
import { systems } from './tables.ts';

export type { LocationRow, SystemRow } from './store.ts';
export {
  createLocation,
  deleteLocation,
  getLocation,
  insertLocation,
  listLocations,
  updateLocation,
} from './use-cases/locations.ts';
export { getSystem, listSystems } from './use-cases/read-systems.ts';
export { createSystem, deleteSystem, insertSystem, updateSystem } from './use-cases/save-system.ts';
export { eeaStatus, locationsOnDay } from './use-cases/where-is-data.ts';

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
