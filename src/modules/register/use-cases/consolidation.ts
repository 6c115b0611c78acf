import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { isInForceOn } from '../../../shared/locations.ts';
import * as categories from '../../categories/service.ts';
import type { TConsolidation, TConsolidationQuery } from '../contract.ts';
import * as store from '../store.ts';
import { categoryName, type DataCategoryRow, loadFacts, type RegisterFacts } from './facts.ts';
import { compareNames } from './present.ts';

type Row = TConsolidation['rows'][number];
type Ref = { id: string; name: string };

/** A map from a key to a set, filled as pairs arrive. */
class SetMap extends Map<string, Set<string>> {
  add(key: string, value: string | null | undefined): void {
    if (!value) return;
    const set = this.get(key) ?? new Set<string>();
    set.add(value);
    this.set(key, set);
  }
  of(key: string): Set<string> {
    return this.get(key) ?? new Set();
  }
}

/** Which vendors touch each active system: its own vendor and the providers of its locations in force today. */
function vendorsOfSystems(facts: RegisterFacts): SetMap {
  const result = new SetMap();
  for (const system of facts.systems.values()) result.add(system.id, system.vendorId);
  for (const location of facts.locations) {
    if (isInForceOn(location, facts.today)) result.add(location.systemId, location.providerVendorId);
  }
  return result;
}

function refsOf<T extends { name: string; status: string }>(ids: Set<string>, rows: Map<string, T>): Ref[] {
  return [...ids]
    .flatMap((id) => {
      const row = rows.get(id);
      return row && row.status !== 'retired' ? [{ id, name: row.name }] : [];
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

function presentCategory(category: DataCategoryRow) {
  const { id, key, nameNl, nameEn, isSpecial, isCriminal, isNationalId } = category;
  return { id, key, nameNl, nameEn, isSpecial, isCriminal, isNationalId };
}

function sortRows(rows: Row[], query: TConsolidationQuery, locale: Locale): Row[] {
  const direction = query.order === 'desc' ? -1 : 1;
  const byName = (a: Row, b: Row) =>
    compareNames(categoryName(a.dataCategory, locale), categoryName(b.dataCategory, locale));
  if (query.sort === 'name') return rows.sort((a, b) => direction * byName(a, b));
  const counted = query.sort;
  // Ties stay in alphabetical order, whichever way the counts run.
  return rows.sort((a, b) => direction * (a[counted].length - b[counted].length) || byName(a, b));
}

function matches(row: Row, query: TConsolidationQuery): boolean {
  const isUsed = row.systems.length + row.vendors.length + row.activities.length > 0;
  if (query.isUsed !== undefined && isUsed !== query.isUsed) return false;
  if (!query.q) return true;
  const q = query.q.toLowerCase();
  const { nameNl, nameEn, key } = row.dataCategory;
  return [nameNl, nameEn, key].some((text) => text.toLowerCase().includes(q));
}

/**
 * Per data category: the systems that hold it and the activities that process it (as categories.dataCategoryUse
 * defines them, so the category list shows the same numbers), and the vendors that touch it (those systems' vendors
 * and location providers, and the activities' recipients). Retired activities, systems and vendors are left out;
 * archived categories only while still used.
 */
export async function getConsolidation(
  ctx: AppContext,
  scope: OrgScope,
  query: TConsolidationQuery,
  locale: Locale,
): Promise<TConsolidation> {
  const [rows, links, facts, use] = await Promise.all([
    store.currentActivityHeads(ctx.db, scope.orgId),
    store.linksOf(ctx.db, scope.orgId, 'all'),
    loadFacts(ctx, scope, [], new Map(), { everything: true }),
    categories.dataCategoryUse(ctx.db, scope.orgId),
  ]);
  const systemVendors = vendorsOfSystems(facts);
  const systemsByCategory = new SetMap();
  const vendorsByCategory = new SetMap();
  const activitiesByCategory = new SetMap();
  for (const pair of use.systems) systemsByCategory.add(pair.categoryId, pair.systemId);
  for (const pair of use.activities) activitiesByCategory.add(pair.categoryId, pair.activityId);
  for (const row of rows) {
    const activityLinks = links.get(row.id) ?? store.noLinks();
    for (const categoryId of activityLinks.dataCategoryIds) {
      for (const vendorId of activityLinks.vendorIds) vendorsByCategory.add(categoryId, vendorId);
    }
  }
  const activityRows = new Map(rows.map((row) => [row.id, row]));
  const result = [...facts.dataCategories.values()].map((category) => {
    const systems = refsOf(systemsByCategory.of(category.id), facts.systems);
    for (const system of systems)
      for (const vendorId of systemVendors.of(system.id)) vendorsByCategory.add(category.id, vendorId);
    return {
      dataCategory: presentCategory(category),
      systems,
      vendors: refsOf(vendorsByCategory.of(category.id), facts.vendors),
      activities: refsOf(activitiesByCategory.of(category.id), activityRows),
      isArchived: category.isArchived,
    };
  });
  const shown = result
    .filter((row) => !row.isArchived || row.systems.length + row.vendors.length + row.activities.length > 0)
    .map(({ isArchived: _isArchived, ...row }) => row)
    .filter((row) => matches(row, query));
  return { rows: sortRows(shown, query, locale) };
}
