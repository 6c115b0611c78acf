import { and, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import { vendorCertifications, vendors } from './tables.ts';
import { activityCountOfVendor } from './usage.ts';

export type VendorRow = typeof vendors.$inferSelect;
export type CertificationRow = typeof vendorCertifications.$inferSelect;

/** The organisation's vendors, all or those with the given ids. */
export async function vendorsOfOrg(db: Database, orgId: string, ids?: readonly string[]): Promise<VendorRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), ids ? isAnyOf(vendors.id, ids) : undefined));
}

const countOf = (query: SQL) => sql<number>`(${query})`.mapWith(Number);

/**
 * What refers to a vendor, counted in the other modules' tables by name, so this module need not import the
 * modules that own them (they import this one).
 */
const vendorUsage = {
  systems: countOf(
    sql`select count(*) from systems s where s.org_id = ${vendors.orgId} and s.vendor_id = ${vendors.id}`,
  ),
  locations: countOf(
    sql`select count(*) from system_locations l where l.org_id = ${vendors.orgId} and l.provider_vendor_id = ${vendors.id}`,
  ),
  activities: activityCountOfVendor(sql`${vendors.orgId}`, sql`${vendors.id}`),
  subProcessors: countOf(
    sql`select count(*) from vendors c where c.org_id = ${vendors.orgId} and c.parent_vendor_id = ${vendors.id}`,
  ),
};

const parent = alias(vendors, 'parent');

function selectVendors(db: Database) {
  return db
    .select({ row: vendors, parent: { id: parent.id, name: parent.name }, usage: vendorUsage })
    .from(vendors)
    .leftJoin(parent, and(eq(parent.orgId, vendors.orgId), eq(parent.id, vendors.parentVendorId)));
}

export type VendorWithRefs = NonNullable<Awaited<ReturnType<typeof findVendor>>>;

export interface VendorListFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  sort: 'name' | 'kind' | 'country' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
  /** Undefined: every matching vendor (the caller filters further before paging). */
  limit?: number;
  offset?: number;
}

function escapeLike(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

function listCondition(orgId: string, filter: VendorListFilter): SQL | undefined {
  const pattern = filter.q ? escapeLike(filter.q) : undefined;
  return and(
    eq(vendors.orgId, orgId),
    pattern ? or(ilike(vendors.name, pattern), ilike(vendors.services, pattern)) : undefined,
    filter.kind ? eq(vendors.kind, filter.kind) : undefined,
    filter.status ? eq(vendors.status, filter.status) : undefined,
    filter.country ? eq(vendors.country, filter.country) : undefined,
  );
}

const sortColumns = {
  name: sql`lower(${vendors.name})`,
  kind: vendors.kind,
  country: vendors.country,
  status: vendors.status,
  updatedAt: vendors.updatedAt,
};

export async function listVendors(db: Database, orgId: string, filter: VendorListFilter) {
  const where = listCondition(orgId, filter);
  const direction = filter.order === 'desc' ? desc : asc;
  const sorted = selectVendors(db)
    .where(where)
    .orderBy(direction(sortColumns[filter.sort]), asc(sql`lower(${vendors.name})`), asc(vendors.id))
    .$dynamic();
  const query = filter.limit === undefined ? sorted : sorted.limit(filter.limit).offset(filter.offset ?? 0);
  const [items, [total]] = await Promise.all([query, db.select({ total: count() }).from(vendors).where(where)]);
  return { items, total: total?.total ?? 0 };
}

export async function findVendor(db: Database, orgId: string, id: string) {
  const [found] = await selectVendors(db).where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
  return found;
}

/** Names are unique per organisation regardless of case ("Microsoft" and "microsoft" are one vendor). */
export async function isVendorNameTaken(db: Database, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: vendors.id })
    .from(vendors)
    .where(
      and(
        eq(vendors.orgId, orgId),
        eq(sql`lower(${vendors.name})`, name.toLowerCase()),
        exceptId ? ne(vendors.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Each vendor's parent, for the cycle check on sub-processor chains. */
export async function parentLinks(db: Database, orgId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: vendors.id, parentVendorId: vendors.parentVendorId })
    .from(vendors)
    .where(eq(vendors.orgId, orgId));
  return new Map(rows.map((row) => [row.id, row.parentVendorId]));
}

export async function insertVendor(db: Database, values: typeof vendors.$inferInsert) {
  const [row] = await db.insert(vendors).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateVendor(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof vendors.$inferInsert>,
) {
  await db
    .update(vendors)
    .set(values)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
}

export async function deleteVendor(db: Database, orgId: string, id: string) {
  await db.delete(vendors).where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
}

/** The certifications of some vendors, by vendor id. */
export async function certificationsOf(db: Database, orgId: string, vendorIds: readonly string[]) {
  const byVendor = new Map<string, CertificationRow[]>();
  if (vendorIds.length === 0) return byVendor;
  const rows = await db
    .select()
    .from(vendorCertifications)
    .where(and(eq(vendorCertifications.orgId, orgId), isAnyOf(vendorCertifications.vendorId, vendorIds)))
    .orderBy(asc(vendorCertifications.name), asc(vendorCertifications.createdAt));
  for (const row of rows) byVendor.set(row.vendorId, [...(byVendor.get(row.vendorId) ?? []), row]);
  return byVendor;
}

/** Replaces a vendor's certifications as a whole. */
export async function replaceCertifications(
  db: Database,
  orgId: string,
  vendorId: string,
  certifications: readonly { name: string; reference: string; validUntil: string | null }[],
) {
  await db
    .delete(vendorCertifications)
    .where(and(eq(vendorCertifications.orgId, orgId), eq(vendorCertifications.vendorId, vendorId)));
  if (certifications.length === 0) return;
  await db.insert(vendorCertifications).values(certifications.map((item) => ({ ...item, orgId, vendorId })));
}
