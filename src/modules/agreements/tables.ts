import { customType, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { vendors } from '../vendors/tables.ts';

/** Binary data; PGlite hands it back as a Uint8Array, node-postgres as a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/** An Art. 28(3) item as recorded: present or not, and where the agreement says it. */
export type ChecklistEntry = { isPresent: boolean; reference: string };

/**
 * Processor agreements (Art. 28) in both directions: with a supplier (a vendor processes for us) or with a client
 * (we process for a client organisation we manage, or an external one named here).
 */
export const processorAgreements = pgTable(
  'processor_agreements',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** supplier | client */
    direction: text('direction').notNull(),
    /** Set null when the vendor or client organisation is deleted: the agreement's record stays. */
    vendorId: uuid('vendor_id').references(() => vendors.id, { onDelete: 'set null' }),
    clientOrgId: uuid('client_org_id').references(() => organisations.id, { onDelete: 'set null' }),
    externalName: text('external_name').notNull().default(''),
    externalContact: text('external_contact').notNull().default(''),
    title: text('title').notNull().default(''),
    services: text('services').notNull().default(''),
    systemIds: jsonb('system_ids').$type<string[]>().notNull().default([]),
    activityIds: jsonb('activity_ids').$type<string[]>().notNull().default([]),
    subProcessorVendorIds: jsonb('sub_processor_vendor_ids').$type<string[]>().notNull().default([]),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    term: text('term').notNull().default(''),
    /** none | draft | sent | signed | terminated (expiring and expired follow from the end date) */
    status: text('status').notNull().default('draft'),
    signedByName: text('signed_by_name').notNull().default(''),
    signedOn: date('signed_on', { mode: 'string' }),
    /** agreement | data_pro_statement | other */
    documentKind: text('document_kind').notNull().default('agreement'),
    notes: text('notes').notNull().default(''),
    /** By Art. 28(3) item id (reference/gdpr-items.json). */
    checklist: jsonb('checklist').$type<Record<string, ChecklistEntry>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('processor_agreements_org_idx').on(table.orgId),
    index('processor_agreements_vendor_idx').on(table.vendorId),
    index('processor_agreements_client_idx').on(table.clientOrgId),
  ],
);

/** A signed agreement (or the Data Pro Statement beside it) as a PDF, sealed with the instance key. */
export const processorAgreementDocuments = pgTable(
  'processor_agreement_documents',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => processorAgreements.id, { onDelete: 'cascade' }),
    /** agreement | data_pro_statement | other */
    kind: text('kind').notNull().default('agreement'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The file, sealed with `SecretBox.sealBytes`. */
    contentSealed: bytea('content_sealed').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('processor_agreement_documents_agreement_idx').on(table.orgId, table.agreementId)],
);
