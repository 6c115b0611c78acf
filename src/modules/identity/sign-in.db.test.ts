import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditActionsSince, auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { createPerson, enrolTwoFactor, TEST_PASSWORD, type TestPerson } from '../../../test/factories.ts';
import { currentTotpCode } from '../../platform/crypto/totp.ts';
import { recoveryCodes, sessions, users } from './tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

async function userRow(id: string) {
  const [row] = await app.ctx.db.select().from(users).where(eq(users.id, id));
  return row as typeof users.$inferSelect;
}

async function sessionCount(userId: string) {
  return rowCount(app, sessions, and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

describe('sign-in with a password', () => {
  it('signs a person in, hands out a CSRF token and records the session and the event', async () => {
    const person = await createPerson(app);
    const before = await auditHead(app);
    const client = new TestClient(app.http, { ip: '203.0.113.7' });
    const response = await client.request(
      'POST',
      '/api/auth/sign-in',
      { email: person.email.toUpperCase(), password: TEST_PASSWORD },
      { 'user-agent': FIREFOX },
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('signed_in');
    expect(response.body.session.user.email).toBe(person.email);
    expect(response.body.session.isFullyAuthenticated).toBe(true);
    expect(response.body.session.csrfToken).toMatch(/.{20,}/);
    expect(String(response.headers['set-cookie'])).toMatch(/pd_session=.+; .*HttpOnly; SameSite=Lax/);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(person.email);

    const listed = await client.get('/api/me/sessions');
    const current = listed.body.sessions.find((session: { isCurrent: boolean }) => session.isCurrent);
    expect(current).toMatchObject({ userAgent: 'Firefox / Windows', ipPrefix: '203.0.113.0/24' });
    const entries = await auditEntriesSince(app, 'instance', before.seq);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([['auth.signed_in', person.id]]);
  });

  it('refuses a wrong password with a localised problem and counts the failure', async () => {
    const person = await createPerson(app);
    const client = new TestClient(app.http, { locale: 'en' });
    const response = await client.post('/api/auth/sign-in', { email: person.email, password: 'wrong password!!' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 401,
      code: 'invalid_credentials',
      title: 'Not signed in',
      detail: expect.stringMatching(/^The e-mail address or password is incorrect\. After too many failed attempts/),
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect((await userRow(person.id)).failedSignInCount).toBe(1);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('answers an unknown e-mail address exactly like a wrong password, recording only a hash', async () => {
    const person = await createPerson(app);
    const before = await auditHead(app);
    const wrong = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: person.email,
      password: 'wrong password!!',
    });
    const unknown = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: 'nobody-here@example.nl',
      password: 'wrong password!!',
    });
    expect(unknown.status).toBe(wrong.status);
    const { correlationId: _a, ...unknownProblem } = unknown.body;
    const { correlationId: _b, ...wrongProblem } = wrong.body;
    expect(unknownProblem).toEqual(wrongProblem);
    const entries = await auditEntriesSince(app, 'instance', before.seq);
    const anonymous = entries.find((entry) => entry.actorType === 'anonymous');
    expect(anonymous?.action).toBe('auth.sign_in_failed');
    expect(JSON.stringify(anonymous)).not.toContain('nobody-here');
    expect(anonymous?.data.emailHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('locks the account at the fifth failure for 15 minutes, even for the right password', async () => {
    const person = await createPerson(app);
    const client = new TestClient(app.http, { locale: 'en' });
    const attempt = (password: string) => client.post('/api/auth/sign-in', { email: person.email, password });
    for (let failure = 1; failure <= 5; failure += 1) {
      expect((await attempt('wrong password!!')).body.code).toBe('invalid_credentials');
    }
    const sessionsBefore = await sessionCount(person.id);
    const whileLocked = await attempt(TEST_PASSWORD);
    expect(whileLocked.status).toBe(401);
    expect(whileLocked.body).toMatchObject({
      code: 'invalid_credentials',
      detail: expect.stringContaining('an account stays locked for 15 minutes'),
    });
    expect(await sessionCount(person.id)).toBe(sessionsBefore);
    expect((await userRow(person.id)).lockedUntil?.getTime()).toBe(app.clock.now().getTime() + 15 * 60_000);

    app.clock.advance(15 * 60_000 - 1000);
    expect((await attempt(TEST_PASSWORD)).status).toBe(401);
    app.clock.advance(1000);
    const unlocked = await attempt(TEST_PASSWORD);
    expect(unlocked.status).toBe(200);
    expect(await userRow(person.id)).toMatchObject({ failedSignInCount: 0, lockedUntil: null });
    expect(await sessionCount(person.id)).toBe(sessionsBefore + 1);
  });

  it('answers a locked account exactly like an unknown address, so the lock-out tells no one who has an account', async () => {
    const person = await createPerson(app);
    const unknownEmail = 'not-registered-here@example.nl';
    const attempt = (email: string) =>
      new TestClient(app.http).post('/api/auth/sign-in', { email, password: 'wrong password!!' });
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let round = 1; round <= 7; round += 1) {
      for (const [kind, email] of [
        ['known', person.email],
        ['unknown', unknownEmail],
      ] as const) {
        const { correlationId: _id, ...problem } = (await attempt(email)).body;
        answers[kind].push({ status: problem.status, problem });
      }
    }
    expect((await userRow(person.id)).lockedUntil).not.toBeNull();
    expect(answers.known).toEqual(answers.unknown);
  });

  it('counts failed attempts made in parallel, each of them', async () => {
    const person = await createPerson(app);
    const before = await auditHead(app);
    const attempts = Array.from({ length: 5 }, () =>
      new TestClient(app.http).post('/api/auth/sign-in', { email: person.email, password: 'wrong password!!' }),
    );
    const codes = (await Promise.all(attempts)).map((response) => response.body.code);
    expect(codes).toEqual(Array(5).fill('invalid_credentials'));
    expect((await userRow(person.id)).lockedUntil).not.toBeNull();
    const actions = await auditActionsSince(app, 'instance', before.seq);
    expect(actions.filter((action) => action === 'auth.account_locked')).toHaveLength(1);
  });

  it('rate-limits sign-in attempts per address with a 429 problem', async () => {
    const client = new TestClient(app.http, { locale: 'en' });
    const attempt = () => client.post('/api/auth/sign-in', { email: 'guess@example.nl', password: 'guess-guess-1' });
    for (let request = 1; request <= 10; request += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({
      code: 'rate_limited',
      detail: 'Too many attempts. Wait a minute and try again.',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await new TestClient(app.http).post('/api/auth/sign-in', {
      email: 'guess@example.nl',
      password: 'guess-guess-1',
    });
    expect(elsewhere.status).toBe(401);
  });

  it('behind a proxy (TRUST_PROXY=true), a client cannot dodge the limit by writing its own X-Forwarded-For', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const proxy = new TestClient(proxied.http, { ip: '10.0.0.1' });
      const attempt = (round: number) =>
        proxy.request(
          'POST',
          '/api/auth/sign-in',
          { email: 'guess@example.nl', password: 'guess-guess-1' },
          { 'x-forwarded-for': `198.51.100.${round}, 203.0.113.7` },
        );
      for (let round = 1; round <= 10; round += 1) expect((await attempt(round)).status).toBe(401);
      expect((await attempt(11)).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

describe('the second factor', () => {
  let person: TestPerson;
  let codes: string[];

  beforeAll(async () => {
    person = await createPerson(app);
    const enrolled = await enrolTwoFactor(app, person.client);
    person.totpSecret = enrolled.secret;
    codes = enrolled.recoveryCodes;
  });

  async function pendingClient() {
    const client = new TestClient(app.http, { locale: 'en' });
    const response = await client.post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('second_factor_required');
    expect(response.body.session.isFullyAuthenticated).toBe(false);
    return client;
  }

  it('hands out ten recovery codes at enrolment, stored only as hashes', async () => {
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const stored = await app.ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]?.replace('-', '') as string);
  });

  it('keeps a pending session out of everything but the second factor and sign-out', async () => {
    const client = await pendingClient();
    const me = await client.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('second_factor_required');
    expect((await client.get('/api/orgs')).body.code).toBe('second_factor_required');
  });

  it('completes sign-in with the current TOTP code and refuses the same code again', async () => {
    app.clock.advance(30_000);
    const code = currentTotpCode(person.totpSecret as string, app.clock.now());
    const client = await pendingClient();
    const pendingCookie = client.clone();
    const done = await client.post('/api/auth/second-factor', { code });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ isFullyAuthenticated: true, user: { id: person.id, hasTotp: true } });
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await pendingCookie.get('/api/auth/session')).body.user).toBeNull();

    const replay = await (await pendingClient()).post('/api/auth/second-factor', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.errors).toEqual([expect.objectContaining({ path: 'code', code: 'totp_wrong' })]);
  });

  it('counts wrong codes towards the lock-out, also across fresh password sign-ins', async () => {
    const guessed = await createPerson(app, { withTotp: true });
    const client = new TestClient(app.http, { locale: 'en' });
    const guess = async () => {
      const signedIn = await client.post('/api/auth/sign-in', { email: guessed.email, password: TEST_PASSWORD });
      if (signedIn.status !== 200) return signedIn;
      return client.post('/api/auth/second-factor', { code: '000000' });
    };
    for (let failure = 1; failure <= 4; failure += 1) {
      const refused = await guess();
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          path: 'code',
          code: 'totp_wrong',
          message: expect.stringContaining('Deze code klopt niet'),
        }),
      ]);
      expect((await userRow(guessed.id)).failedSignInCount).toBe(failure);
    }
    const fifth = await guess();
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('account_locked');
    expect((await guess()).body.code).toBe('invalid_credentials');
    const fullSessions = await rowCount(
      app,
      sessions,
      and(eq(sessions.userId, guessed.id), eq(sessions.isFullyAuthenticated, true), isNull(sessions.revokedAt)),
    );
    expect(fullSessions).toBe(1);
  });

  it('accepts a recovery code once, however it is typed', async () => {
    const code = codes[3] as string;
    const client = await pendingClient();
    const done = await client.post('/api/auth/second-factor', { recoveryCode: code.toUpperCase().replace('-', ' ') });
    expect(done.status).toBe(200);
    expect(done.body.isFullyAuthenticated).toBe(true);
    const again = await (await pendingClient()).post('/api/auth/second-factor', { recoveryCode: code });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: 'recoveryCode', code: 'recovery_code_wrong' })]);
    const unused = await rowCount(
      app,
      recoveryCodes,
      and(eq(recoveryCodes.userId, person.id), isNull(recoveryCodes.usedAt)),
    );
    expect(unused).toBe(9);
  });

  it('refuses a second factor on a session that is already complete', async () => {
    const response = await person.client.post('/api/auth/second-factor', { code: '123456' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('already_signed_in');
  });
});

describe('sign-out', () => {
  it('ends the session: the cookie is cleared, and a copy of it no longer works', async () => {
    const person = await createPerson(app);
    const copy = person.client.clone();
    const before = await auditHead(app);
    const response = await person.client.post('/api/auth/sign-out');
    expect(response.status).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/pd_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await person.client.get('/api/me')).status).toBe(401);
    const reused = await copy.get('/api/me');
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('sign_in_required');
    expect(await sessionCount(person.id)).toBe(0);
    expect(await auditActionsSince(app, 'instance', before.seq)).toEqual(['auth.signed_out']);
  });

  it('also ends a session that still waits for its second factor', async () => {
    const person = await createPerson(app, { withTotp: true });
    const client = new TestClient(app.http);
    await client.post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    const pending = client.clone();
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    const late = await pending.post('/api/auth/second-factor', {
      code: currentTotpCode(person.totpSecret as string, app.clock.now()),
    });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('sign_in_required');
  });

  it('refuses sign-out without the CSRF token', async () => {
    const person = await createPerson(app);
    person.client.dropCsrfToken();
    const response = await person.client.post('/api/auth/sign-out');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('csrf_failed');
    expect(await sessionCount(person.id)).toBe(1);
  });
});
