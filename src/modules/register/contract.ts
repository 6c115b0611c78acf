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

export const ZActivityRole = z.enum(['controller', 'processor']);
export const ZActivityStatus = z.enum(['draft', 'active', 'retired']);
/** Art. 6(1) a–f (reference/gdpr-items.json `art6_1_legal_bases`). */
export const ZLegalBasis = z.enum(['a', 'b', 'c', 'd', 'e', 'f']);
/** Art. 9(2) a–j. */
export const ZSpecialCategoryGround = z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
export const ZRetentionKind = z.enum(['period', 'until_event']);
export const ZRetentionUnit = z.enum(['days', 'weeks', 'months', 'years']);

export const ZRetention = z.object({
  kind: ZRetentionKind.nullable(),
  amount: z.number().int().nullable(),
  unit: ZRetentionUnit.nullable(),
  startEvent: z.string(),
  reference: z.string(),
  presetId: z.string().nullable(),
});
export type TRetention = z.infer<typeof ZRetention>;

export const ZRetentionInput = z
  .strictObject({
    kind: ZRetentionKind.nullable().default(null),
    amount: z.number().int().min(0).max(1200).nullable().default(null),
    unit: ZRetentionUnit.nullable().default(null),
    startEvent: z.string().trim().max(300).default(''),
    reference: z.string().trim().max(500).default(''),
    /** An id of reference/retention-nl.json `periods`. */
    presetId: z.string().trim().max(100).nullable().default(null),
  })
  .superRefine((value, context) => {
    if (value.kind === 'period' && (value.amount === null || value.unit === null)) {
      context.addIssue({ code: 'custom', path: ['amount'], message: 'validation.retention_period_incomplete' });
    }
    if (value.kind === 'until_event' && !value.startEvent) {
      context.addIssue({ code: 'custom', path: ['startEvent'], message: 'validation.retention_event_required' });
    }
  });

export const ZTransfer = z.object({
  id: z.uuid(),
  country: z.string(),
  recipient: z.string(),
  safeguard: ZTransferSafeguard.nullable(),
  safeguardDetails: z.string(),
  transferImpactAssessment: ZTransferImpactAssessment.nullable(),
  transfer: ZTransferStatus,
});

export const ZTransferInput = z.strictObject({
  country: ZCountryCode,
  recipient: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  safeguard: ZTransferSafeguard.nullable().default(null),
  safeguardDetails: z.string().trim().max(2000).default(''),
  transferImpactAssessment: ZTransferImpactAssessment.nullable().default(null),
});

export const ZControllerKind = z.enum(['managed_org', 'external']);

/**
 * A controller on whose behalf a processor activity is carried out (Art. 30(2)(a)): a client organisation we manage
 * (its name and contact read from it; `organisation` null once it is no longer ours) or an external controller.
 */
export const ZActivityController = z.object({
  id: z.uuid(),
  kind: ZControllerKind,
  organisation: ZRef.nullable(),
  name: z.string(),
  contact: z.string(),
});
export type TActivityController = z.infer<typeof ZActivityController>;

export const ZActivityControllerInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('managed_org'), organisationId: z.uuid() }),
  z.strictObject({
    kind: z.literal('external'),
    name: z.string().trim().min(1, { error: 'validation.required' }).max(300),
    contact: z.string().trim().max(500).default(''),
  }),
]);
export type TActivityControllerInput = z.output<typeof ZActivityControllerInput>;

/** A joint controller (Art. 26) of a controller activity, with the essence of the arrangement. */
export const ZJointController = z.object({
  id: z.uuid(),
  name: z.string(),
  contact: z.string(),
  arrangement: z.string(),
});
export type TJointController = z.infer<typeof ZJointController>;

export const ZJointControllerInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(300),
  contact: z.string().trim().max(500).default(''),
  arrangement: z.string().trim().max(2000).default(''),
});
export type TJointControllerInput = z.output<typeof ZJointControllerInput>;

/** Completeness of one Art. 30 item (or a further check), in plain language. */
export const ZCompletenessItem = z.object({
  /** e.g. `30.1.f`, `6.1`, `9.2`, `dpia`, `review` */
  itemId: z.string(),
  article: z.string(),
  status: z.enum(['complete', 'missing', 'warning']),
  /** `art30`: Art. 30 GDPR requires it; `privacydesk`: a further check privacydesk adds (Art. 6, 9, 10, 26, 35, …). */
  basis: z.enum(['art30', 'privacydesk']),
  /** What the item is about, in the caller's language (Art. 30 items: the label of reference/gdpr-items.json). */
  label: z.string(),
  /** Message key (`register.completeness.<code>`) and its parameters, and the message in the caller's language. */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type TCompletenessItem = z.infer<typeof ZCompletenessItem>;

export const ZCompletenessSummary = z.object({
  isComplete: z.boolean(),
  missing: z.number().int(),
  warnings: z.number().int(),
});

export const ZActivity = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  role: ZActivityRole,
  /** Processor activities: each controller on whose behalf we act (Art. 30(2)(a)). */
  controllers: z.array(ZActivityController),
  /** Controller activities: the joint controllers (Art. 26), named under Art. 30(1)(a). */
  jointControllers: z.array(ZJointController),
  processingCategories: z.string(),
  purposes: z.array(z.string()),
  legalBasis: ZLegalBasis.nullable(),
  legalBasisJustification: z.string(),
  specialCategoryGround: ZSpecialCategoryGround.nullable(),
  criminalDataGround: z.string(),
  subjectCategories: z.array(ZRef),
  dataCategories: z.array(ZRef),
  systems: z.array(ZRef),
  recipients: z.array(ZRef),
  /**
   * The vendors running the activity's systems (or holding their copies) that are not among `recipients`: processors
   * to whom data is disclosed, so recipients under Art. 30(1)(d) as well (Art. 4(9)), listed automatically.
   */
  systemVendors: z.array(ZRef),
  hasNoRecipients: z.boolean(),
  recipientCategories: z.string(),
  transfers: z.array(ZTransfer),
  /**
   * Onward transfers (Art. 44): the sub-processors, at any depth, of the vendors the activity uses (its recipients,
   * its systems' vendors and hosting providers), each judged for this activity.
   */
  onwardTransfers: z.array(z.object({ vendor: ZRef, via: ZRef, country: z.string(), transfer: ZTransferStatus })),
  retention: ZRetention,
  securityMeasures: z.string(),
  isDpiaRequired: z.boolean().nullable(),
  dpiaReason: z.string(),
  owner: ZRef.nullable(),
  reviewDate: z.string().nullable(),
  status: ZActivityStatus,
  completeness: ZCompletenessSummary,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TActivity = z.infer<typeof ZActivity>;

const ZText = (max: number) => z.string().trim().max(max);

const activityFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  description: ZText(5000),
  role: ZActivityRole,
  /** Replaces the activity's controllers as a whole. */
  controllers: z.array(ZActivityControllerInput).max(200),
  /** Replaces the activity's joint controllers as a whole. */
  jointControllers: z.array(ZJointControllerInput).max(20),
  processingCategories: ZText(2000),
  purposes: z.array(z.string().trim().min(1).max(500)).max(20),
  legalBasis: ZLegalBasis.nullable(),
  legalBasisJustification: ZText(5000),
  specialCategoryGround: ZSpecialCategoryGround.nullable(),
  criminalDataGround: ZText(1000),
  subjectCategoryIds: z.array(z.uuid()).max(100),
  dataCategoryIds: z.array(z.uuid()).max(200),
  systemIds: z.array(z.uuid()).max(200),
  recipientVendorIds: z.array(z.uuid()).max(200),
  hasNoRecipients: z.boolean(),
  recipientCategories: ZText(2000),
  /** Replaces the activity's explicit transfers as a whole. */
  transfers: z.array(ZTransferInput).max(50),
  retention: ZRetentionInput,
  securityMeasures: ZText(5000),
  isDpiaRequired: z.boolean().nullable(),
  dpiaReason: ZText(2000),
  ownerUserId: z.uuid().nullable(),
  reviewDate: ZCalendarDate.nullable(),
  status: ZActivityStatus,
};

export const ZCreateActivityRequest = z.strictObject({
  ...activityFields,
  description: activityFields.description.default(''),
  role: activityFields.role.default('controller'),
  controllers: activityFields.controllers.default([]),
  jointControllers: activityFields.jointControllers.default([]),
  processingCategories: activityFields.processingCategories.default(''),
  purposes: activityFields.purposes.default([]),
  legalBasis: activityFields.legalBasis.default(null),
  legalBasisJustification: activityFields.legalBasisJustification.default(''),
  specialCategoryGround: activityFields.specialCategoryGround.default(null),
  criminalDataGround: activityFields.criminalDataGround.default(''),
  subjectCategoryIds: activityFields.subjectCategoryIds.default([]),
  dataCategoryIds: activityFields.dataCategoryIds.default([]),
  systemIds: activityFields.systemIds.default([]),
  recipientVendorIds: activityFields.recipientVendorIds.default([]),
  hasNoRecipients: activityFields.hasNoRecipients.default(false),
  recipientCategories: activityFields.recipientCategories.default(''),
  transfers: activityFields.transfers.default([]),
  retention: ZRetentionInput.default({
    kind: null,
    amount: null,
    unit: null,
    startEvent: '',
    reference: '',
    presetId: null,
  }),
  securityMeasures: activityFields.securityMeasures.default(''),
  isDpiaRequired: activityFields.isDpiaRequired.default(null),
  dpiaReason: activityFields.dpiaReason.default(''),
  ownerUserId: activityFields.ownerUserId.default(null),
  reviewDate: activityFields.reviewDate.default(null),
  status: activityFields.status.default('draft'),
});
export type TCreateActivityRequest = z.output<typeof ZCreateActivityRequest>;

export const ZUpdateActivityRequest = z
  .strictObject(activityFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateActivityRequest = z.output<typeof ZUpdateActivityRequest>;

/**
 * One change for many activities at once: an owner, a review date, or confirming drafts (status `active`, e.g.
 * activities applied from a template). Only the fields given change; retired activities cannot be confirmed.
 */
export const ZBulkUpdateActivitiesRequest = z
  .strictObject({
    activityIds: z.array(z.uuid()).max(1000),
    ownerUserId: activityFields.ownerUserId.optional(),
    reviewDate: activityFields.reviewDate.optional(),
    status: z.literal('active').optional(),
  })
  .refine(
    ({ ownerUserId, reviewDate, status }) =>
      ownerUserId !== undefined || reviewDate !== undefined || status !== undefined,
    { error: 'validation.nothing_to_change' },
  );
export type TBulkUpdateActivitiesRequest = z.output<typeof ZBulkUpdateActivitiesRequest>;

/** How many of the chosen activities changed, and how many already had the values. */
export const ZBulkUpdateActivitiesResult = z.object({ updated: z.number().int(), unchanged: z.number().int() });
export type TBulkUpdateActivitiesResult = z.output<typeof ZBulkUpdateActivitiesResult>;

export const ZListActivitiesQuery = z.strictObject({
  ...listQueryFields,
  role: ZActivityRole.optional(),
  status: ZActivityStatus.optional(),
  legalBasis: ZLegalBasis.optional(),
  dataCategoryId: z.uuid().optional(),
  subjectCategoryId: z.uuid().optional(),
  systemId: z.uuid().optional(),
  vendorId: z.uuid().optional(),
  isComplete: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  /** `completeness` ascending puts the least complete first (most missing items, then most warnings). */
  sort: z.enum(['name', 'status', 'role', 'reviewDate', 'updatedAt', 'completeness']).default('name'),
});
export type TListActivitiesQuery = z.output<typeof ZListActivitiesQuery>;

export const ZActivityPage = pageOf(ZActivity);

export const ZActivityCompleteness = z.object({
  activity: ZRef.extend({ role: ZActivityRole, status: ZActivityStatus }),
  items: z.array(ZCompletenessItem),
  summary: ZCompletenessSummary,
});
export type TActivityCompleteness = z.infer<typeof ZActivityCompleteness>;

export const ZRegisterCompletenessQuery = z.strictObject({
  /** `problems` (default): per activity only the items missing or warned about; `all`: every item. */
  items: z.enum(['problems', 'all']).default('problems'),
});
export type TRegisterCompletenessQuery = z.output<typeof ZRegisterCompletenessQuery>;

export const ZRegisterCompleteness = z.object({
  /** Items about the organisation itself (Art. 30(1)(a) / 30(2)(a): name, contact details, DPO). */
  organisation: z.array(ZCompletenessItem),
  activities: z.array(ZActivityCompleteness),
  summary: z.object({
    isComplete: z.boolean(),
    activities: z.number().int(),
    completeActivities: z.number().int(),
    missing: z.number().int(),
    warnings: z.number().int(),
  }),
});
export type TRegisterCompleteness = z.infer<typeof ZRegisterCompleteness>;

export const ZTransferWarning = z.object({
  source: z.enum(['location', 'vendor', 'activity_transfer']),
  /** The location, vendor or activity-transfer id. */
  id: z.uuid(),
  /** What a person recognises: "Back-up (offsite) of Mail", "Vendor X", "Activity Y → recipient Z". */
  label: z.string(),
  country: z.string(),
  safeguard: ZTransferSafeguard.nullable(),
  transfer: ZTransferStatus,
  system: ZRef.nullable(),
  vendor: ZRef.nullable(),
  activity: ZRef.nullable(),
  /** For a sub-processor: the vendor that engages it (the onward transfer's first step). */
  via: ZRef.nullable(),
});
export type TTransferWarning = z.infer<typeof ZTransferWarning>;

export const ZTransferOverviewQuery = z.strictObject({
  /** Searches the label and the country code. */
  q: z.string().trim().max(100).optional(),
  source: z.enum(['location', 'vendor', 'activity_transfer']).optional(),
  needsSafeguard: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  /** `status`: the ones needing a safeguard first, then by country. */
  sort: z.enum(['status', 'country', 'label']).default('status'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TTransferOverviewQuery = z.output<typeof ZTransferOverviewQuery>;

export const ZScopeQuestion = z.object({
  country: z.string(),
  /** The decision's scope note: what the organisation confirms. */
  scope: z.object({ en: z.string(), nl: z.string() }),
  answer: z.object({ isWithinScope: z.boolean(), note: z.string(), answeredAt: z.iso.datetime() }).nullable(),
});
export type TScopeQuestion = z.infer<typeof ZScopeQuestion>;

export const ZScopeAnswerRequest = z.strictObject({
  isWithinScope: z.boolean(),
  note: z.string().trim().max(2000).default(''),
});
export type TScopeAnswerRequest = z.output<typeof ZScopeAnswerRequest>;

export const ZTransferOverview = z.object({
  /** Every destination outside the EEA (adequate or not), the ones needing a safeguard first. */
  transfers: z.array(ZTransferWarning),
  needsSafeguard: z.number().int(),
  /** The destinations whose adequacy decision has a limited scope, with the organisation's answer (null: open). */
  scopeQuestions: z.array(ZScopeQuestion),
  countriesValidAsOf: z.string(),
});

export const ZConsolidationRow = z.object({
  dataCategory: z.object({
    id: z.uuid(),
    key: z.string(),
    nameNl: z.string(),
    nameEn: z.string(),
    isSpecial: z.boolean(),
    isCriminal: z.boolean(),
    isNationalId: z.boolean(),
  }),
  systems: z.array(ZRef),
  vendors: z.array(ZRef),
  activities: z.array(ZRef),
});
export const ZConsolidation = z.object({ rows: z.array(ZConsolidationRow) });
export type TConsolidation = z.infer<typeof ZConsolidation>;

export const ZConsolidationQuery = z.strictObject({
  /** Searches the category's names and key. */
  q: z.string().trim().max(100).optional(),
  /** Only categories that at least one system, vendor or activity touches. */
  isUsed: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  sort: z.enum(['name', 'vendors', 'systems', 'activities']).default('vendors'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TConsolidationQuery = z.output<typeof ZConsolidationQuery>;

export const ZExportQuery = z.strictObject({
  format: z.enum(['pdf', 'xlsx', 'csv', 'json']),
  locale: z.enum(['nl', 'en']).optional(),
  /** CSV only: one entity's file; without it, a ZIP with one CSV per entity. */
  entity: z.enum(['activities', 'systems', 'locations', 'vendors', 'data_categories', 'subject_categories']).optional(),
  /** A random id the caller chooses to follow the export's progress at `register/export/progress?id=`. */
  progressId: z.uuid().optional(),
});
export type TExportQuery = z.output<typeof ZExportQuery>;

export const ZExportProgressQuery = z.strictObject({ id: z.uuid() });

/**
 * How far an export is: `preparing` (reading the register), `layout` (the PDF's pages laid out so far), `render`
 * (page of pages drawn), `done` (the file is on its way), `failed`.
 */
export const ZExportProgress = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('preparing') }),
  z.object({ phase: z.literal('layout'), pages: z.number().int() }),
  z.object({ phase: z.literal('render'), page: z.number().int(), pages: z.number().int() }),
  z.object({ phase: z.literal('done') }),
  z.object({ phase: z.literal('failed') }),
]);
export type TExportProgress = z.output<typeof ZExportProgress>;

export const ZImportEntity = z.enum(['activities', 'systems', 'vendors']);
export const ZImportQuery = z.strictObject({
  entity: ZImportEntity,
  mode: z.enum(['preview', 'apply']).default('preview'),
});

export const ZImportRowError = z.object({
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const ZImportReport = z.object({
  entity: ZImportEntity,
  rows: z.number().int(),
  isClean: z.boolean(),
  errors: z.array(ZImportRowError),
  /** Set after `apply`: how many entries were created. */
  created: z.number().int().nullable(),
  /** The first rows as they would be created (preview). */
  sample: z.array(z.record(z.string(), z.unknown())),
});
export type TImportReport = z.infer<typeof ZImportReport>;
