import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Database } from '../db/database.ts';
import type { AfterCommit } from '../db/transaction.ts';
import type { Locale } from '../i18n/index.ts';
import { defineJob, type JobQueue } from '../jobs/definition.ts';
import { MAX_DELIVERY_ATTEMPTS } from './retry-policy.ts';
import { mailMessages } from './tables.ts';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  locale: Locale;
  /** Stable template id such as `identity.password_reset`, for the outbox list and tests. */
  template: string;
  subject: string;
  text: string;
  /** The body holds a secret link; the outbox shows it redacted. */
  isSensitive?: boolean;
}

export const deliverMailJob = defineJob({
  name: 'mail.deliver',
  payload: z.object({ messageId: z.uuid() }),
  retryLimit: 0,
});

export const sweepOutboxJob = defineJob({
  name: 'mail.sweep',
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 0,
});

/** Queues mail in the caller's transaction; delivery starts once that transaction has committed. */
export class Outbox {
  readonly #secrets: SecretBox;
  readonly #jobs: JobQueue;
  readonly #isSmtpConfigured: boolean;

  constructor(options: { secrets: SecretBox; jobs: JobQueue; isSmtpConfigured: boolean }) {
    this.#secrets = options.secrets;
    this.#jobs = options.jobs;
    this.#isSmtpConfigured = options.isSmtpConfigured;
  }

  get isSmtpConfigured(): boolean {
    return this.#isSmtpConfigured;
  }

  async queue(tx: Database, mail: OutgoingMail, afterCommit: (fn: AfterCommit) => void): Promise<string> {
    const [row] = await tx
      .insert(mailMessages)
      .values({
        orgId: mail.orgId,
        recipient: mail.to,
        locale: mail.locale,
        template: mail.template,
        subject: mail.subject,
        bodySealed: this.#secrets.seal(mail.text),
        isSensitive: mail.isSensitive ?? false,
        status: this.#isSmtpConfigured ? 'queued' : 'held',
      })
      .returning({ id: mailMessages.id });
    const id = (row as { id: string }).id;
    if (this.#isSmtpConfigured) afterCommit(() => this.#jobs.send(deliverMailJob, { messageId: id }));
    return id;
  }
}

/** Queued messages whose (next) attempt is due: new ones, and those whose backoff has passed. */
export async function findDueMessageIds(db: Database, now: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.status, 'queued'),
        or(isNull(mailMessages.nextAttemptAt), lte(mailMessages.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(mailMessages.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Puts messages claimed before `claimedBefore` and still `sending` back in the queue: their worker died mid-send.
 * The interrupted send counts as an attempt, so a message that keeps killing its worker ends as `failed`. The
 * condition is part of the update, so a message that a live worker is sending right now is never touched.
 */
export async function requeueStuckMessages(db: Database, claimedBefore: Date): Promise<number> {
  const rows = await db
    .update(mailMessages)
    .set({
      status: sql`case when ${mailMessages.attempts} + 1 >= ${MAX_DELIVERY_ATTEMPTS} then 'failed' else 'queued' end`,
      attempts: sql`${mailMessages.attempts} + 1`,
      lastError: 'interrupted while sending',
      nextAttemptAt: null,
    })
    .where(and(eq(mailMessages.status, 'sending'), lte(mailMessages.nextAttemptAt, claimedBefore)))
    .returning({ id: mailMessages.id });
  return rows.length;
}
