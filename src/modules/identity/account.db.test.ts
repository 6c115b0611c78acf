import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditActionsSince, auditHead, rowCount } from '../../../test/db.ts';
import { createPerson, linkTokenFromOutbox, TEST_PASSWORD } from '../../../test/factories.ts';
import { currentTotpCode } from '../../platform/crypto/totp.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { passwordResets, recoveryCodes, sessions, users } from './tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const NEW_PASSWORD = 'een-heel-nieuw-wachtwoord';

async function userRow(id: string) {
  const [row] = await app.ctx.db.select().from(users).where(eq(users.id, id));
  return row as typeof users.$inferSelect;
}

/** A person signed in on two more devices besides their own client. */
async function personWithDevices() {
  const person = await createPerson(app, { locale: 'en' });
  const laptop = new TestClient(app.http);
  const phone = new TestClient(app.http);
  await laptop.signIn(person.email, TEST_PASSWORD);
  await phone.signIn(person.email, TEST_PASSWORD);
  return { person, laptop, phone };
}

describe('my sessions', () => {
  it('lists my active sessions only, marking the current one', async () => {
    const { person, laptop } = await personWithDevices();
    const other = await createPerson(app);
    const listed = await laptop.get('/api/me/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(3);
    expect(listed.body.sessions.filter((session: { isCurrent: boolean }) => session.isCurrent)).toHaveLength(1);
    const ids = listed.body.sessions.map((session: { id: string }) => session.id);
    const owned = await app.ctx.db.select({ id: sessions.id, userId: sessions.userId }).from(sessions);
    for (const id of ids) expect(owned.find((row) => row.id === id)?.userId).toBe(person.id);
    expect(owned.some((row) => row.userId === other.id && ids.includes(row.id))).toBe(false);
  });

  it('revokes one session, after which its cookie no longer works', async () => {
    const { person, laptop, phone } = await personWithDevices();
    const phoneSession = (await phone.get('/api/me/sessions')).body.sessions.find(
      (session: { isCurrent: boolean }) => session.isCurrent,
    );
    const before = await auditHead(app);
    const response = await laptop.delete(`/api/me/sessions/${phoneSession.id}`);
    expect(response.status).toBe(204);
    const refused = await phone.get('/api/me');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('sign_in_required');
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await person.client.get('/api/me')).status).toBe(200);
    expect(await auditActionsSince(app, 'instance', before.seq)).toEqual(['session.revoked']);
    const again = await laptop.delete(`/api/me/sessions/${phoneSession.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('session_not_found');
  });

  it('signs out everywhere else', async () => {
    const { person, laptop, phone } = await personWithDevices();
    const response = await laptop.post('/api/me/sessions/revoke-others');
    expect(response.status).toBe(200);
    expect(response.body.revoked).toBe(2);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await person.client.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
    const active = await rowCount(app, sessions, and(eq(sessions.userId, person.id), isNull(sessions.revokedAt)));
    expect(active).toBe(1);
  });

  it('ends a session that stayed idle longer than the idle limit (24 hours by default)', async () => {
    const person = await createPerson(app);
    app.clock.advance(24 * 60 * 60_000 - 60_000);
    expect((await person.client.get('/api/me')).status).toBe(200);
    app.clock.advance(24 * 60 * 60_000 - 1000);
    expect((await person.client.get('/api/me')).status).toBe(200);
    app.clock.advance(24 * 60 * 60_000);
    expect((await person.client.get('/api/me')).status).toBe(401);
  });
});

describe('changing my password', () => {
  it('changes it, ends my other sessions and keeps this one', async () => {
    const { person, laptop, phone } = await personWithDevices();
    const response = await laptop.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await person.client.get('/api/me')).status).toBe(401);
    const fresh = new TestClient(app.http);
    expect((await fresh.post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await fresh.post('/api/auth/sign-in', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses a wrong current password with a field error, changing nothing', async () => {
    const person = await createPerson(app, { locale: 'en' });
    const hashBefore = (await userRow(person.id)).passwordHash;
    const response = await person.client.post('/api/me/password', {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'currentPassword', code: 'password_wrong', message: 'The password is incorrect.' },
    ]);
    expect((await userRow(person.id)).passwordHash).toBe(hashBefore);
  });

  it('refuses a weak new password with field errors', async () => {
    const person = await createPerson(app, { email: 'marieke.devries@example.nl' });
    const response = await person.client.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'marieke.devries',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { code: string }) => error.code)).toEqual(['password_contains_email']);
    expect(response.body.errors[0].message).toBe('Het wachtwoord mag uw e-mailadres niet bevatten.');
  });
});

describe('password reset by e-mailed link', () => {
  const resetToken = (email: string) => linkTokenFromOutbox(app, email, /token=([\w-]+)/);

  it('mails a one-time link that sets a new password and ends every session', async () => {
    const { person, laptop } = await personWithDevices();
    const response = await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    expect(response.status).toBe(202);
    const [mail] = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, person.email));
    expect(mail).toMatchObject({
      template: 'identity.password_reset',
      locale: 'en',
      status: 'held',
      isSensitive: true,
      subject: 'Reset your privacydesk password',
    });
    expect(app.ctx.secrets.open(mail?.bodySealed as string)).toContain('http://privacydesk.test/reset-password?token=');

    const token = await resetToken(person.email);
    const confirm = (password: string) =>
      new TestClient(app.http, { locale: 'en' }).post('/api/auth/password-reset/confirm', { token, password });
    expect((await confirm(NEW_PASSWORD)).status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await person.client.get('/api/me')).status).toBe(401);
    const fresh = new TestClient(app.http);
    expect((await fresh.post('/api/auth/sign-in', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);

    const reused = await confirm('nog-een-ander-wachtwoord');
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('reset_link_invalid');
  });

  it('sends at most three reset mails an hour to one address, answering every request the same', async () => {
    const person = await createPerson(app);
    const mailsTo = async () =>
      (await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, person.email))).length;
    for (let request = 0; request < 5; request += 1) {
      const response = await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
      expect(response.status).toBe(202);
    }
    expect(await mailsTo()).toBe(3);
    app.clock.advance(61 * 60_000);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    expect(await mailsTo()).toBe(4);
  });

  it('answers an unknown address the same, and mails nothing', async () => {
    const person = await createPerson(app);
    const known = await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const mailsBefore = await rowCount(app, mailMessages);
    const resetsBefore = await rowCount(app, passwordResets);
    const response = await new TestClient(app.http).post('/api/auth/password-reset', { email: 'nobody@example.nl' });
    expect(response.status).toBe(202);
    expect([response.body, response.headers['content-type']]).toEqual([known.body, known.headers['content-type']]);
    expect(await rowCount(app, mailMessages)).toBe(mailsBefore);
    expect(await rowCount(app, passwordResets)).toBe(resetsBefore);
  });

  it('stops working after 60 minutes', async () => {
    const person = await createPerson(app);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const token = await resetToken(person.email);
    app.clock.advance(60 * 60_000);
    const late = await new TestClient(app.http).post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('reset_link_invalid');
    expect((await person.client.get('/api/me')).status).toBe(200);
  });

  it('keeps the link usable when the new password is refused', async () => {
    const person = await createPerson(app);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const token = await resetToken(person.email);
    const client = new TestClient(app.http);
    const weak = await client.post('/api/auth/password-reset/confirm', { token, password: 'wachtwoord123' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ path: 'password', code: 'password_common' });
    const unused = await rowCount(
      app,
      passwordResets,
      and(eq(passwordResets.userId, person.id), isNull(passwordResets.usedAt)),
    );
    expect(unused).toBe(1);
    expect((await client.post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
  });

  it('refuses a link mailed before the password was changed', async () => {
    const person = await createPerson(app);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const token = await resetToken(person.email);
    const changed = await person.client.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(204);
    const stale = await new TestClient(app.http).post('/api/auth/password-reset/confirm', {
      token,
      password: 'nog-een-ander-wachtwoord',
    });
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe('reset_link_invalid');
    const signIn = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: person.email,
      password: NEW_PASSWORD,
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses the other links once one of them has reset the password', async () => {
    const person = await createPerson(app);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const earlier = await resetToken(person.email);
    app.clock.advance(60_000);
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const later = await resetToken(person.email);
    expect(later).not.toBe(earlier);
    const client = new TestClient(app.http);
    expect(
      (await client.post('/api/auth/password-reset/confirm', { token: later, password: NEW_PASSWORD })).status,
    ).toBe(204);
    const stale = await client.post('/api/auth/password-reset/confirm', {
      token: earlier,
      password: 'nog-een-ander-wachtwoord',
    });
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe('reset_link_invalid');
  });

  it('unlocks a locked account', async () => {
    const person = await createPerson(app);
    const guesser = new TestClient(app.http);
    for (let failure = 1; failure <= 5; failure += 1) {
      await guesser.post('/api/auth/sign-in', { email: person.email, password: 'wrong password!!' });
    }
    expect((await userRow(person.id)).lockedUntil).not.toBeNull();
    await new TestClient(app.http).post('/api/auth/password-reset', { email: person.email });
    const token = await resetToken(person.email);
    await new TestClient(app.http).post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    const signIn = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: person.email,
      password: NEW_PASSWORD,
    });
    expect(signIn.status).toBe(200);
  });
});

describe('my profile', () => {
  it('changes name and language; errors then come in that language', async () => {
    const person = await createPerson(app, { locale: 'nl' });
    const response = await person.client.patch('/api/me', { name: '  Anna de Boer ', locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Anna de Boer', locale: 'en', email: person.email });
    expect(await userRow(person.id)).toMatchObject({ name: 'Anna de Boer', locale: 'en' });
    const problem = await person.client.delete('/api/me/sessions/00000000-0000-4000-8000-000000000000');
    expect(problem.body.detail).toBe('This session does not exist or has already ended.');
  });

  it('refuses an empty change', async () => {
    const person = await createPerson(app, { locale: 'en' });
    const response = await person.client.patch('/api/me', {});
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: '', code: 'nothing_to_change', message: 'Nothing to change.' }]);
  });
});

describe('two-factor settings', () => {
  it('enrols: a secret with its QR code, then a correct code switches it on', async () => {
    const person = await createPerson(app, { locale: 'en' });
    const started = await person.client.post('/api/me/totp/enrolment');
    expect(started.status).toBe(200);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await userRow(person.id)).totpSecretSealed).toBeNull();

    const wrong = await person.client.post('/api/me/totp/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'code', code: 'totp_wrong' });
    const code = currentTotpCode(started.body.secret, app.clock.now());
    const confirmed = await person.client.post('/api/me/totp/enrolment/confirm', { code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const row = await userRow(person.id);
    expect(row.totpSecretSealed).not.toBeNull();
    expect(row.totpSecretSealed).not.toContain(started.body.secret);
    expect(app.ctx.secrets.open(row.totpSecretSealed as string)).toBe(started.body.secret);
    expect((await person.client.get('/api/me')).body.hasTotp).toBe(true);
    expect((await person.client.post('/api/me/totp/enrolment')).body.code).toBe('totp_already_enabled');
  });

  it('replaces recovery codes and switches off, both only with the password', async () => {
    const person = await createPerson(app, { withTotp: true });
    const wrong = await person.client.post('/api/me/recovery-codes', { password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'password', code: 'password_wrong' });
    const replaced = await person.client.post('/api/me/recovery-codes', { password: TEST_PASSWORD });
    expect(replaced.status).toBe(200);
    expect(replaced.body.recoveryCodes).toHaveLength(10);
    expect(await rowCount(app, recoveryCodes, eq(recoveryCodes.userId, person.id))).toBe(10);

    expect((await person.client.post('/api/me/totp/disable', { password: 'not my password' })).status).toBe(400);
    expect((await userRow(person.id)).totpSecretSealed).not.toBeNull();
    expect((await person.client.post('/api/me/totp/disable', { password: TEST_PASSWORD })).status).toBe(204);
    expect(await userRow(person.id)).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null });
    expect(await rowCount(app, recoveryCodes, eq(recoveryCodes.userId, person.id))).toBe(0);
    const signIn = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: person.email,
      password: TEST_PASSWORD,
    });
    expect(signIn.body.status).toBe('signed_in');
    const noCodes = await person.client.post('/api/me/recovery-codes', { password: TEST_PASSWORD });
    expect(noCodes.status).toBe(409);
    expect(noCodes.body.code).toBe('totp_not_enabled');
  });
});
