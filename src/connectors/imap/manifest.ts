import type { ConnectorManifest } from '../connector.ts';
import { ImapConnector } from './imap-connector.ts';
import { type TImapConfig, type TImapRecordType, ZImapConfig, ZImapRecordType } from './schema.ts';

/** A mailbox over IMAP: messages in chosen folders, deleted with UID STORE \Deleted + UID EXPUNGE. */
export const imapManifest: ConnectorManifest<TImapConfig, TImapRecordType> = {
  kind: 'imap',
  configVersion: 1,
  capabilities: {
    canIntrospect: true,
    canDelete: true,
    canAnonymise: false,
    canRead: true,
    canWrite: true,
    canFindSubject: true,
  },
  configSchema: ZImapConfig,
  secretFields: ['password'],
  recordTypeSchema: ZImapRecordType,
  isRetrySafe: true,
  // Addresses are lists; a hold on a person matches any of them. The subject line is no identity field.
  identityFields: () => [
    { field: 'from', kind: 'email' },
    { field: 'to', kind: 'email' },
    { field: 'cc', kind: 'email' },
  ],
  open: (config, options) => new ImapConnector(config, options),
};
