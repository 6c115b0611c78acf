import { z } from 'zod';

export const ZMailStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'held']);

export const ZOutboxMessage = z.object({
  id: z.uuid(),
  recipient: z.string(),
  locale: z.string(),
  template: z.string(),
  subject: z.string(),
  status: ZMailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxPage = z.object({
  messages: z.array(ZOutboxMessage),
  /** False: no SMTP_URL is set, so mail stays here (status `held`) instead of going out. */
  isSmtpConfigured: z.boolean(),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: z.uuid().nullable(),
});

export const ZOutboxMessageDetail = ZOutboxMessage.extend({
  /** The text as sent; null when it held a one-time link, which the outbox never shows. */
  body: z.string().nullable(),
  isSensitive: z.boolean(),
});

export const ZListOutboxQuery = z.strictObject({
  status: ZMailStatus.optional(),
  /** The previous page's `nextCursor`: messages after that one, newest first. */
  before: z.uuid({ error: 'validation.invalid_id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
