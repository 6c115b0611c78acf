import { z } from 'zod';
import { ZSqlConnectionFields, ZSqlRecordTypeFields } from '../sql/schema.ts';

/** MySQL/MariaDB connection settings (version 1). `password` is a secret: encrypted at rest, never returned. */
export const ZMysqlConfig = z.object({
  ...ZSqlConnectionFields,
  port: z.number().int().min(1).max(65_535).default(3306),
});
export type TMysqlConfig = z.infer<typeof ZMysqlConfig>;

/** A table of the configured database as a record type: key, identity, timestamp and anonymisable columns. */
export const ZMysqlRecordType = z.object(ZSqlRecordTypeFields);
export type TMysqlRecordType = z.infer<typeof ZMysqlRecordType>;
