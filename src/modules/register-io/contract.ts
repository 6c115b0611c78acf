import { z } from 'zod';
import { ZSystem } from '../inventory/contract.ts';
import { ZActivity, ZRegisterCompleteness } from '../register/contract.ts';
import { ZVendor } from '../vendors/contract.ts';

/** The register's JSON export: a versioned document, so a reader can tell which shape it holds. */
export const REGISTER_DOCUMENT_FORMAT = 'privacydesk.register';
export const REGISTER_DOCUMENT_VERSION = 1;

export const ZRegisterDocument = z.object({
  format: z.literal(REGISTER_DOCUMENT_FORMAT),
  version: z.literal(REGISTER_DOCUMENT_VERSION),
  exportedAt: z.iso.datetime(),
  locale: z.enum(['nl', 'en']),
  organisation: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kvkNumber: z.string().nullable(),
    street: z.string(),
    postcode: z.string(),
    city: z.string(),
    country: z.string(),
    isController: z.boolean(),
    isProcessor: z.boolean(),
    privacyContact: z
      .object({
        kind: z.enum(['dpo', 'privacy_officer']),
        name: z.string(),
        email: z.string(),
        phone: z.string().nullable(),
        isExternal: z.boolean(),
        organisation: z.string().nullable(),
      })
      .nullable(),
  }),
  dataCategories: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      nameNl: z.string(),
      nameEn: z.string(),
      description: z.string(),
      isSpecial: z.boolean(),
      isCriminal: z.boolean(),
      isNationalId: z.boolean(),
      isFinancial: z.boolean(),
      isCredentials: z.boolean(),
      isCommunicationContent: z.boolean(),
      isArchived: z.boolean(),
    }),
  ),
  subjectCategories: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      nameNl: z.string(),
      nameEn: z.string(),
      description: z.string(),
      isVulnerable: z.boolean(),
      isArchived: z.boolean(),
    }),
  ),
  vendors: z.array(ZVendor),
  systems: z.array(ZSystem),
  activities: z.array(ZActivity),
  completeness: ZRegisterCompleteness,
});
export type TRegisterDocument = z.infer<typeof ZRegisterDocument>;
