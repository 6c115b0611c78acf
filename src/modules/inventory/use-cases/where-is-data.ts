import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import { COUNTRIES_VALID_AS_OF } from '../../../shared/transfer-check.ts';
import type { TEeaStatus, TEeaStatusQuery, TLocation, TLocationsOnQuery } from '../contract.ts';
import {
  allInsideSince,
  insideWindowOf,
  isAllInsideOn,
  locationsOfUnknownStartOn,
  locationsOn,
  outsideLocations,
  recordsSince,
} from '../rules.ts';
import * as store from '../store.ts';
import { loadPresenter } from './present.ts';

/** "Where was the data on day D": the locations in force that day, of some roles or one system if asked. */
export async function locationsOnDay(
  ctx: AppContext,
  scope: OrgScope,
  query: TLocationsOnQuery,
): Promise<{ on: string; locations: TLocation[]; unknownSince: TLocation[] }> {
  const systemIds = query.systemId ? [query.systemId] : undefined;
  const systems = await store.systemsOfOrg(ctx.db, scope.orgId, systemIds);
  if (query.systemId && systems.length === 0) throw notFound('system_not_found');
  const roles = query.role;
  const all = (await store.locationsOfSystems(ctx.db, scope.orgId, systemIds)).filter(
    (row) => !roles || roles.includes(row.role as (typeof roles)[number]),
  );
  const rows = locationsOn(all, query.on);
  const unknown = locationsOfUnknownStartOn(all, query.on);
  const presenter = await loadPresenter(
    ctx.db,
    scope.orgId,
    systems,
    [...rows, ...unknown],
    calendarDateIn(ctx.clock.now()),
  );
  return { on: query.on, locations: rows.map(presenter.location), unknownSince: unknown.map(presenter.location) };
}

/**
 * "Since when have all our backups been inside the EEA" (or, with `includeAdequate`, inside the EEA or a country
 * with an adequacy decision while it was in force), with the locations outside as evidence.
 */
export async function eeaStatus(ctx: AppContext, scope: OrgScope, query: TEeaStatusQuery): Promise<TEeaStatus> {
  const today = calendarDateIn(ctx.clock.now());
  const roles = [...new Set(query.roles)];
  const systems = await store.systemsOfOrg(ctx.db, scope.orgId);
  const rows = (await store.locationsOfSystems(ctx.db, scope.orgId)).filter((row) =>
    roles.includes(row.role as (typeof roles)[number]),
  );
  const presenter = await loadPresenter(ctx.db, scope.orgId, systems, rows, today);
  const insideWindow = (row: store.LocationRow) =>
    insideWindowOf(row.country, {
      includeAdequate: query.includeAdequate,
      dpf: presenter.dpfOf(row),
    });
  const since = allInsideSince(rows, today, insideWindow);
  return {
    roles,
    includeAdequate: query.includeAdequate,
    isAllInsideNow: isAllInsideOn(rows, today, insideWindow),
    allInsideSince: since,
    recordsSince: recordsSince(rows, today),
    outside: outsideLocations(rows, today, insideWindow).map(presenter.location),
    unknownSince: rows.filter((row) => row.since === null).map(presenter.location),
    countriesValidAsOf: COUNTRIES_VALID_AS_OF,
  };
}
