import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as completenessStore from '../completeness-store.ts';
import type { TActivity, TListActivitiesQuery } from '../contract.ts';
import { compareCompleteness, summarise } from '../rules.ts';
import * as store from '../store.ts';
import { loadFacts } from './facts.ts';
import { findingsOf } from './findings.ts';
import { presentActivities, presentActivity } from './present.ts';

function filterOf(query: TListActivitiesQuery): store.ActivityFilter {
  const { q, role, status, legalBasis, dataCategoryId, subjectCategoryId, systemId, vendorId, isComplete } = query;
  return { q, role, status, legalBasis, dataCategoryId, subjectCategoryId, systemId, vendorId, isComplete };
}

/**
 * Sorting or filtering by completeness with the live check, for a day whose summaries are not all stored yet (the
 * daily refresh has not run since midnight, or the register predates the stored summaries): checks every matching
 * activity, then presents only the requested page. Slow on large registers, and never wrong.
 */
async function listByLiveCompleteness(
  ctx: AppContext,
  scope: OrgScope,
  query: TListActivitiesQuery,
  locale: Locale,
): Promise<{ items: TActivity[]; total: number }> {
  const { isComplete: _byStoredSummary, ...filter } = filterOf(query);
  const order: store.ActivityOrder =
    query.sort === 'completeness' ? { sort: 'name', order: 'asc' } : { sort: query.sort, order: query.order };
  const rows = await store.allActivities(ctx.db, scope.orgId, filter, order);
  // All of the organisation's links: no longer than the matching ones' when unfiltered, and no id list to send.
  const links = await store.linksOf(ctx.db, scope.orgId, 'all');
  const facts = await loadFacts(ctx, scope, rows, links);
  const linksOf = (row: store.ActivityRow) => links.get(row.id) ?? store.noLinks();
  let ranked = rows.map((row) => ({ row, summary: summarise(findingsOf(row, linksOf(row), facts, locale)) }));
  if (query.isComplete !== undefined) ranked = ranked.filter((entry) => entry.summary.isComplete === query.isComplete);
  if (query.sort === 'completeness') {
    const direction = query.order === 'desc' ? -1 : 1;
    // Array.prototype.sort is stable: activities of equal completeness stay in name order.
    ranked.sort((a, b) => direction * compareCompleteness(a.summary, b.summary));
  }
  const page = ranked.slice(query.offset, query.offset + query.limit);
  return {
    items: page.map(({ row, summary }) => presentActivity(row, linksOf(row), facts, locale, summary)),
    total: ranked.length,
  };
}

/**
 * The register's activities: searched, filtered, sorted and paged, each with its completeness summary. Sorting and
 * filtering by completeness read the stored summaries in the database, as any other column.
 */
export async function listActivities(
  ctx: AppContext,
  scope: OrgScope,
  query: TListActivitiesQuery,
  locale: Locale,
): Promise<{ items: TActivity[]; total: number }> {
  const byCompleteness = query.sort === 'completeness' || query.isComplete !== undefined;
  if (byCompleteness) {
    const today = calendarDateIn(ctx.clock.now());
    if (await completenessStore.hasStaleSummaries(ctx.db, scope.orgId, today)) {
      return listByLiveCompleteness(ctx, scope, query, locale);
    }
  }
  const page = await store.listActivities(ctx.db, scope.orgId, filterOf(query), {
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentActivities(ctx, scope, page.rows, locale), total: page.total };
}
