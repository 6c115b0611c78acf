import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { type vendorCertifications, vendors } from './tables.ts';

export type VendorRow = typeof vendors.$inferSelect;
export type CertificationRow = typeof vendorCertifications.$inferSelect;

/** The organisation's vendors, all or those with the given ids. */
export async function vendorsOfOrg(db: Database, orgId: string, ids?: readonly string[]): Promise<VendorRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), ids ? inArray(vendors.id, [...ids]) : undefined));
}
