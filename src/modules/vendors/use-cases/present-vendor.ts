import { tiaFromColumns, ZTransferSafeguard } from '../../../shared/lists.ts';
import type { TVendor } from '../contract.ts';
import { ZVendorKind } from '../contract.ts';
import { isCertificationExpired, vendorTransfer } from '../rules.ts';
import type { CertificationRow, VendorWithRefs } from '../store.ts';

/** A vendor as the API shows it: its parent and certifications resolved, the transfer check judged for today. */
export function presentVendor(
  { row, parent, usage }: VendorWithRefs,
  certifications: readonly CertificationRow[],
  today: string,
): TVendor {
  return {
    id: row.id,
    name: row.name,
    kind: ZVendorKind.parse(row.kind),
    parentVendor: parent,
    services: row.services,
    country: row.country,
    website: row.website,
    contactEmail: row.contactEmail,
    isDpfCertified: row.isDpfCertified,
    dpfCertifiedSince: row.dpfCertifiedSince,
    isDpfHrInScope: row.isDpfHrInScope,
    transferSafeguard: row.transferSafeguard === null ? null : ZTransferSafeguard.parse(row.transferSafeguard),
    safeguardDetails: row.safeguardDetails,
    transferImpactAssessment: tiaFromColumns(row.tiaAssessedOn, row.tiaReference),
    hasMfa: row.hasMfa,
    canAccessClientInfrastructure: row.canAccessClientInfrastructure,
    clientAccessDescription: row.clientAccessDescription,
    status: row.status === 'retired' ? 'retired' : 'active',
    retiredOn: row.retiredOn,
    notes: row.notes,
    certifications: certifications.map((certification) => ({
      id: certification.id,
      name: certification.name,
      reference: certification.reference,
      validUntil: certification.validUntil,
      isExpired: isCertificationExpired(certification.validUntil, today),
    })),
    transfer: vendorTransfer(row, today),
    usage,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
