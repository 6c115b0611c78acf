import { z } from 'zod';
import { ZCalendarDate } from '../../shared/lists.ts';
import { ZCountryCode } from '../organisations/contract.ts';

/** What applying a template or the guided start would do: per entity, create or skip (never overwrite). */
export const ZPlanEntry = z.object({
  name: z.string(),
  action: z.enum(['create', 'skip']),
  /** Why it is skipped (`exists`), or what it links to. */
  reason: z.string().nullable(),
});
export const ZRegisterPlan = z.object({
  dataCategories: z.array(ZPlanEntry),
  subjectCategories: z.array(ZPlanEntry),
  vendors: z.array(ZPlanEntry),
  systems: z.array(ZPlanEntry),
  activities: z.array(ZPlanEntry),
});
export type TRegisterPlan = z.infer<typeof ZRegisterPlan>;

export const ZPlanResult = z.object({
  created: z.object({
    dataCategories: z.number().int(),
    subjectCategories: z.number().int(),
    vendors: z.number().int(),
    systems: z.number().int(),
    activities: z.number().int(),
  }),
});

export const ZTemplateId = z.enum(['ict_provider', 'freelancer', 'webshop']);
export const ZTemplateSummary = z.object({
  id: ZTemplateId,
  name: z.string(),
  description: z.string(),
  counts: z.object({ activities: z.number().int(), systems: z.number().int(), vendors: z.number().int() }),
});
export const ZTemplateList = z.object({ templates: z.array(ZTemplateSummary) });

/** A provider named in the guided start: who, and where they keep the data. */
export const ZProviderAnswer = z.strictObject({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  country: ZCountryCode,
  region: z.string().trim().max(200).default(''),
  /** Since when the provider keeps the data there; null: not known yet ("fill in later"), never assumed to be today. */
  since: ZCalendarDate.nullable().default(null),
});

export const ZGuidedStartAnswers = z.strictObject({
  businessKind: z.enum(['ict_provider', 'freelancer', 'webshop', 'other']),
  hasStaff: z.boolean(),
  hasApplicants: z.boolean(),
  hasWebshop: z.boolean(),
  hasNewsletter: z.boolean(),
  /** The newsletter also goes to existing customers (soft opt-in, Art. 11.7(3) Telecommunicatiewet). */
  mailsExistingCustomers: z.boolean().default(false),
  /** Business clients (their contact persons: Art. 6(1)(f)) or consumers and sole traders (Art. 6(1)(b)). */
  clients: z.enum(['business', 'private']).default('business'),
  /** What the person confirms; null: not known. Only confirmed measures are written into the register. */
  security: z
    .strictObject({
      mfaOnAllAccounts: z.boolean().nullable().default(null),
      backupsEncrypted: z.boolean().nullable().default(null),
    })
    .default({ mfaOnAllAccounts: null, backupsEncrypted: null }),
  mailProvider: ZProviderAnswer.nullable().default(null),
  accountingPackage: ZProviderAnswer.nullable().default(null),
  crm: ZProviderAnswer.nullable().default(null),
  hostingProvider: ZProviderAnswer.nullable().default(null),
  backupProvider: ZProviderAnswer.extend({
    /** Where the offsite copy is kept, when there is one. */
    offsiteCountry: ZCountryCode.nullable().default(null),
    offsiteRegion: z.string().trim().max(200).default(''),
  })
    .nullable()
    .default(null),
});
export type TGuidedStartAnswers = z.output<typeof ZGuidedStartAnswers>;

export const ZTemplateQuery = z.strictObject({ locale: z.enum(['nl', 'en']).optional() });
