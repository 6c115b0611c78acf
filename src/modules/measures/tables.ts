import { customType, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';

/** Binary data; PGlite hands it back as a Uint8Array, node-postgres as a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The register of technical and organisational measures (Art. 32): from the catalogue (`catalogueKey`, at most
 * once per organisation) or the organisation's own, with status, owner, review date, ISO/IEC 27001:2022 Annex A
 * controls and the systems and vendors it applies to (none: the whole organisation).
 */
export const securityMeasures = pgTable(
  'security_measures',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    catalogueKey: text('catalogue_key'),
    /** Empty for a catalogue measure: its title is the catalogue's, in the reader's language. */
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    /** planned | in_place | not_applicable */
    status: text('status').notNull().default('planned'),
    notApplicableReason: text('not_applicable_reason'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewDate: date('review_date', { mode: 'string' }),
    /** The review date a reminder went out for: one reminder per review date, whatever instance runs the job. */
    reviewRemindedFor: date('review_reminded_for', { mode: 'string' }),
    controls: jsonb('controls').$type<string[]>().notNull().default([]),
    systemIds: jsonb('system_ids').$type<string[]>().notNull().default([]),
    vendorIds: jsonb('vendor_ids').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('security_measures_org_idx').on(table.orgId),
    uniqueIndex('security_measures_org_catalogue_key').on(table.orgId, table.catalogueKey),
  ],
);

/** Proof that a measure is in place: a file (sealed with the instance key), a link or a note. */
export const securityMeasureEvidence = pgTable(
  'security_measure_evidence',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => securityMeasures.id, { onDelete: 'cascade' }),
    /** file | link | note */
    kind: text('kind').notNull(),
    fileName: text('file_name'),
    /** The type its bytes show (PDF, PNG, JPEG), never the type it was sent with. */
    mediaType: text('media_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    /** The file, sealed with `SecretBox.sealBytes`. */
    contentSealed: bytea('content_sealed'),
    url: text('url'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('security_measure_evidence_measure_idx').on(table.orgId, table.measureId)],
);
