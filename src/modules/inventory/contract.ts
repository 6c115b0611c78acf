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

export const ZSystemKind = z.enum([
  'crm',
  'mailbox',
  'administration',
  'hosting',
  'backup',
  'file_share',
  'website',
  'webshop',
  'ticketing',
  'hr',
  'payment',
  'newsletter',
  'analytics',
  'other',
]);
export type TSystemKind = z.infer<typeof ZSystemKind>;

export const ZLocationRole = z.enum(['primary', 'replica', 'backup', 'offsite_backup']);
export type TLocationRole = z.infer<typeof ZLocationRole>;

export const ZLocation = z.object({
  id: z.uuid(),
  system: ZRef,
  role: ZLocationRole,
  country: z.string(),
  region: z.string(),
  providerVendor: ZRef.nullable(),
  /** First day; null: not known yet, to be filled in (never assumed to be the day it was recorded). */
  since: z.string().nullable(),
  /** Last day (inclusive); null: still there. */
  until: z.string().nullable(),
  transferSafeguard: ZTransferSafeguard.nullable(),
  safeguardDetails: z.string(),
  transferImpactAssessment: ZTransferImpactAssessment.nullable(),
  /** For a backup: days a copy is kept before the rotation overwrites it; null: not recorded. */
  rotationDays: z.number().int().nullable(),
  notes: z.string(),
  /** The transfer check for this country on the location's last day (or today). */
  transfer: ZTransferStatus,
});
export type TLocation = z.infer<typeof ZLocation>;
export const ZLocationPage = pageOf(ZLocation);

const locationFields = {
  role: ZLocationRole,
  country: ZCountryCode,
  region: z.string().trim().max(200),
  providerVendorId: z.uuid().nullable(),
  /** Null: not known yet ("fill in later"). */
  since: ZCalendarDate.nullable(),
  until: ZCalendarDate.nullable(),
  transferSafeguard: ZTransferSafeguard.nullable(),
  safeguardDetails: z.string().trim().max(2000),
  transferImpactAssessment: ZTransferImpactAssessment.nullable(),
  rotationDays: z.number().int().min(0).max(36_500).nullable(),
  notes: z.string().trim().max(2000),
};

const untilNotBeforeSince = (value: { since?: string | null; until?: string | null }) =>
  !value.since || !value.until || value.since <= value.until;

export const ZCreateLocationRequest = z
  .strictObject({
    ...locationFields,
    region: locationFields.region.default(''),
    providerVendorId: locationFields.providerVendorId.default(null),
    until: locationFields.until.default(null),
    transferSafeguard: locationFields.transferSafeguard.default(null),
    safeguardDetails: locationFields.safeguardDetails.default(''),
    transferImpactAssessment: locationFields.transferImpactAssessment.default(null),
    rotationDays: locationFields.rotationDays.default(null),
    notes: locationFields.notes.default(''),
  })
  .refine(untilNotBeforeSince, { path: ['until'], error: 'validation.date_range_reversed' });
export type TCreateLocationRequest = z.output<typeof ZCreateLocationRequest>;

export const ZUpdateLocationRequest = z
  .strictObject(locationFields)
  .partial()
  .refine(untilNotBeforeSince, { path: ['until'], error: 'validation.date_range_reversed' })
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateLocationRequest = z.output<typeof ZUpdateLocationRequest>;

export const ZSystem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZSystemKind,
  vendor: ZRef.nullable(),
  description: z.string(),
  isMfaEnforced: z.boolean().nullable(),
  isEncryptedAtRest: z.boolean().nullable(),
  status: z.enum(['active', 'retired']),
  /** Who answers for the system (a member of the organisation). */
  owner: ZRef.nullable(),
  dataCategoryIds: z.array(z.uuid()),
  locations: z.array(ZLocation),
  /** How many activities use it. */
  usage: z.object({ activities: z.number().int() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TSystem = z.infer<typeof ZSystem>;

const systemFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  kind: ZSystemKind,
  vendorId: z.uuid().nullable(),
  description: z.string().trim().max(5000),
  isMfaEnforced: z.boolean().nullable(),
  isEncryptedAtRest: z.boolean().nullable(),
  status: z.enum(['active', 'retired']),
  ownerUserId: z.uuid().nullable(),
  /** Replaces the system's data categories as a whole. */
  dataCategoryIds: z.array(z.uuid()).max(200),
};

export const ZCreateSystemRequest = z.strictObject({
  ...systemFields,
  vendorId: systemFields.vendorId.default(null),
  description: systemFields.description.default(''),
  isMfaEnforced: systemFields.isMfaEnforced.default(null),
  isEncryptedAtRest: systemFields.isEncryptedAtRest.default(null),
  status: systemFields.status.default('active'),
  ownerUserId: systemFields.ownerUserId.default(null),
  dataCategoryIds: systemFields.dataCategoryIds.default([]),
  /** Locations to record with the new system. */
  locations: z.array(ZCreateLocationRequest).max(50).default([]),
});
export type TCreateSystemRequest = z.output<typeof ZCreateSystemRequest>;

export const ZUpdateSystemRequest = z
  .strictObject(systemFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateSystemRequest = z.output<typeof ZUpdateSystemRequest>;

export const ZListSystemsQuery = z.strictObject({
  ...listQueryFields,
  kind: ZSystemKind.optional(),
  status: z.enum(['active', 'retired']).optional(),
  vendorId: z.uuid().optional(),
  dataCategoryId: z.uuid().optional(),
  sort: z.enum(['name', 'kind', 'status', 'updatedAt']).default('name'),
});
export type TListSystemsQuery = z.output<typeof ZListSystemsQuery>;

export const ZSystemPage = pageOf(ZSystem);

/** "Where was the data on date D": locations in force on that day, optionally of some roles or one system. */
export const ZLocationsOnQuery = z.strictObject({
  on: ZCalendarDate,
  role: z
    .union([ZLocationRole, z.array(ZLocationRole)])
    .optional()
    .transform((value) => (value === undefined ? undefined : [value].flat())),
  systemId: z.uuid().optional(),
});
export type TLocationsOnQuery = z.output<typeof ZLocationsOnQuery>;
export const ZLocationList = z.object({
  on: z.string(),
  locations: z.array(ZLocation),
  /** Locations whose first day is not recorded yet and that may have held the data that day: unknown, not "yes". */
  unknownSince: z.array(ZLocation),
});

/** "Since when have all our backups been inside the EEA?" */
export const ZEeaStatusQuery = z.strictObject({
  roles: z
    .string()
    .default('backup,offsite_backup')
    .transform((value) => value.split(',').map((role) => role.trim()))
    .pipe(z.array(ZLocationRole).min(1)),
  /** Count countries with an adequacy decision as inside (the EEA alone when false). */
  includeAdequate: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type TEeaStatusQuery = z.output<typeof ZEeaStatusQuery>;

export const ZEeaStatus = z.object({
  roles: z.array(ZLocationRole),
  includeAdequate: z.boolean(),
  /** Today's answer: every location of these roles in force today is inside. */
  isAllInsideNow: z.boolean(),
  /**
   * The first day from which every location of these roles has been inside, without interruption, up to today;
   * null when one is outside today or none is recorded.
   */
  allInsideSince: z.string().nullable(),
  /** The earliest `since` of any location of these roles: what the records reach back to. */
  recordsSince: z.string().nullable(),
  /** The locations outside, past and present: the evidence for the answer. */
  outside: z.array(ZLocation),
  /** Locations whose first day is not recorded yet: `allInsideSince` cannot reach back past them. */
  unknownSince: z.array(ZLocation),
  countriesValidAsOf: z.string(),
});
export type TEeaStatus = z.infer<typeof ZEeaStatus>;
