import type { ConnectorManifest } from '../connector.ts';
import { createSqlConnector } from '../sql/sql-connector.ts';
import { type TPostgresConfig, type TPostgresRecordType, ZPostgresConfig, ZPostgresRecordType } from './schema.ts';
import { openPostgresSession, postgresDialect } from './session.ts';

/** PostgreSQL through `pg`: tables as record types, every operation keyed and idempotent. */
export const postgresManifest: ConnectorManifest<TPostgresConfig, TPostgresRecordType> = {
  kind: 'postgres',
  configVersion: 1,
  capabilities: {
    canIntrospect: true,
    canDelete: true,
    canAnonymise: true,
    canRead: true,
    canWrite: true,
    canFindSubject: true,
  },
  configSchema: ZPostgresConfig,
  secretFields: ['password'],
  recordTypeSchema: ZPostgresRecordType,
  isRetrySafe: true,
  findsAheadWhileActing: true,
  identityFields: (recordType) => recordType.identityColumns.map(({ column, kind }) => ({ field: column, kind })),
  open: (config, options) =>
    createSqlConnector<TPostgresRecordType>({
      session: openPostgresSession(config, options),
      dialect: postgresDialect,
      tableOf: (recordType) => ({ schema: recordType.schema, name: recordType.table }),
    }),
};
