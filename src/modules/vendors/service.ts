/** The vendors module's public face: processors, sub-processors and other recipients, with their certifications. */

export type { VendorRow } from './store.ts';
export { activityUsesVendor } from './usage.ts';
export { assertVendorsOfOrg, certificationsOfVendors, vendorsOfOrg } from './use-cases/lookups.ts';
export { getVendor, listVendors } from './use-cases/read-vendors.ts';
export { deleteVendor, retireVendor } from './use-cases/retire-vendor.ts';
export { createVendor, insertVendor, updateVendor } from './use-cases/save-vendor.ts';
