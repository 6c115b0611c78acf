import { z } from 'zod';
import {
  listQueryFields,
  pageOf,
  ZCalendarDate,
  ZRef,
  ZTransferImpactAssessment,
  ZTransferSafeguard,
  ZTransferStatus,
} from '../../shared/lists.ts';
import { ZCountryCode } from '../organisations/contract.ts';

export const ZVendorKind = z.enum(['processor', 'sub_processor', 'recipient', 'joint_controller']);
export type TVendorKind = z.infer<typeof ZVendorKind>;
export const ZVendorStatus = z.enum(['active', 'retired']);

export const ZCertification = z.object({
  id: z.uuid(),
  name: z.string(),
  reference: z.string(),
  validUntil: z.string().nullable(),
  /** Compared with today (Europe/Amsterdam) when presented. */
  isExpired: z.boolean(),
});

export const ZCertificationInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(100),
  reference: z.string().trim().max(200).default(''),
  validUntil: ZCalendarDate.nullable().default(null),
});

export const ZVendor = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZVendorKind,
  parentVendor: ZRef.nullable(),
  services: z.string(),
  country: z.string(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  isDpfCertified: z.boolean(),
  /** First day on the DPF list; null with `isDpfCertified` only for a certification recorded before it was dated. */
  dpfCertifiedSince: z.string().nullable(),
  isDpfHrInScope: z.boolean(),
  transferSafeguard: ZTransferSafeguard.nullable(),
  safeguardDetails: z.string(),
  transferImpactAssessment: ZTransferImpactAssessment.nullable(),
  hasMfa: z.boolean().nullable(),
  canAccessClientInfrastructure: z.boolean(),
  clientAccessDescription: z.string(),
  status: ZVendorStatus,
  retiredOn: z.string().nullable(),
  notes: z.string(),
  certifications: z.array(ZCertification),
  transfer: ZTransferStatus,
  /**
   * What refers to it: systems that run on it, locations it hosts, activities that send data to it, and its own
   * sub-processors. A vendor in use is retired, not deleted.
   */
  usage: z.object({
    systems: z.number().int(),
    activities: z.number().int(),
    locations: z.number().int(),
    subProcessors: z.number().int(),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TVendor = z.infer<typeof ZVendor>;

const vendorFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  kind: ZVendorKind,
  parentVendorId: z.uuid().nullable(),
  services: z.string().trim().max(2000),
  country: ZCountryCode,
  website: z.url({ error: 'validation.invalid_url' }).max(500).nullable(),
  contactEmail: z.email({ error: 'validation.invalid_email' }).max(254).nullable(),
  isDpfCertified: z.boolean(),
  /** Required when `isDpfCertified` is set: the DPF list shows it per organisation. */
  dpfCertifiedSince: ZCalendarDate.nullable(),
  isDpfHrInScope: z.boolean(),
  transferSafeguard: ZTransferSafeguard.nullable(),
  safeguardDetails: z.string().trim().max(2000),
  transferImpactAssessment: ZTransferImpactAssessment.nullable(),
  hasMfa: z.boolean().nullable(),
  canAccessClientInfrastructure: z.boolean(),
  clientAccessDescription: z.string().trim().max(2000),
  status: ZVendorStatus,
  retiredOn: ZCalendarDate.nullable(),
  notes: z.string().trim().max(5000),
  /** Replaces the vendor's certifications as a whole. */
  certifications: z.array(ZCertificationInput).max(50),
};

export const ZCreateVendorRequest = z.strictObject({
  ...vendorFields,
  parentVendorId: vendorFields.parentVendorId.default(null),
  services: vendorFields.services.default(''),
  website: vendorFields.website.default(null),
  contactEmail: vendorFields.contactEmail.default(null),
  isDpfCertified: vendorFields.isDpfCertified.default(false),
  dpfCertifiedSince: vendorFields.dpfCertifiedSince.default(null),
  isDpfHrInScope: vendorFields.isDpfHrInScope.default(false),
  transferSafeguard: vendorFields.transferSafeguard.default(null),
  safeguardDetails: vendorFields.safeguardDetails.default(''),
  transferImpactAssessment: vendorFields.transferImpactAssessment.default(null),
  hasMfa: vendorFields.hasMfa.default(null),
  canAccessClientInfrastructure: vendorFields.canAccessClientInfrastructure.default(false),
  clientAccessDescription: vendorFields.clientAccessDescription.default(''),
  status: vendorFields.status.default('active'),
  retiredOn: vendorFields.retiredOn.default(null),
  notes: vendorFields.notes.default(''),
  certifications: vendorFields.certifications.default([]),
});
export type TCreateVendorRequest = z.output<typeof ZCreateVendorRequest>;

export const ZUpdateVendorRequest = z
  .strictObject(vendorFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateVendorRequest = z.output<typeof ZUpdateVendorRequest>;

/** Retiring keeps the vendor in the register's history; without a day it is retired today (Europe/Amsterdam). */
export const ZRetireVendorRequest = z.strictObject({ retiredOn: ZCalendarDate.optional() });
export type TRetireVendorRequest = z.output<typeof ZRetireVendorRequest>;

export const ZListVendorsQuery = z.strictObject({
  ...listQueryFields,
  kind: ZVendorKind.optional(),
  status: ZVendorStatus.optional(),
  country: z.string().trim().max(2).optional(),
  /** Only vendors outside the EEA without adequacy and without a recorded safeguard. */
  needsSafeguard: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  sort: z.enum(['name', 'kind', 'country', 'status', 'updatedAt']).default('name'),
});
export type TListVendorsQuery = z.output<typeof ZListVendorsQuery>;

export const ZVendorPage = pageOf(ZVendor);
