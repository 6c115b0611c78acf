import type { TCreateVendorInput, TTransferSafeguard, TVendor, TVendorKind } from '../../../api/vendors.ts';

export interface CertificationValues {
  name: string;
  reference: string;
  validUntil: string;
}

/** What the vendor form edits; optional texts are strings (empty when not filled in). */
export interface VendorValues {
  name: string;
  kind: TVendorKind;
  parentVendorId: string | null;
  services: string;
  country: string;
  website: string;
  contactEmail: string;
  isDpfCertified: boolean;
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
  transferSafeguard: null,
  safeguardDetails: '',
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
    transferSafeguard: vendor.transferSafeguard,
    safeguardDetails: vendor.safeguardDetails,
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
  return {
    ...values,
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
