import { z } from 'zod';
import { ZSqlConnectionFields, ZSqlName, ZSqlRecordTypeFields } from '../sql/schema.ts';

/** PostgreSQL connection settings (version 1). `password` is a secret: encrypted at rest, never returned. */
export const ZPostgresConfig = z.object({
  ...ZSqlConnectionFields,
  port: z.number().int().min(1).max(65_535).default(5432),
});
export type TPostgresConfig = z.infer<typeof ZPostgresConfig>;

/** A PostgreSQL table as a record type: schema and table, key, identity, timestamp and anonymisable columns. */
export const ZPostgresRecordType = z.object({ ...ZSqlRecordTypeFields, schema: ZSqlName.default('public') });
export type TPostgresRecordType = z.infer<typeof ZPostgresRecordType>;
