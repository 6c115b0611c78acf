import { customType, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../../platform/db/columns.ts';
import { organisations } from '../../organisations/tables.ts';
import { subjectRequests } from '../tables.ts';

/** What a package holds: per system and record type, the files and how many records. */
export type PackageContents = { system: string; recordType: string; records: number; files: string[] }[];

/** Binary data; PGlite hands it back as a Uint8Array, node-postgres as a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * An export package for a request (access, portability): a ZIP with the person's records per system and an
 * overview PDF, built by a job, sealed with the instance key (AES-256-GCM) and offered to the person through an
 * expiring link that works a limited number of times. The package is dropped when the link expires.
 */
export const subjectRequestExports = pgTable(
  'subject_request_exports',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => subjectRequests.id, { onDelete: 'cascade' }),
    /** queued | building | ready | failed | expired */
    status: text('status').notNull(),
    /** Why a build failed: a stable code (`connector_unreachable`, …), never personal data. */
    error: text('error'),
    /** The ZIP, sealed with `SecretBox.sealBytes`; null until built and again once expired. */
    packageSealed: bytea('package_sealed'),
    /** Size of the ZIP (not of the sealed bytes), records in it, and the ZIP's SHA-256. */
    sizeBytes: integer('size_bytes'),
    recordCount: integer('record_count'),
    sha256: text('sha256'),
    /** What the package holds per system and record type, for the download page: no values, only names and counts. */
    contents: jsonb('contents').$type<PackageContents>(),
    downloadTokenHash: text('download_token_hash'),
    expiresAt: timestamptz('expires_at'),
    downloadCount: integer('download_count').notNull().default(0),
    requestedBy: text('requested_by'),
    createdAt: createdAt(),
    builtAt: timestamptz('built_at'),
    lastDownloadedAt: timestamptz('last_downloaded_at'),
  },
  (table) => [
    index('subject_request_exports_request_idx').on(table.orgId, table.requestId, table.createdAt),
    uniqueIndex('subject_request_exports_token_key').on(table.downloadTokenHash),
  ],
);
