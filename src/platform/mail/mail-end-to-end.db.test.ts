import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { type Application, buildApplication } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import * as identity from '../../modules/identity/service.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../db/testing.ts';
import { inTransaction } from '../db/transaction.ts';
import { mailMessages } from './tables.ts';
import { SmtpTestServer } from './testing.ts';

/**
 * The whole application as a server runs it: real pg-boss workers on the test database, a real SMTP server.
 * A person asks for a password reset; the mail arrives, and its link sets a new password.
 */

const MAIL_FROM = 'privacydesk <noreply@privacydesk.test>';
const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase for privacydesk';

let database: DatabaseHandle;
let smtp: SmtpTestServer;
let app: Application;

beforeAll(async () => {
  smtp = await SmtpTestServer.start();
  database = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'privacydesk-mail-e2e-')),
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS: 'true',
    SMTP_URL: smtp.url(),
    MAIL_FROM,
    PUBLIC_URL: 'http://privacydesk.test',
  });
  app = await buildApplication(config, { database, jobPollingIntervalSeconds: 1, withoutWebApp: true });
  await app.http.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await smtp?.close();
});

async function createUser(email: string): Promise<void> {
  await inTransaction(app.ctx.db, (tx) =>
    identity.createUser(
      app.ctx,
      tx,
      { email, name: 'Anna de Vries', password: OLD_PASSWORD, locale: 'en' },
      { type: 'system', id: 'test' },
    ),
  );
}

describe('password reset by mail, through pg-boss and SMTP', () => {
  it('mails a working reset link to a known person', async () => {
    const email = 'anna.devries@example.nl';
    await createUser(email);
    const client = new TestClient(app.http, { locale: 'en' });

    const requested = await client.post('/api/auth/password-reset', { email });
    expect(requested.status).toBe(202);

    await vi.waitFor(() => expect(smtp.received.length).toBe(1), { timeout: 15_000, interval: 100 });
    const [mail] = smtp.received;
    expect(mail?.envelopeTo).toEqual([email]);
    expect(mail?.headers.get('from')).toBe(MAIL_FROM);
    expect(mail?.headers.get('subject')).toBe('Reset your privacydesk password');
    expect(mail?.text).toMatch(/^Hello Anna de Vries,/);
    const link = /http:\/\/privacydesk\.test\/reset-password\?token=(\S+)/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    expect(mail?.html).toContain(`<a href="${link?.[0]}">`);

    const confirmed = await client.post('/api/auth/password-reset/confirm', {
      token: decodeURIComponent(link?.[1] ?? ''),
      password: NEW_PASSWORD,
    });
    expect(confirmed.status).toBe(204);
    expect((await client.post('/api/auth/sign-in', { email, password: NEW_PASSWORD })).status).toBe(200);
    expect((await client.post('/api/auth/sign-in', { email, password: OLD_PASSWORD })).status).toBe(401);

    const [row] = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, email));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, template: 'identity.password_reset' });
  });

  it('answers the same for an unknown address and mails nothing', async () => {
    const before = smtp.received.length;
    const client = new TestClient(app.http, { locale: 'en' });
    const requested = await client.post('/api/auth/password-reset', { email: 'nobody@example.nl' });
    expect(requested.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.received.length).toBe(before);
  });
});
