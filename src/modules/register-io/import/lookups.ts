import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import * as categories from '../../categories/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import { NameIndex } from './references.ts';

/** What rows may refer to by name, and the names already taken, read once per import. */
export interface ImportLookups {
  dataCategories: NameIndex;
  subjectCategories: NameIndex;
  vendors: NameIndex;
  systems: NameIndex;
  /** Members by name or e-mail address (an activity's owner). */
  members: NameIndex;
  /** The client organisations it manages by name: a controller so named is linked to that organisation. */
  clients: NameIndex;
  existingNames: { vendors: string[]; systems: string[]; activities: string[] };
}

/** A category goes by its key and both names; the first name (shown in previews) is the one in `locale`. */
const categoryEntry = (locale: Locale) => (row: { id: string; key: string; nameNl: string; nameEn: string }) => ({
  id: row.id,
  names: locale === 'nl' ? [row.nameNl, row.nameEn, row.key] : [row.nameEn, row.nameNl, row.key],
});

/** Reads the lookups inside `db` (the import's transaction when applying, so what is checked is what is written). */
export async function loadLookups(
  ctx: AppContext,
  db: Database,
  scope: OrgScope,
  locale: Locale,
): Promise<ImportLookups> {
  const [dataRows, subjectRows, vendorRows, systemRows, activityRows, members, clients] = await Promise.all([
    categories.allDataCategories(db, scope.orgId),
    categories.allSubjectCategories(db, scope.orgId),
    vendors.vendorsOfOrg(db, scope.orgId),
    inventory.systemsOfOrg(db, scope.orgId),
    register.activitiesOfOrg(db, scope.orgId),
    organisations.listMembers({ ...ctx, db }, scope),
    organisations.clientOrganisations(db, scope.orgId),
  ]);
  return {
    dataCategories: new NameIndex(dataRows.map(categoryEntry(locale))),
    subjectCategories: new NameIndex(subjectRows.map(categoryEntry(locale))),
    vendors: new NameIndex(vendorRows.map((row) => ({ id: row.id, names: [row.name] }))),
    systems: new NameIndex(systemRows.map((row) => ({ id: row.id, names: [row.name] }))),
    members: new NameIndex(members.map((member) => ({ id: member.userId, names: [member.name, member.email] }))),
    clients: new NameIndex(clients.map((client) => ({ id: client.id, names: [client.name] }))),
    existingNames: {
      vendors: vendorRows.map((row) => row.name),
      systems: systemRows.map((row) => row.name),
      activities: activityRows.map((row) => row.name),
    },
  };
}
