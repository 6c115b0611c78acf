import type { ConnectorManifest } from '../connector.ts';
import { HttpConnector } from './http-connector.ts';
import { type THttpConfig, type THttpRecordType, ZHttpConfig, ZHttpRecordType } from './schema.ts';

/** A CRM or other application with a JSON API: items listed and deleted through configured endpoints. */
export const httpManifest: ConnectorManifest<THttpConfig, THttpRecordType> = {
  kind: 'http',
  configVersion: 1,
  capabilities: {
    canIntrospect: false,
    canDelete: true,
    canAnonymise: false,
    canRead: false,
    canWrite: false,
    canFindSubject: true,
  },
  configSchema: ZHttpConfig,
  secretFields: ['authHeaderValue'],
  recordTypeSchema: ZHttpRecordType,
  isRetrySafe: true,
  // The API's identity fields are configured without a kind; a legal hold on a person matches e-mail values.
  identityFields: (recordType) => recordType.identityFields.map((field) => ({ field, kind: 'email' as const })),
  open: (config, options) => new HttpConnector(config, options),
};
