import type { SealedColumn } from './platform/crypto/rotate.ts';

/** Every column that holds a value sealed with the instance key; `privacydesk secrets rotate` re-seals them all. */
export const SEALED_COLUMNS: SealedColumn[] = [
  { table: 'users', column: 'totp_secret_sealed', id: 'id' },
  { table: 'connectors', column: 'secrets_sealed', id: 'id' },
  { table: 'users', column: 'totp_pending_sealed', id: 'id' },
  { table: 'mail_messages', column: 'body_sealed', id: 'id' },
  { table: 'instance_secrets', column: 'sealed', id: 'name' },
  { table: 'subject_requests', column: 'content_sealed', id: 'id' },
  { table: 'subject_request_events', column: 'note_sealed', id: 'id' },
];
