import { z } from 'zod';
import { ZCalendarDate, ZRef } from '../../shared/lists.ts';

// Processor agreements (Art. 28): shared by the API, the web client and the CLI. No Node imports.

/** supplier: a vendor processes for us; client: we process for a client organisation. */
export const AGREEMENT_DIRECTIONS = ['supplier', 'client'] as const;
export const ZAgreementDirection = z.enum(AGREEMENT_DIRECTIONS);
export type TAgreementDirection = z.infer<typeof ZAgreementDirection>;

/** What people set; `expiring` and `expired` follow from the end date and today. */
export const STORED_AGREEMENT_STATUSES = ['none', 'draft', 'sent', 'signed', 'terminated'] as const;
export const AGREEMENT_STATUSES = ['none', 'draft', 'sent', 'signed', 'expiring', 'expired', 'terminated'] as const;
export const ZStoredAgreementStatus = z.enum(STORED_AGREEMENT_STATUSES);
export const ZAgreementStatus = z.enum(AGREEMENT_STATUSES);
export type TAgreementStatus = z.infer<typeof ZAgreementStatus>;

/** The agreement itself, the Dutch ICT sector's Data Pro Statement beside a standard agreement, or anything else. */
export const AGREEMENT_DOCUMENT_KINDS = ['agreement', 'data_pro_statement', 'other'] as const;
export const ZAgreementDocumentKind = z.enum(AGREEMENT_DOCUMENT_KINDS);

/** How many days before its end a signed agreement counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 60;
/** The largest agreement document: 10 MiB. */
export const MAX_AGREEMENT_DOCUMENT_BYTES = 10 * 1024 * 1024;

const ZIds = z.array(z.uuid()).max(200);
const ZText = (max: number) => z.string().trim().max(max);

const agreementFields = {
  vendorId: z.uuid().nullable().describe('The supplier (direction supplier)'),
  clientOrgId: z.uuid().nullable().describe('A client organisation this organisation manages (direction client)'),
  externalName: ZText(200).describe('A client outside privacydesk (direction client, no clientOrgId)'),
  externalContact: ZText(500),
  title: ZText(200),
  services: ZText(4000).describe('The services the agreement covers'),
  systemIds: ZIds,
  activityIds: ZIds,
  subProcessorVendorIds: ZIds.describe('Sub-processors the agreement allows'),
  startDate: ZCalendarDate.nullable(),
  endDate: ZCalendarDate.nullable().describe('End of the term; none for an agreement for an indefinite period'),
  term: ZText(500).describe('Term and notice, in words'),
  status: ZStoredAgreementStatus,
  signedByName: ZText(200),
  signedOn: ZCalendarDate.nullable(),
  documentKind: ZAgreementDocumentKind,
  notes: ZText(4000),
};

export const ZCreateAgreement = z.strictObject({
  direction: ZAgreementDirection,
  vendorId: agreementFields.vendorId.default(null),
  clientOrgId: agreementFields.clientOrgId.default(null),
  externalName: agreementFields.externalName.default(''),
  externalContact: agreementFields.externalContact.default(''),
  title: agreementFields.title.default(''),
  services: agreementFields.services.default(''),
  systemIds: agreementFields.systemIds.default([]),
  activityIds: agreementFields.activityIds.default([]),
  subProcessorVendorIds: agreementFields.subProcessorVendorIds.default([]),
  startDate: agreementFields.startDate.default(null),
  endDate: agreementFields.endDate.default(null),
  term: agreementFields.term.default(''),
  status: agreementFields.status.default('draft'),
  signedByName: agreementFields.signedByName.default(''),
  signedOn: agreementFields.signedOn.default(null),
  documentKind: agreementFields.documentKind.default('agreement'),
  notes: agreementFields.notes.default(''),
});
export type TCreateAgreement = z.input<typeof ZCreateAgreement>;

export const ZUpdateAgreement = z.strictObject(agreementFields).partial();
export type TUpdateAgreement = z.infer<typeof ZUpdateAgreement>;

/** One Art. 28(3) item: ticked, and where the agreement says it (article, page). */
export const ZChecklistEntry = z.strictObject({
  isPresent: z.boolean(),
  reference: ZText(300).default(''),
});
export const ZUpdateChecklist = z.strictObject({
  items: z.record(z.string().max(20), ZChecklistEntry).describe('By Art. 28(3) item id (subject, a … h)'),
});
export type TUpdateChecklist = z.input<typeof ZUpdateChecklist>;

export const ZChecklistItem = z.object({
  id: z.string(),
  text: z.string(),
  isPresent: z.boolean(),
  reference: z.string(),
});

export const ZAgreementDocument = z.object({
  id: z.uuid(),
  kind: ZAgreementDocumentKind,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const ZAgreement = z.object({
  id: z.uuid(),
  direction: ZAgreementDirection,
  counterparty: z.object({
    kind: z.enum(['vendor', 'client_org', 'external']),
    id: z.uuid().nullable(),
    name: z.string(),
    contact: z.string(),
  }),
  title: z.string(),
  services: z.string(),
  systems: z.array(ZRef),
  activities: z.array(ZRef),
  subProcessors: z.array(ZRef),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  term: z.string(),
  status: ZAgreementStatus,
  storedStatus: ZStoredAgreementStatus,
  signedByName: z.string(),
  signedOn: z.string().nullable(),
  documentKind: ZAgreementDocumentKind,
  notes: z.string(),
  checklist: z.array(ZChecklistItem),
  missingItems: z.array(z.string()).describe('The Art. 28(3) items the agreement does not show yet'),
  documents: z.array(ZAgreementDocument),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAgreement = z.infer<typeof ZAgreement>;
export const ZAgreementList = z.object({ items: z.array(ZAgreement) });

export const ZAgreementCoverage = z.object({
  vendorsWithoutAgreement: z.array(ZRef),
  clientsWithoutAgreement: z.array(ZRef),
  expiringSoon: z.array(ZRef.extend({ endDate: z.string() })),
});
export type TAgreementCoverage = z.infer<typeof ZAgreementCoverage>;

export const ZAgreementDocumentQuery = z.strictObject({
  fileName: z.string().trim().max(200).default('').describe('The file’s name (required), ending in .pdf'),
  kind: ZAgreementDocumentKind.default('agreement'),
});
