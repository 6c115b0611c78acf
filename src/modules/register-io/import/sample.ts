import type { ImportLookups } from './lookups.ts';
import type { ValidatedImport } from './validate-table.ts';

export const SAMPLE_SIZE = 5;

/**
 * The first rows as they would be created, with references shown by name (as the file gave them) rather than by
 * the ids they resolved to, so a person can check the preview against their spreadsheet.
 */
export function sampleOf(validated: ValidatedImport, lookups: ImportLookups): Record<string, unknown>[] {
  const names = (index: ImportLookups['vendors'], ids: readonly string[]) => ids.map((id) => index.nameOf(id));
  if (validated.entity === 'vendors') {
    return validated.vendors.slice(0, SAMPLE_SIZE).map(({ input, parentName }) => {
      const { parentVendorId: _parentVendorId, ...fields } = input;
      return { ...fields, parentVendor: parentName };
    });
  }
  if (validated.entity === 'systems') {
    return validated.systems.slice(0, SAMPLE_SIZE).map(({ input }) => {
      const { vendorId, dataCategoryIds, locations, ...fields } = input;
      return {
        ...fields,
        vendor: vendorId ? lookups.vendors.nameOf(vendorId) : null,
        dataCategories: names(lookups.dataCategories, dataCategoryIds),
        locations: locations.map(({ providerVendorId, ...location }) => ({
          ...location,
          providerVendor: providerVendorId ? lookups.vendors.nameOf(providerVendorId) : null,
        })),
      };
    });
  }
  return validated.activities.slice(0, SAMPLE_SIZE).map(({ input }) => {
    const { subjectCategoryIds, dataCategoryIds, systemIds, recipientVendorIds, ownerUserId, ...fields } = input;
    return {
      ...fields,
      subjectCategories: names(lookups.subjectCategories, subjectCategoryIds),
      dataCategories: names(lookups.dataCategories, dataCategoryIds),
      systems: names(lookups.systems, systemIds),
      recipients: names(lookups.vendors, recipientVendorIds),
      owner: ownerUserId ? lookups.members.nameOf(ownerUserId) : null,
    };
  });
}
