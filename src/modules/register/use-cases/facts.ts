import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as categories from '../../categories/service.ts';
import * as identity from '../../identity/service.ts';
import * as inventory from '../../inventory/service.ts';
import type { TClientOrganisation, TOrganisation } from '../../organisations/contract.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { ActivityLinks, ActivityRow } from '../store.ts';
import * as store from '../store.ts';

export type DataCategoryRow = Awaited<ReturnType<typeof categories.allDataCategories>>[number];
export type SubjectCategoryRow = Awaited<ReturnType<typeof categories.allSubjectCategories>>[number];

/**
 * Everything the register needs besides its own rows to present activities and check them: the categories and
 * their flags, the systems with their dated locations, the vendors, the organisation, its members, and today.
 */
export interface RegisterFacts {
  today: string;
  organisation: TOrganisation;
  /** The client organisations it manages, by id: the controllers a processor activity may name from privacydesk. */
  clients: Map<string, TClientOrganisation>;
  dataCategories: Map<string, DataCategoryRow>;
  subjectCategories: Map<string, SubjectCategoryRow>;
  systems: Map<string, inventory.SystemRow>;
  locations: inventory.LocationRow[];
  locationsBySystem: Map<string, inventory.LocationRow[]>;
  vendors: Map<string, vendors.VendorRow>;
  memberIds: Set<string>;
  /** Names of the activities' owners (members or not). */
  ownerNames: Map<string, string>;
  /** Answers to adequacy scope questions (Canada, Israel, South Korea), by country. */
  scopeAnswers: Map<string, store.ScopeAnswerRow>;
}

/** A category's name in the reader's language. */
export function categoryName(category: { nameNl: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? category.nameEn : category.nameNl;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

function unionOf(values: Iterable<readonly (string | null)[]>): string[] {
  const all = new Set<string>();
  for (const list of values) for (const value of list) if (value) all.add(value);
  return [...all];
}

/**
 * Loads the facts for some activities in a fixed number of queries. Every vendor is loaded (a small business has
 * tens, and it saves a round trip); `everything` loads every system and location too, not only those the
 * activities use (the transfer overview and the consolidation view need them all). The client organisations are
 * read when an activity names one as controller, or when `clients` asks for them (the provider's coverage check).
 */
export async function loadFacts(
  ctx: AppContext,
  scope: OrgScope,
  rows: readonly ActivityRow[],
  links: ReadonlyMap<string, ActivityLinks>,
  options: { everything?: boolean; clients?: boolean } = {},
): Promise<RegisterFacts> {
  const { db } = ctx;
  const namesClient = [...links.values()].some((link) => link.controllers.some((row) => row.kind === 'managed_org'));
  const systemIds = options.everything ? undefined : unionOf([...links.values()].map((link) => link.systemIds));
  const [
    dataCategories,
    subjectCategories,
    systems,
    locations,
    vendorRows,
    organisation,
    members,
    scopeAnswers,
    clients,
  ] = await Promise.all([
    categories.allDataCategories(db, scope.orgId),
    categories.allSubjectCategories(db, scope.orgId),
    inventory.systemsOfOrg(db, scope.orgId, systemIds),
    inventory.locationsOfSystems(db, scope.orgId, systemIds),
    vendors.vendorsOfOrg(db, scope.orgId),
    organisations.getOrganisation(ctx, scope),
    organisations.listMembers(ctx, scope),
    store.scopeAnswersOf(db, scope.orgId),
    options.clients || namesClient ? organisations.clientOrganisations(db, scope.orgId) : [],
  ]);
  const memberNames = new Map(members.map((member) => [member.userId, member.name]));
  // Owners are members, unless they left since: only those need a look-up of their own.
  const formerMembers = unionOf([rows.map((row) => row.ownerUserId)]).filter((id) => !memberNames.has(id));
  const formerNames = formerMembers.length > 0 ? await identity.userNames(ctx, formerMembers) : new Map();
  return {
    today: calendarDateIn(ctx.clock.now()),
    organisation,
    clients: byId(clients),
    dataCategories: byId(dataCategories),
    subjectCategories: byId(subjectCategories),
    systems: byId(systems),
    locations,
    locationsBySystem: groupBy(locations, (location) => location.systemId),
    vendors: byId(vendorRows),
    memberIds: new Set(memberNames.keys()),
    ownerNames: new Map([...memberNames, ...[...formerNames].map(([id, user]) => [id, user.name] as const)]),
    scopeAnswers,
  };
}

/** What presenting an activity needs when its completeness is not computed here: the names it refers to. */
export type NameFacts = Pick<
  RegisterFacts,
  'today' | 'dataCategories' | 'subjectCategories' | 'systems' | 'vendors' | 'ownerNames'
>;

/** The names some activities refer to, in fewer queries than `loadFacts` (no locations, organisation or members). */
export async function loadNames(
  ctx: AppContext,
  scope: OrgScope,
  rows: readonly ActivityRow[],
  links: ReadonlyMap<string, ActivityLinks>,
): Promise<NameFacts> {
  const { db } = ctx;
  const systemIds = unionOf([...links.values()].map((link) => link.systemIds));
  const ownerIds = unionOf([rows.map((row) => row.ownerUserId)]);
  const [dataCategories, subjectCategories, systems, vendorRows, owners] = await Promise.all([
    categories.allDataCategories(db, scope.orgId),
    categories.allSubjectCategories(db, scope.orgId),
    systemIds.length > 0 ? inventory.systemsOfOrg(db, scope.orgId, systemIds) : [],
    vendors.vendorsOfOrg(db, scope.orgId),
    ownerIds.length > 0 ? identity.userNames(ctx, ownerIds) : new Map<string, { name: string }>(),
  ]);
  return {
    today: calendarDateIn(ctx.clock.now()),
    dataCategories: byId(dataCategories),
    subjectCategories: byId(subjectCategories),
    systems: byId(systems),
    vendors: byId(vendorRows),
    ownerNames: new Map([...owners].map(([id, user]) => [id, user.name] as const)),
  };
}
