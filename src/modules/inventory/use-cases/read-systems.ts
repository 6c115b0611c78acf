import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import type { TListSystemsQuery, TSystem } from '../contract.ts';
import * as store from '../store.ts';
import { loadPresenter } from './present.ts';

/** Systems with their data categories and locations, loaded in one query each for all of them. */
async function presentSystems(
  db: Database,
  orgId: string,
  items: readonly store.SystemWithUsage[],
  today: string,
): Promise<TSystem[]> {
  const ids = items.map((item) => item.row.id);
  const [categoryIds, locations] = await Promise.all([
    store.dataCategoryIdsOf(db, orgId, ids),
    store.locationsOfSystems(db, orgId, ids),
  ]);
  const presenter = await loadPresenter(
    db,
    orgId,
    items.map((item) => item.row),
    locations,
    today,
  );
  return items.map(({ row, usage }) =>
    presenter.system(row, {
      usage,
      dataCategoryIds: categoryIds.get(row.id) ?? [],
      locations: locations.filter((location) => location.systemId === row.id),
    }),
  );
}

export async function listSystems(
  ctx: AppContext,
  scope: OrgScope,
  query: TListSystemsQuery,
): Promise<{ items: TSystem[]; total: number }> {
  const page = await store.listSystems(ctx.db, scope.orgId, query);
  return {
    items: await presentSystems(ctx.db, scope.orgId, page.items, calendarDateIn(ctx.clock.now())),
    total: page.total,
  };
}

/** A system with its data categories and every location, past and present. */
export async function getSystem(ctx: AppContext, scope: OrgScope, id: string): Promise<TSystem> {
  const found = await store.findSystem(ctx.db, scope.orgId, id);
  if (!found) throw notFound('system_not_found');
  const [system] = await presentSystems(ctx.db, scope.orgId, [found], calendarDateIn(ctx.clock.now()));
  return system!;
}
