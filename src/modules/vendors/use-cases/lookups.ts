import type { Database } from '../../../platform/db/database.ts';
import { assertOwnedByOrg } from '../../../platform/db/ownership.ts';
import * as store from '../store.ts';
import { vendors } from '../tables.ts';

/** Refuses ids that are not this organisation's vendors (field error `unknown_reference`). */
export function assertVendorsOfOrg(tx: Database, orgId: string, ids: readonly string[], path = 'vendorIds') {
  return assertOwnedByOrg(tx, { table: vendors, id: vendors.id, orgId: vendors.orgId }, orgId, ids, path);
}

/** Vendor rows for other modules (the register's transfer check and consolidation, the inventory's locations). */
export const vendorsOfOrg = (db: Database, orgId: string, ids?: readonly string[]) =>
  store.vendorsOfOrg(db, orgId, ids);

/** Each vendor's certifications, by vendor id (the measures register checks their expiry). */
export const certificationsOfVendors = (db: Database, orgId: string, vendorIds: readonly string[]) =>
  store.certificationsOf(db, orgId, vendorIds);
