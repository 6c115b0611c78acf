import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as categories from '../../categories/service.ts';
import * as identity from '../../identity/service.ts';
import * as inventory from '../../inventory/service.ts';
import type { TOrganisation } from '../../organisations/contract.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { ActivityLinks, ActivityRow } from '../store.ts';

export type DataCategoryRow = Awaited<ReturnType<typeof categories.allDataCategories>>[number];
export type SubjectCategoryRow = Awaited<ReturnType<typeof categories.allSubjectCategories>>[number];

/**
 * Everything the register needs besides its own rows to present activities and check them: the categories and
 * their flags, the systems with their dated locations, the vendors, the organisation, its members, and today.
 */
export interface RegisterFacts {
  today: string;
  organisation: TOrganisation;
  dataCategories: Map<string, DataCategoryRow>;
  subjectCategories: Map<string, SubjectCategoryRow>;
  systems: Map<string, inventory.SystemRow>;
  locations: inventory.LocationRow[];
  vendors: Map<string, vendors.VendorRow>;
  memberIds: Set<string>;
  /** Names of the activities' owners (members or not). */
  ownerNames: Map<string, string>;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

function unionOf(values: Iterable<readonly (string | null)[]>): string[] {
  const all = new Set<string>();
  for (const list of values) for (const value of list) if (value) all.add(value);
  return [...all];
}

/**
 * Loads the facts for some activities in a fixed number of queries. `everything` loads every system, location and
 * vendor of the organisation (the transfer overview and the consolidation view need them all).
 */
export async function loadFacts(
  ctx: AppContext,
  scope: OrgScope,
  rows: readonly ActivityRow[],
  links: ReadonlyMap<string, ActivityLinks>,
  options: { everything?: boolean } = {},
): Promise<RegisterFacts> {
  const { db } = ctx;
  const systemIds = options.everything ? undefined : unionOf([...links.values()].map((link) => link.systemIds));
  const [dataCategories, subjectCategories, systems, locations, organisation, members] = await Promise.all([
    categories.allDataCategories(db, scope.orgId),
    categories.allSubjectCategories(db, scope.orgId),
    inventory.systemsOfOrg(db, scope.orgId, systemIds),
    inventory.locationsOfSystems(db, scope.orgId, systemIds),
    organisations.getOrganisation(ctx, scope),
    organisations.listMembers(ctx, scope),
  ]);
  const vendorIds = options.everything
    ? undefined
    : unionOf([
        ...[...links.values()].map((link) => link.vendorIds),
        systems.map((system) => system.vendorId),
        locations.map((location) => location.providerVendorId),
      ]);
  const ownerIds = unionOf([rows.map((row) => row.ownerUserId)]);
  const [vendorRows, owners] = await Promise.all([
    vendors.vendorsOfOrg(db, scope.orgId, vendorIds),
    ownerIds.length > 0 ? identity.userNames(ctx, ownerIds) : new Map<string, { name: string }>(),
  ]);
  return {
    today: calendarDateIn(ctx.clock.now()),
    organisation,
    dataCategories: byId(dataCategories),
    subjectCategories: byId(subjectCategories),
    systems: byId(systems),
    locations,
    vendors: byId(vendorRows),
    memberIds: new Set(members.map((member) => member.userId)),
    ownerNames: new Map([...owners].map(([id, owner]) => [id, owner.name])),
  };
}
