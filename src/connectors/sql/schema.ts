import { z } from 'zod';
import { IDENTITY_FIELD_KINDS } from '../connector.ts';

/**
 * Settings and record types shared by the PostgreSQL and MySQL/MariaDB connectors. No Node imports: the web UI
 * builds its forms from these schemas.
 */

/** `disable`: plain TCP; `require`: TLS without checking the certificate; `verify-full`: TLS with a checked certificate and host name. */
export const ZSqlSslMode = z.enum(['disable', 'require', 'verify-full']);
export type TSqlSslMode = z.infer<typeof ZSqlSslMode>;

/** A SQL identifier as a person types it; it is checked against the live schema and quoted, never pasted. */
export const ZSqlName = z.string().trim().min(1).max(128);

/** What an identity column holds; `customer_number`, `iban` and `bsn` are searched by discovery only. */
export const ZIdentityKind = z.enum(IDENTITY_FIELD_KINDS);

export const ZSqlConnectionFields = {
  host: z.string().trim().min(1).max(255),
  database: ZSqlName,
  user: z.string().min(1).max(128),
  password: z.string().max(1024),
  sslMode: ZSqlSslMode.default('disable'),
  connectTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
};

export const ZSqlRecordTypeFields = {
  table: ZSqlName,
  /** The column that identifies a row (usually the primary key); find() pages through it. */
  keyColumn: ZSqlName,
  identityColumns: z
    .array(z.object({ column: ZSqlName, kind: ZIdentityKind }))
    .max(20)
    .default([]),
  /** Columns a policy may use as its start event (timestamptz, timestamp/DATETIME, TIMESTAMP or date). */
  timestampColumns: z.array(ZSqlName).max(20).default([]),
  /** Columns anonymise() may overwrite; empty means none. */
  anonymisableColumns: z.array(ZSqlName).max(50).default([]),
  /**
   * Only for an archive target: the column that stores the source record's key. It needs a unique constraint;
   * write() inserts a copy once per source key and leaves an existing copy as it is.
   */
  sourceKeyColumn: ZSqlName.optional(),
};

export const ZSqlRecordType = z.object(ZSqlRecordTypeFields);
export type TSqlRecordType = z.infer<typeof ZSqlRecordType>;
