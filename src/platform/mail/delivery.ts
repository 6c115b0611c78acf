import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Database } from '../db/database.ts';
import type { JobHandler, JobQueue } from '../jobs/definition.ts';
import { renderHtml } from './layout.ts';
import { deliverMailJob, findDueMessageIds, requeueStuckMessages, sweepOutboxJob } from './outbox.ts';
import { afterFailedAttempt, describeSmtpError, STUCK_SENDING_MS } from './retry-policy.ts';
import { mailMessages } from './tables.ts';

export interface MailDeliveryOptions {
  db: Database;
  secrets: SecretBox;
  jobs: JobQueue;
  transport: Transporter | null;
  from: string;
  now: () => Date;
}

/**
 * An SMTP transport for `SMTP_URL`, or null without one (mail is then held in the outbox). The timeouts keep a
 * hanging server from holding a message in `sending` anywhere near the time after which the sweeper retries it;
 * the URL's own query parameters override them.
 */
export async function createSmtpTransport(smtpUrl: string | undefined): Promise<Transporter | null> {
  if (!smtpUrl) return null;
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
}

type MailRow = typeof mailMessages.$inferSelect;

/**
 * Takes a message for sending: flips it from `queued` to `sending` if it is due, in one statement, so of two
 * workers (or two jobs for one message) only one gets it, and a message waiting out its backoff is left alone.
 */
async function claimMessage(db: Database, messageId: string, now: Date): Promise<MailRow | undefined> {
  const claimed = await db
    .update(mailMessages)
    .set({ status: 'sending', nextAttemptAt: now })
    .where(
      and(
        eq(mailMessages.id, messageId),
        eq(mailMessages.status, 'queued'),
        or(isNull(mailMessages.nextAttemptAt), lte(mailMessages.nextAttemptAt, now)),
      ),
    )
    .returning();
  return claimed[0];
}

/** Delivers one message if it is due; a failure goes back in the queue with a backoff, or ends as `failed`. */
export async function deliverMessage(options: MailDeliveryOptions, messageId: string): Promise<void> {
  const { db, transport, now } = options;
  const message = await claimMessage(db, messageId, now());
  if (!message) return;
  if (!transport) {
    await db.update(mailMessages).set({ status: 'held' }).where(eq(mailMessages.id, messageId));
    return;
  }
  const attempts = message.attempts + 1;
  try {
    const providerMessageId = await sendMessage(options, transport, message);
    await db
      .update(mailMessages)
      .set({ status: 'sent', attempts, sentAt: now(), lastError: null, providerMessageId })
      .where(eq(mailMessages.id, messageId));
  } catch (error) {
    await db
      .update(mailMessages)
      .set({ ...afterFailedAttempt(attempts, now()), attempts, lastError: describeSmtpError(error) })
      .where(eq(mailMessages.id, messageId));
  }
}

async function sendMessage(options: MailDeliveryOptions, transport: Transporter, message: MailRow) {
  const text = options.secrets.open(message.bodySealed);
  const info = await transport.sendMail({
    from: options.from,
    // An address object, never a string: nodemailer would split a string with a comma into several recipients.
    to: { name: '', address: message.recipient },
    subject: message.subject,
    text,
    html: renderHtml(message.subject, text, message.locale),
    headers: { 'X-Privacydesk-Message': message.id },
  });
  return (info.messageId as string | undefined) ?? null;
}

/** Wakes delivery of every message that is due, and of messages a crashed instance left in `sending`. */
export async function sweepOutbox(options: MailDeliveryOptions): Promise<number> {
  if (!options.transport) return 0;
  const current = options.now();
  await requeueStuckMessages(options.db, new Date(current.getTime() - STUCK_SENDING_MS));
  const ids = await findDueMessageIds(options.db, current);
  for (const messageId of ids) await options.jobs.send(deliverMailJob, { messageId });
  return ids.length;
}

export function mailJobHandlers(options: MailDeliveryOptions): JobHandler[] {
  return [
    {
      definition: deliverMailJob,
      handle: (payload: { messageId: string }) => deliverMessage(options, payload.messageId),
    },
    {
      definition: sweepOutboxJob,
      handle: async () => void (await sweepOutbox(options)),
    },
  ] as JobHandler[];
}
