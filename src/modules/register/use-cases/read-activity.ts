import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TActivity, TActivityCompleteness } from '../contract.ts';
import { summarise } from '../rules.ts';
import * as store from '../store.ts';
import { loadFacts } from './facts.ts';
import { findingsOf, localiseFinding } from './findings.ts';
import { presentActivities } from './present.ts';

async function findOrFail(ctx: AppContext, scope: OrgScope, id: string): Promise<store.ActivityRow> {
  const row = await store.findActivity(ctx.db, scope.orgId, id);
  if (!row) throw notFound('activity_not_found');
  return row;
}

export async function getActivity(ctx: AppContext, scope: OrgScope, id: string, locale: Locale): Promise<TActivity> {
  const [activity] = await presentActivities(ctx, scope, [await findOrFail(ctx, scope, id)], locale);
  return activity as TActivity;
}

/** One activity's completeness, item by item, in the caller's language. */
export async function getActivityCompleteness(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  locale: Locale,
): Promise<TActivityCompleteness> {
  const row = await findOrFail(ctx, scope, id);
  const links = await store.linksOf(ctx.db, scope.orgId, [id]);
  const facts = await loadFacts(ctx, scope, [row], links);
  const findings = findingsOf(row, links.get(id) ?? store.noLinks(), facts, locale);
  return {
    activity: { id: row.id, name: row.name, role: row.role as 'controller', status: row.status as 'active' },
    items: findings.map((item) => localiseFinding(item, locale)),
    summary: summarise(findings),
  };
}
