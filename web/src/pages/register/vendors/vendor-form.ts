import type { TCreateVendorInput, TTransferSafeguard, TVendor, TVendorKind } from '../../../api/vendors.ts';
import { emptyTia, type TiaValues, tiaValuesOf, toTiaInput } from '../shared/tia.ts';

export interface CertificationValues {
  name: string;
  reference: string;
  validUntil: string;
}

/** What the vendor form edits; optional texts are strings (empty when not filled in). */
export interface VendorValues extends TiaValues {
  name: string;
  kind: TVendorKind;
  parentVendorId: string | null;
  services: string;
  country: string;
  website: string;
  contactEmail: string;
  isDpfCertified: boolean;
  /** The day the vendor appears on the DPF list (YYYY-MM-DD; empty when not certified). */
  dpfCertifiedSince: string;
  isDpfHrInScope: boolean;
  transferSafeguard: TTransferSafeguard | null;
  safeguardDetails: string;
  hasMfa: boolean | null;
  canAccessClientInfrastructure: boolean;
  clientAccessDescription: string;
  notes: string;
  certifications: CertificationValues[];
}

export const emptyVendor = (): VendorValues => ({
  name: '',
  kind: 'processor',
  parentVendorId: null,
  services: '',
  country: 'NL',
  website: '',
  contactEmail: '',
  isDpfCertified: false,
  dpfCertifiedSince: '',
  isDpfHrInScope: false,
  transferSafeguard: null,
  safeguardDetails: '',
  ...emptyTia(),
  hasMfa: null,
  canAccessClientInfrastructure: false,
  clientAccessDescription: '',
  notes: '',
  certifications: [],
});

export function vendorValuesOf(vendor: TVendor): VendorValues {
  return {
    name: vendor.name,
    kind: vendor.kind,
    parentVendorId: vendor.parentVendor?.id ?? null,
    services: vendor.services,
    country: vendor.country,
    website: vendor.website ?? '',
    contactEmail: vendor.contactEmail ?? '',
    isDpfCertified: vendor.isDpfCertified,
    dpfCertifiedSince: vendor.dpfCertifiedSince ?? '',
    isDpfHrInScope: vendor.isDpfHrInScope,
    transferSafeguard: vendor.transferSafeguard,
    safeguardDetails: vendor.safeguardDetails,
    ...tiaValuesOf(vendor.transferImpactAssessment),
    hasMfa: vendor.hasMfa,
    canAccessClientInfrastructure: vendor.canAccessClientInfrastructure,
    clientAccessDescription: vendor.clientAccessDescription,
    notes: vendor.notes,
    certifications: vendor.certifications.map((certification) => ({
      name: certification.name,
      reference: certification.reference,
      validUntil: certification.validUntil ?? '',
    })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body: empty optional texts become null, the sub-processor's parent only for a sub-processor. */
export function toVendorInput(values: VendorValues): TCreateVendorInput {
  const { tiaAssessedOn: _day, tiaReference: _reference, ...fields } = values;
  const isCertified = values.isDpfCertified && values.country === 'US';
  return {
    ...fields,
    isDpfCertified: isCertified,
    dpfCertifiedSince: isCertified ? orNull(values.dpfCertifiedSince) : null,
    isDpfHrInScope: isCertified && values.isDpfHrInScope,
    transferImpactAssessment: toTiaInput(values, values.transferSafeguard),
    parentVendorId: values.kind === 'sub_processor' ? values.parentVendorId : null,
    website: orNull(values.website),
    contactEmail: orNull(values.contactEmail),
    clientAccessDescription: values.canAccessClientInfrastructure ? values.clientAccessDescription : '',
    certifications: values.certifications.map((certification) => ({
      ...certification,
      validUntil: orNull(certification.validUntil),
    })),
  };
}
