import { z } from 'zod';
import { ZCalendarDate, ZRef } from '../../shared/lists.ts';

// The register of security measures: shared by the API, the web client and the CLI. No Node imports.

export const MEASURE_STATUSES = ['planned', 'in_place', 'not_applicable'] as const;
export const ZMeasureStatus = z.enum(MEASURE_STATUSES);
export type TMeasureStatus = z.infer<typeof ZMeasureStatus>;

export const FINDING_KINDS = [
  'system_without_mfa',
  'vendor_without_mfa',
  'backup_unencrypted',
  'backup_same_platform',
  'vendor_certification_expired',
  'measure_review_overdue',
] as const;
export const ZFindingKind = z.enum(FINDING_KINDS);
export type TFindingKind = z.infer<typeof ZFindingKind>;

/** The largest evidence file: 10 MiB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const ZControlId = z.string().regex(/^A\.[5-8]\.\d{1,2}$/, { error: 'validation.annex_a_control' });
const ZIds = z.array(z.uuid()).max(200);

const measureFields = {
  title: z.string().trim().max(200),
  description: z.string().trim().max(4000),
  status: ZMeasureStatus,
  notApplicableReason: z.string().trim().max(2000).nullable(),
  ownerUserId: z.uuid().nullable(),
  reviewDate: ZCalendarDate.nullable(),
  controls: z.array(ZControlId).max(30),
  systemIds: ZIds,
  vendorIds: ZIds,
};

export const ZCreateMeasure = z.strictObject({
  catalogueKey: z.string().max(60).nullable().default(null).describe('A catalogue measure, or null for one of its own'),
  title: measureFields.title.default('').describe('Required for a measure of its own; a catalogue one has its title'),
  description: measureFields.description.default(''),
  status: measureFields.status.default('planned'),
  notApplicableReason: measureFields.notApplicableReason
    .default(null)
    .describe('Required when the status is not_applicable'),
  ownerUserId: measureFields.ownerUserId.default(null),
  reviewDate: measureFields.reviewDate.default(null),
  controls: measureFields.controls
    .optional()
    .describe('ISO/IEC 27001:2022 Annex A controls; a catalogue measure has its own when left out'),
  systemIds: measureFields.systemIds.default([]),
  vendorIds: measureFields.vendorIds.default([]),
});
export type TCreateMeasure = z.input<typeof ZCreateMeasure>;

export const ZUpdateMeasure = z
  .strictObject({
    title: measureFields.title,
    description: measureFields.description,
    status: measureFields.status,
    notApplicableReason: measureFields.notApplicableReason,
    ownerUserId: measureFields.ownerUserId,
    reviewDate: measureFields.reviewDate,
    controls: measureFields.controls,
    systemIds: measureFields.systemIds,
    vendorIds: measureFields.vendorIds,
  })
  .partial();
export type TUpdateMeasure = z.infer<typeof ZUpdateMeasure>;

export const ZApplyCatalogue = z.strictObject({
  keys: z.array(z.string().max(60)).max(50).optional().describe('The catalogue measures to add; all when left out'),
});

export const ZAddEvidence = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('link'),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    note: z.string().trim().max(2000).default(''),
  }),
  z.strictObject({
    kind: z.literal('note'),
    note: z.string().trim().min(1, { error: 'validation.required' }).max(4000),
  }),
]);
export type TAddEvidence = z.input<typeof ZAddEvidence>;

export const ZEvidenceFileQuery = z.strictObject({
  // Checked after the measure (a missing name is `required` there), so another organisation's measure is a 404.
  fileName: z
    .string()
    .trim()
    .max(200)
    .default('')
    .describe('The file’s name (required); its extension must match its content'),
  note: z.string().trim().max(2000).default(''),
});

export const ZEvidence = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link', 'note']),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZMeasure = z.object({
  id: z.uuid(),
  catalogueKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  status: ZMeasureStatus,
  notApplicableReason: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  reviewDate: z.string().nullable(),
  isReviewOverdue: z.boolean(),
  controls: z.array(z.string()),
  systems: z.array(ZRef),
  vendors: z.array(ZRef),
  evidence: z.array(ZEvidence),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMeasure = z.infer<typeof ZMeasure>;
export const ZMeasureList = z.object({ items: z.array(ZMeasure) });

export const ZFinding = z.object({
  kind: ZFindingKind,
  target: z.object({ type: z.enum(['system', 'vendor', 'measure']), id: z.uuid(), name: z.string() }),
  /** What to write in the sentence: certification names, the review date. */
  params: z.record(z.string(), z.string()),
  message: z.string(),
  /** The catalogue measure that settles it once in place with evidence (null: update the measure itself). */
  settledBy: z.string().nullable(),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindings = z.object({
  open: z.array(ZFinding),
  covered: z.array(ZFinding.extend({ measureIds: z.array(z.uuid()) })),
});
export type TFindings = z.infer<typeof ZFindings>;

export const ZCatalogueEntry = z.object({
  key: z.string(),
  controls: z.array(z.string()),
  covers: z.array(ZFindingKind),
  title: z.string(),
  description: z.string(),
});
export const ZCatalogue = z.object({ items: z.array(ZCatalogueEntry) });

export const ZActivityMeasuresText = z.object({
  activity: ZRef,
  nl: z.string(),
  en: z.string(),
  measures: z.array(ZRef),
});
export type TActivityMeasuresText = z.infer<typeof ZActivityMeasuresText>;

export const ZMeasuresExportQuery = z.strictObject({
  format: z.enum(['pdf', 'xlsx']),
  locale: z.enum(['nl', 'en']).optional(),
});
