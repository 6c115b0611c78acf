import { and, eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Database } from '../db/database.ts';
import type { JobHandler, JobQueue } from '../jobs/definition.ts';
import { renderHtml } from './layout.ts';
import { deliverMailJob, findDueMessageIds, requeueMessages, sweepOutboxJob } from './outbox.ts';
import { mailMessages } from './tables.ts';

const MAX_ATTEMPTS = 5;
const STUCK_AFTER_MS = 15 * 60_000;

export interface MailDeliveryOptions {
  db: Database;
  secrets: SecretBox;
  jobs: JobQueue;
  transport: Transporter | null;
  from: string;
  now: () => Date;
}

export function createSmtpTransport(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** (attempts - 1));
}

/** Delivers one message. Claiming flips `queued` to `sending` atomically, so two workers never send it twice. */
export async function deliverMessage(options: MailDeliveryOptions, messageId: string): Promise<void> {
  const { db, transport, now } = options;
  const claimed = await db
    .update(mailMessages)
    .set({ status: 'sending', nextAttemptAt: now() })
    .where(and(eq(mailMessages.id, messageId), eq(mailMessages.status, 'queued')))
    .returning();
  const message = claimed[0];
  if (!message) return;
  if (!transport) {
    await db.update(mailMessages).set({ status: 'held' }).where(eq(mailMessages.id, messageId));
    return;
  }
  const text = options.secrets.open(message.bodySealed);
  const attempts = message.attempts + 1;
  try {
    const info = await transport.sendMail({
      from: options.from,
      to: message.recipient,
      subject: message.subject,
      text,
      html: renderHtml(message.subject, text, message.locale),
      headers: { 'X-Privacydesk-Message': message.id },
    });
    await db
      .update(mailMessages)
      .set({ status: 'sent', attempts, sentAt: now(), lastError: null, providerMessageId: info.messageId ?? null })
      .where(eq(mailMessages.id, messageId));
  } catch (error) {
    const isFinal = attempts >= MAX_ATTEMPTS;
    await db
      .update(mailMessages)
      .set({
        status: isFinal ? 'failed' : 'queued',
        attempts,
        lastError: describeSmtpError(error),
        nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)),
      })
      .where(eq(mailMessages.id, messageId));
  }
}

/** The SMTP server's reply code and text; no addresses or bodies. */
function describeSmtpError(error: unknown): string {
  const smtp = error as { code?: string; responseCode?: number; message?: string };
  return [smtp.code, smtp.responseCode, smtp.message?.slice(0, 200)].filter(Boolean).join(' ');
}

export function mailJobHandlers(options: MailDeliveryOptions): JobHandler[] {
  return [
    {
      definition: deliverMailJob,
      handle: (payload: { messageId: string }) => deliverMessage(options, payload.messageId),
    },
    {
      definition: sweepOutboxJob,
      async handle() {
        if (!options.transport) return;
        const current = options.now();
        const ids = await findDueMessageIds(options.db, current, new Date(current.getTime() - STUCK_AFTER_MS));
        await requeueMessages(options.db, ids);
        for (const messageId of ids) await options.jobs.send(deliverMailJob, { messageId });
      },
    },
  ] as JobHandler[];
}
