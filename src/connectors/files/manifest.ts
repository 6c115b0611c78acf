import type { ConnectorManifest } from '../connector.ts';
import { FilesConnector } from './files-connector.ts';
import { type TFilesConfig, type TFilesRecordType, ZFilesConfig, ZFilesRecordType } from './schema.ts';

/** Files in a directory (CVs, letters): matched by name pattern and modification time, deleted by unlink. */
export const filesManifest: ConnectorManifest<TFilesConfig, TFilesRecordType> = {
  kind: 'files',
  configVersion: 1,
  capabilities: {
    canIntrospect: true,
    canDelete: true,
    canAnonymise: false,
    canRead: true,
    canWrite: true,
    canFindSubject: true,
  },
  configSchema: ZFilesConfig,
  secretFields: [],
  recordTypeSchema: ZFilesRecordType,
  isRetrySafe: true,
  // A file name may name a person, but not reliably enough to honour a legal hold on them.
  identityFields: () => [{ field: 'name', kind: 'other' }],
  open: (config) => new FilesConnector(config),
};
