import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../db/columns.ts';

/** Every e-mail the system sent or would send. Bodies are sealed: they may hold one-time links. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    orgId: uuid('org_id'),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    bodySealed: text('body_sealed').notNull(),
    /** Holds a secret (sign-in or invitation link): the outbox shows it redacted. */
    isSensitive: boolean('is_sensitive').notNull().default(false),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamptz('next_attempt_at'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
  },
  (table) => [
    index('mail_messages_org_idx').on(table.orgId, table.createdAt),
    index('mail_messages_status_idx').on(table.status, table.nextAttemptAt),
  ],
);
