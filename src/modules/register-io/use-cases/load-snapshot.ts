import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as categories from '../../categories/service.ts';
import { ZListSystemsQuery } from '../../inventory/contract.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import { ZListActivitiesQuery } from '../../register/contract.ts';
import * as register from '../../register/service.ts';
import { ZListVendorsQuery } from '../../vendors/contract.ts';
import * as vendors from '../../vendors/service.ts';
import type { RegisterSnapshot, SnapshotOrganisation } from '../snapshot.ts';

/** Lists are read in pages of this size: a fixed number of queries per page, whatever the register's size. */
const PAGE_SIZE = 500;

async function allPages<T>(readPage: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await readPage(offset);
    items.push(...page.items);
    if (page.items.length < PAGE_SIZE || items.length >= page.total) return items;
  }
}

/** A page request as the modules' list contracts define it (their defaults: sorted by name, ascending). */
const paging = (offset: number) => ({ offset, limit: PAGE_SIZE });

async function loadOrganisation(ctx: AppContext, scope: OrgScope): Promise<SnapshotOrganisation> {
  const organisation = await organisations.getOrganisation(ctx, scope);
  const { id, slug, name, kvkNumber, street, postcode, city, country, isController, isProcessor, privacyContact } =
    organisation;
  return { id, slug, name, kvkNumber, street, postcode, city, country, isController, isProcessor, privacyContact };
}

async function loadCategories(ctx: AppContext, scope: OrgScope, locale: Locale) {
  const byName = (a: { nameNl: string; nameEn: string }, b: { nameNl: string; nameEn: string }) =>
    locale === 'nl' ? a.nameNl.localeCompare(b.nameNl, 'nl') : a.nameEn.localeCompare(b.nameEn, 'en');
  const [dataRows, subjectRows] = await Promise.all([
    categories.allDataCategories(ctx.db, scope.orgId),
    categories.allSubjectCategories(ctx.db, scope.orgId),
  ]);
  const dataCategories = dataRows
    .map(({ orgId: _orgId, createdAt: _createdAt, updatedAt: _updatedAt, ...fields }) => fields)
    .sort(byName);
  const subjectCategories = subjectRows
    .map(({ orgId: _orgId, createdAt: _createdAt, updatedAt: _updatedAt, ...fields }) => fields)
    .sort(byName);
  return { dataCategories, subjectCategories };
}

/**
 * Everything of one organisation's register, read through the modules' services: the organisation and its privacy
 * contact, categories, vendors, systems with locations, activities with their links, and the completeness check.
 */
export async function loadSnapshot(ctx: AppContext, scope: OrgScope, locale: Locale): Promise<RegisterSnapshot> {
  const exportedAt = ctx.clock.now();
  const [organisation, categoryLists, vendorList, systemList, activityList, completeness] = await Promise.all([
    loadOrganisation(ctx, scope),
    loadCategories(ctx, scope, locale),
    allPages((offset) => vendors.listVendors(ctx, scope, ZListVendorsQuery.parse(paging(offset)))),
    allPages((offset) => inventory.listSystems(ctx, scope, ZListSystemsQuery.parse(paging(offset)))),
    allPages((offset) => register.listActivities(ctx, scope, ZListActivitiesQuery.parse(paging(offset)), locale)),
    register.getRegisterCompleteness(ctx, scope, locale),
  ]);
  return {
    exportedAt,
    exportDate: calendarDateIn(exportedAt),
    organisation,
    ...categoryLists,
    vendors: vendorList,
    systems: systemList,
    activities: activityList,
    completeness,
  };
}
