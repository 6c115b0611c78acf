import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { normaliseCountryCode } from '../../../shared/countries.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import type { TListVendorsQuery, TVendor } from '../contract.ts';
import { vendorTransfer } from '../rules.ts';
import * as store from '../store.ts';
import { presentVendor } from './present-vendor.ts';

async function presentAll(db: Database, orgId: string, items: store.VendorWithRefs[], today: string) {
  const certifications = await store.certificationsOf(
    db,
    orgId,
    items.map((item) => item.row.id),
  );
  return items.map((item) => presentVendor(item, certifications.get(item.row.id) ?? [], today));
}

/**
 * A page of vendors. The `needsSafeguard` filter follows reference/countries.json rather than a column, so it is
 * applied here, over the organisation's matching vendors (tens, not thousands), before paging.
 */
export async function listVendors(
  ctx: AppContext,
  scope: OrgScope,
  query: TListVendorsQuery,
): Promise<{ items: TVendor[]; total: number }> {
  const today = calendarDateIn(ctx.clock.now());
  const country = query.country ? (normaliseCountryCode(query.country) ?? query.country.toUpperCase()) : undefined;
  const filter = { ...query, country };
  if (query.needsSafeguard === undefined) {
    const page = await store.listVendors(ctx.db, scope.orgId, filter);
    return { items: await presentAll(ctx.db, scope.orgId, page.items, today), total: page.total };
  }
  const all = await store.listVendors(ctx.db, scope.orgId, { ...filter, limit: undefined });
  const matching = all.items.filter((item) => vendorTransfer(item.row, today).needsSafeguard === query.needsSafeguard);
  const page = matching.slice(query.offset, query.offset + query.limit);
  return { items: await presentAll(ctx.db, scope.orgId, page, today), total: matching.length };
}

export async function getVendor(ctx: AppContext, scope: OrgScope, id: string): Promise<TVendor> {
  const found = await store.findVendor(ctx.db, scope.orgId, id);
  if (!found) throw notFound('vendor_not_found');
  const certifications = await store.certificationsOf(ctx.db, scope.orgId, [id]);
  return presentVendor(found, certifications.get(id) ?? [], calendarDateIn(ctx.clock.now()));
}
