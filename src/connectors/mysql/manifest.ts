import type { ConnectorManifest } from '../connector.ts';
import { createSqlConnector } from '../sql/sql-connector.ts';
import { type TMysqlConfig, type TMysqlRecordType, ZMysqlConfig, ZMysqlRecordType } from './schema.ts';
import { mysqlDialect, openMysqlSession } from './session.ts';

/** MySQL and MariaDB through `mysql2`: tables of one database as record types, every operation keyed and idempotent. */
export const mysqlManifest: ConnectorManifest<TMysqlConfig, TMysqlRecordType> = {
  kind: 'mysql',
  configVersion: 1,
  capabilities: {
    canIntrospect: true,
    canDelete: true,
    canAnonymise: true,
    canRead: true,
    canWrite: true,
    canFindSubject: true,
  },
  configSchema: ZMysqlConfig,
  secretFields: ['password'],
  recordTypeSchema: ZMysqlRecordType,
  isRetrySafe: true,
  findsAheadWhileActing: true,
  identityFields: (recordType) => recordType.identityColumns.map(({ column, kind }) => ({ field: column, kind })),
  open: (config, options) =>
    createSqlConnector<TMysqlRecordType>({
      session: openMysqlSession(config, options),
      dialect: mysqlDialect,
      tableOf: (recordType) => ({ schema: null, name: recordType.table }),
    }),
};
