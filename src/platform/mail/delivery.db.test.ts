import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/app.ts';
import { SecretBox } from '../crypto/secret-box.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../db/testing.ts';
import { inTransaction } from '../db/transaction.ts';
import { RecordingQueue } from '../jobs/definition.ts';
import { createSmtpTransport, deliverMessage, type MailDeliveryOptions, sweepOutbox } from './delivery.ts';
import { Outbox, type OutgoingMail } from './outbox.ts';
import { mailMessages } from './tables.ts';
import { SmtpTestServer } from './testing.ts';

const MAIL_FROM = 'privacydesk <noreply@privacydesk.test>';
const MINUTE = 60_000;

let database: DatabaseHandle;
let smtp: SmtpTestServer;
let delivery: MailDeliveryOptions;
let outbox: Outbox;
const clock = new TestClock();
const jobs = new RecordingQueue();
const secrets = new SecretBox('delivery-test-key-0123456789-0123456789-0123456789');

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await SmtpTestServer.start();
  outbox = new Outbox({ secrets, jobs, isSmtpConfigured: true });
  const transport = await createSmtpTransport(smtp.url());
  delivery = { db: database.db, secrets, jobs, transport, from: MAIL_FROM, now: () => clock.now() };
});

afterAll(async () => {
  delivery?.transport?.close();
  await smtp?.close();
  await database?.close();
});

beforeEach(() => {
  smtp.received.length = 0;
  smtp.rejectRecipients = undefined;
  smtp.acceptDelayMs = 0;
  jobs.sent.length = 0;
});

let mailCount = 0;
function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  mailCount += 1;
  return {
    orgId: null,
    to: `person-${mailCount}@example.nl`,
    locale: 'en',
    template: 'test.notice',
    subject: `Notice ${mailCount}`,
    text: 'Hello Ann,\n\nReset here: https://privacydesk.test/reset?token=abc&x=1\n\nKind regards,\nprivacydesk',
    ...overrides,
  };
}

async function queueMail(message: OutgoingMail, into = outbox): Promise<string> {
  return inTransaction(database.db, (tx, afterCommit) => into.queue(tx, message, afterCommit));
}

/** Does what a worker would: runs every `mail.deliver` job sent so far. */
async function runDeliveryJobs(): Promise<void> {
  const pending = jobs.sent.splice(0).filter((job) => job.name === 'mail.deliver');
  for (const job of pending) await deliverMessage(delivery, (job.payload as { messageId: string }).messageId);
}

async function row(id: string) {
  const [found] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!found) throw new Error(`no mail row ${id}`);
  return found;
}

describe('delivery after commit', () => {
  it('wakes delivery only once the transaction has committed, then sends the message over SMTP', async () => {
    const message = mail();
    const id = await inTransaction(database.db, async (tx, afterCommit) => {
      const queued = await outbox.queue(tx, message, afterCommit);
      expect(jobs.sent).toEqual([]);
      return queued;
    });
    expect(jobs.sent).toEqual([{ name: 'mail.deliver', payload: { messageId: id } }]);

    await runDeliveryJobs();

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received?.envelopeTo).toEqual([message.to]);
    expect(received?.envelopeFrom).toBe('noreply@privacydesk.test');
    expect(received?.user).toBe('privacydesk');
    expect(received?.headers.get('from')).toBe(MAIL_FROM);
    expect(received?.headers.get('to')).toBe(message.to);
    expect(received?.headers.get('subject')).toBe(message.subject);
    expect(received?.headers.get('x-privacydesk-message')).toBe(id);
    expect(received?.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(received?.text).toBe(message.text);
    expect(received?.html).toContain(
      '<a href="https://privacydesk.test/reset?token=abc&#38;x=1">https://privacydesk.test/reset?token=abc&#38;x=1</a>',
    );
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: clock.now(),
      lastError: null,
      providerMessageId: expect.stringMatching(/^<.+>$/),
    });
  });

  it('neither stores nor sends a message whose transaction rolls back', async () => {
    const message = mail({ template: 'test.rolled_back' });
    await expect(
      inTransaction(database.db, async (tx, afterCommit) => {
        await outbox.queue(tx, message, afterCommit);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(jobs.sent).toEqual([]);
    const rows = await database.db.select().from(mailMessages).where(eq(mailMessages.template, 'test.rolled_back'));
    expect(rows).toEqual([]);
    await sweepOutbox(delivery);
    await runDeliveryJobs();
    expect(smtp.received.filter((received) => received.envelopeTo.includes(message.to))).toEqual([]);
  });

  it('ignores a delivery job for a message that does not exist', async () => {
    await expect(deliverMessage(delivery, '00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
    expect(smtp.received).toEqual([]);
  });
});

describe('a server that refuses the recipient', () => {
  it('queues the message again with a growing backoff, then fails it after five attempts', async () => {
    smtp.rejectRecipients = { responseCode: 550, message: '5.1.1 mailbox unavailable' };
    const message = mail();
    const id = await queueMail(message);
    await runDeliveryJobs();
    const first = await row(id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(first.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 30_000));
    expect(first.lastError).toContain('550');
    expect(first.lastError).not.toContain(message.to);

    // Not due yet: neither the sweeper nor a stray delivery job tries it again before the backoff has passed.
    expect(await sweepOutbox(delivery)).toBe(0);
    await deliverMessage(delivery, id);
    expect((await row(id)).attempts).toBe(1);

    for (const [attempts, waitMs] of [
      [2, 30_000],
      [3, 60_000],
      [4, 120_000],
    ] as const) {
      clock.advance(waitMs);
      await sweepOutbox(delivery);
      await runDeliveryJobs();
      const retried = await row(id);
      expect(retried).toMatchObject({ status: 'queued', attempts });
      expect(retried.nextAttemptAt).toEqual(new Date(clock.now().getTime() + waitMs * 2));
    }
    clock.advance(240_000);
    await sweepOutbox(delivery);
    await runDeliveryJobs();
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
    expect(failed.lastError).toMatch(/550.*mailbox unavailable/);
    expect(failed.lastError).not.toContain(message.to);

    clock.advance(24 * 60 * MINUTE);
    expect(await sweepOutbox(delivery)).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it('delivers on a later attempt once the server accepts again', async () => {
    smtp.rejectRecipients = { responseCode: 451, message: '4.3.0 try again later' };
    const id = await queueMail(mail());
    await runDeliveryJobs();
    smtp.rejectRecipients = undefined;
    clock.advance(30_000);
    await sweepOutbox(delivery);
    await runDeliveryJobs();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('without SMTP', () => {
  it('holds mail in the outbox and wakes no delivery', async () => {
    const withoutSmtp = new Outbox({ secrets, jobs, isSmtpConfigured: false });
    const id = await queueMail(mail(), withoutSmtp);
    expect(await row(id)).toMatchObject({ status: 'held', attempts: 0 });
    expect(jobs.sent).toEqual([]);
  });

  it('holds a queued message that reaches an instance without a transport', async () => {
    const id = await queueMail(mail());
    await deliverMessage({ ...delivery, transport: null }, id);
    expect(await row(id)).toMatchObject({ status: 'held', attempts: 0 });
    expect(await sweepOutbox({ ...delivery, transport: null })).toBe(0);
    expect(smtp.received).toEqual([]);
  });
});

describe('concurrency and crashes', () => {
  it('sends a message once when two workers try to deliver it at the same time', async () => {
    const message = mail();
    const id = await queueMail(message);
    await Promise.all([deliverMessage(delivery, id), deliverMessage(delivery, id), deliverMessage(delivery, id)]);
    expect(smtp.received.filter((received) => received.envelopeTo.includes(message.to))).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves a message alone while a worker is sending it', async () => {
    const id = await queueMail(mail());
    smtp.acceptDelayMs = 500;
    const sending = deliverMessage(delivery, id);
    await sleep(200);
    expect((await row(id)).status).toBe('sending');
    expect(await sweepOutbox(delivery)).toBe(0);
    await sending;
    await runDeliveryJobs();
    expect(smtp.received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('queues again a message left in sending by a crashed instance, and delivers it', async () => {
    const id = await queueMail(mail());
    await database.db
      .update(mailMessages)
      .set({ status: 'sending', nextAttemptAt: clock.now() })
      .where(eq(mailMessages.id, id));
    jobs.sent.length = 0;

    clock.advance(10 * MINUTE);
    expect(await sweepOutbox(delivery)).toBe(0);
    expect((await row(id)).status).toBe('sending');

    clock.advance(6 * MINUTE);
    expect(await sweepOutbox(delivery)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'interrupted while sending' });
    await runDeliveryJobs();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails a message that was interrupted on its last attempt instead of sending it forever', async () => {
    const id = await queueMail(mail());
    await database.db
      .update(mailMessages)
      .set({ status: 'sending', attempts: 4, nextAttemptAt: clock.now() })
      .where(eq(mailMessages.id, id));
    clock.advance(16 * MINUTE);
    await sweepOutbox(delivery);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 5, lastError: 'interrupted while sending' });
    await runDeliveryJobs();
    expect(smtp.received).toEqual([]);
  });
});
