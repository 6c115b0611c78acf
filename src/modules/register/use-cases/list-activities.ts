import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TActivity, TListActivitiesQuery } from '../contract.ts';
import { compareCompleteness } from '../rules.ts';
import * as store from '../store.ts';
import { presentActivities } from './present.ts';

function filterOf(query: TListActivitiesQuery): store.ActivityFilter {
  const { q, role, status, legalBasis, dataCategoryId, subjectCategoryId, systemId, vendorId } = query;
  return { q, role, status, legalBasis, dataCategoryId, subjectCategoryId, systemId, vendorId };
}

/**
 * Completeness is computed, not stored (it depends on today, on vendors and on locations), so sorting or
 * filtering by it checks every matching activity and pages afterwards. Every other list pages in the database.
 */
async function listByCompleteness(
  ctx: AppContext,
  scope: OrgScope,
  query: TListActivitiesQuery,
  locale: Locale,
): Promise<{ items: TActivity[]; total: number }> {
  const order: store.ActivityOrder =
    query.sort === 'completeness' ? { sort: 'name', order: 'asc' } : { sort: query.sort, order: query.order };
  const rows = await store.allActivities(ctx.db, scope.orgId, filterOf(query), order);
  let items = await presentActivities(ctx, scope, rows, locale);
  if (query.isComplete !== undefined) {
    items = items.filter((item) => item.completeness.isComplete === query.isComplete);
  }
  if (query.sort === 'completeness') {
    const direction = query.order === 'desc' ? -1 : 1;
    // Array.prototype.sort is stable: activities of equal completeness stay in name order.
    items.sort((a, b) => direction * compareCompleteness(a.completeness, b.completeness));
  }
  return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}

/** The register's activities: searched, filtered, sorted and paged, each with its completeness summary. */
export async function listActivities(
  ctx: AppContext,
  scope: OrgScope,
  query: TListActivitiesQuery,
  locale: Locale,
): Promise<{ items: TActivity[]; total: number }> {
  if (query.sort === 'completeness' || query.isComplete !== undefined) {
    return listByCompleteness(ctx, scope, query, locale);
  }
  const page = await store.listActivities(ctx.db, scope.orgId, filterOf(query), {
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentActivities(ctx, scope, page.rows, locale), total: page.total };
}
