import type { Database } from '../../../platform/db/database.ts';
import * as categories from '../../categories/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { ExistingRegister } from '../templates/index.ts';

const lowerNames = (rows: { name: string }[]) => new Set(rows.map((row) => row.name.toLowerCase()));

/** What the organisation's register holds already, by the names and keys a blueprint refers to. */
export async function existingRegister(
  db: Database,
  orgId: string,
): Promise<ExistingRegister & { ids: ExistingIds; names: { data: Map<string, Named>; subject: Map<string, Named> } }> {
  const [dataCategories, subjectCategories, vendorRows, systemRows, activityRows] = await Promise.all([
    categories.allDataCategories(db, orgId),
    categories.allSubjectCategories(db, orgId),
    vendors.vendorsOfOrg(db, orgId),
    inventory.systemsOfOrg(db, orgId),
    register.activitiesOfOrg(db, orgId),
  ]);
  return {
    dataCategoryKeys: new Set(dataCategories.map((row) => row.key)),
    subjectCategoryKeys: new Set(subjectCategories.map((row) => row.key)),
    vendorNames: lowerNames(vendorRows),
    systemNames: lowerNames(systemRows),
    activityNames: lowerNames(activityRows),
    names: {
      data: new Map(dataCategories.map((row) => [row.key, row])),
      subject: new Map(subjectCategories.map((row) => [row.key, row])),
    },
    ids: {
      vendorsByName: new Map(vendorRows.map((row) => [row.name.toLowerCase(), row.id])),
      systemsByName: new Map(systemRows.map((row) => [row.name.toLowerCase(), row.id])),
    },
  };
}

export interface Named {
  nameNl: string;
  nameEn: string;
}

export interface ExistingIds {
  vendorsByName: Map<string, string>;
  systemsByName: Map<string, string>;
}
