import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { mailMessages } from '../../platform/mail/tables.ts';

let app: TestApp;
/** The same database served by an instance with SMTP configured (the mail server itself is never reached). */
let smtpApp: TestApp;
let org: TestOrganisation;
let plainMessageId: string;

beforeAll(async () => {
  app = await createTestApp();
  smtpApp = await createTestApp({ database: app.database, clock: app.clock, env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  org = await createOrganisation(app);
  for (const name of ['een', 'twee', 'drie']) {
    await org.owner.client.post(`/api/orgs/${org.id}/invitations`, { email: `${name}@example.nl`, role: 'viewer' });
    app.clock.advance(1000);
  }
  plainMessageId = await inTransaction(app.ctx.db, (tx, afterCommit) =>
    app.ctx.outbox.queue(
      tx,
      {
        orgId: org.id,
        to: 'info@example.nl',
        locale: 'nl',
        template: 'test.notice',
        subject: 'Kennisgeving',
        text: 'Gewone tekst',
      },
      afterCommit,
    ),
  );
  await new TestClient(app.http).post('/api/auth/password-reset', { email: org.owner.email });
});
afterAll(async () => {
  await smtpApp?.close();
  await app?.close();
});

async function messageRow(id: string) {
  const [row] = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return row as typeof mailMessages.$inferSelect;
}

describe('the outbox', () => {
  it("lists the organisation's mail newest first, held while no SMTP server is configured", async () => {
    const response = await org.owner.client.get(`/api/orgs/${org.id}/outbox`);
    expect(response.status).toBe(200);
    expect(response.body.isSmtpConfigured).toBe(false);
    expect(response.body.messages.map((m: { recipient: string }) => m.recipient)).toEqual([
      'info@example.nl',
      'drie@example.nl',
      'twee@example.nl',
      'een@example.nl',
    ]);
    expect(response.body.messages[1]).toMatchObject({
      status: 'held',
      template: 'organisations.invitation',
      attempts: 0,
    });
    expect(response.body.messages[1]).not.toHaveProperty('body');
    expect(JSON.stringify(response.body)).not.toContain(org.owner.email);
  });

  it('pages with a cursor and filters by status', async () => {
    const first = await org.owner.client.get(`/api/orgs/${org.id}/outbox?limit=3`);
    expect(first.body.messages).toHaveLength(3);
    const next = await org.owner.client.get(
      `/api/orgs/${org.id}/outbox?limit=3&before=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.messages.map((m: { recipient: string }) => m.recipient)).toEqual(['een@example.nl']);
    expect(next.body.nextCursor).toBeNull();
    expect((await org.owner.client.get(`/api/orgs/${org.id}/outbox?status=sent`)).body.messages).toEqual([]);
  });

  it('pages through messages queued in one transaction (same created-at) without losing any', async () => {
    const other = await createOrganisation(app);
    const ids = await inTransaction(app.ctx.db, async (tx, afterCommit) => {
      const queued: string[] = [];
      for (const to of ['a@example.nl', 'b@example.nl', 'c@example.nl']) {
        const mail = {
          orgId: other.id,
          to,
          locale: 'nl' as const,
          template: 'test.batch',
          subject: 'Batch',
          text: 'x',
        };
        queued.push(await app.ctx.outbox.queue(tx, mail, afterCommit));
      }
      return queued;
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&before=${encodeURIComponent(cursor)}` : '';
      const page = await other.owner.client.get(`/api/orgs/${other.id}/outbox?limit=1${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.messages.map((m: { id: string }) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('shows a message’s text, but never one that holds a one-time link', async () => {
    const plain = await org.owner.client.get(`/api/orgs/${org.id}/outbox/${plainMessageId}`);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ body: 'Gewone tekst', isSensitive: false, subject: 'Kennisgeving' });

    const list = await org.owner.client.get(`/api/orgs/${org.id}/outbox?limit=2`);
    const invitationId = list.body.messages[1].id;
    const sensitive = await org.owner.client.get(`/api/orgs/${org.id}/outbox/${invitationId}`);
    expect(sensitive.body).toMatchObject({ body: null, isSensitive: true, recipient: 'drie@example.nl' });
    expect(JSON.stringify(sensitive.body)).not.toContain('/invitations/');
  });

  it('answers 404 for an unknown message and is for privacy officers and owners only', async () => {
    const unknown = await org.owner.client.get(`/api/orgs/${org.id}/outbox/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('message_not_found');
    const editor = await addMember(app, org, 'editor');
    expect((await editor.client.get(`/api/orgs/${org.id}/outbox`)).status).toBe(403);
    expect((await editor.client.get(`/api/orgs/${org.id}/outbox/${plainMessageId}`)).status).toBe(403);
  });
});

describe('retrying a message', () => {
  it('is refused without an SMTP server, changing nothing', async () => {
    const before = await messageRow(plainMessageId);
    const response = await org.owner.client.post(`/api/orgs/${org.id}/outbox/${plainMessageId}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('smtp_not_configured');
    expect(await messageRow(plainMessageId)).toEqual(before);
    expect(app.jobs.sent).toEqual([]);
  });

  it('requeues a held or failed message once SMTP is configured, and wakes the delivery job', async () => {
    const owner = new TestClient(smtpApp.http);
    await owner.signIn(org.owner.email, org.owner.password);
    await app.ctx.db
      .update(mailMessages)
      .set({ status: 'failed', attempts: 5 })
      .where(eq(mailMessages.id, plainMessageId));
    const before = await auditHead(app, org.id);
    const response = await owner.post(`/api/orgs/${org.id}/outbox/${plainMessageId}/retry`);
    expect(response.status).toBe(202);
    expect(await messageRow(plainMessageId)).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: null });
    expect(smtpApp.jobs.sent).toEqual([{ name: 'mail.deliver', payload: { messageId: plainMessageId } }]);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'mail.retried',
      actorId: org.owner.id,
      targetType: 'mail',
      targetId: plainMessageId,
    });

    const queued = await owner.post(`/api/orgs/${org.id}/outbox/${plainMessageId}/retry`);
    expect(queued.status).toBe(409);
    expect(queued.body.code).toBe('message_not_retryable');
    const unknown = await owner.post(`/api/orgs/${org.id}/outbox/00000000-0000-4000-8000-000000000000/retry`);
    expect(unknown.status).toBe(404);
    expect(smtpApp.jobs.sent).toHaveLength(1);
  });
});
