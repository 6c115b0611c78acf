import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClock } from '../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../test/cli.ts';
import { TestClient } from '../../test/client.ts';
import { createPerson } from '../../test/factories.ts';
import { DEMO_EMAIL } from '../demo/data.ts';
import { EXIT } from './output.ts';

// Every command runs as a child process against one database (PGlite data dir or a fresh PostgreSQL database),
// in order: later steps build on what earlier ones created. Each spawn costs a second or two of start-up.
const OWNER = { email: 'eigenaar@cli-test.example', name: 'Eva Eigenaar', password: 'lang-genoeg-wachtwoord' };
const NEW_KEY = 'rotated-secret-key-for-privacydesk-cli-tests-0123456789';

let database: CliDatabase;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { ...database.env, ...env });

beforeAll(async () => {
  database = await createCliDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('privacydesk CLI', { timeout: 180_000 }, () => {
  let mainOrg: { id: string; slug: string };

  it('migrate: applies the migrations to an empty database', async () => {
    const result = await cli(['migrate', '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toEqual({ migrated: true, engine: expect.stringMatching(/^(pglite|postgres)$/) });
  });

  it('user create and org create --owner: the new account owns the new organisation', async () => {
    const user = await cli(['user', 'create', '--email', OWNER.email.toUpperCase(), '--name', OWNER.name, '--json'], {
      PRIVACYDESK_PASSWORD: OWNER.password,
    });
    expect(user.code).toBe(EXIT.ok);
    expect(user.json).toMatchObject({ email: OWNER.email, name: OWNER.name, hasTotp: false });
    expect(user.json).not.toHaveProperty('passwordHash');

    const org = await cli(['org', 'create', '--name', 'Zuivelhandel Klaverweide', '--owner', OWNER.email]);
    expect(org.code).toBe(EXIT.ok);
    // Answered in the new organisation's language (Dutch unless --locale says otherwise).
    expect(org.stdout).toMatch(/^Organisatie Zuivelhandel Klaverweide aangemaakt \(slug zuivelhandel-klaverweide, id /);
    const processor = await cli([
      '--json',
      'org',
      'create',
      '--name',
      'Klaverweide Klantbeheer',
      '--owner',
      OWNER.email,
      '--processor',
      '--city',
      'Zwolle',
    ]);
    expect(processor.code).toBe(EXIT.ok);
    expect(processor.json).toMatchObject({ isProcessor: true, isController: true, city: 'Zwolle', managedBy: null });
    mainOrg = { id: processor.json.id, slug: processor.json.slug };
  });

  it('org create --managed-by: a client organisation looked after by an existing one', async () => {
    const args = ['org', 'create', '--name', 'Boerderij Het Klaverblad', '--owner', OWNER.email];
    const result = await cli([...args, '--managed-by', mainOrg.slug, '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({ slug: 'boerderij-het-klaverblad', managedBy: { id: mainOrg.id } });
  });

  it.each([
    {
      name: 'an invalid e-mail address',
      args: ['user', 'create', '--email', 'not-an-address', '--name', 'X', '--password', 'lang-genoeg-wachtwoord'],
      error: { path: 'email', code: 'invalid_email' },
    },
    {
      name: 'a short password',
      args: ['user', 'create', '--email', 'kort@cli-test.example', '--name', 'Kort', '--password', 'kort'],
      error: { path: 'password', code: 'password_too_short' },
    },
    {
      name: 'a KvK number of seven digits',
      args: ['org', 'create', '--name', 'Zeven Cijfers', '--owner', OWNER.email, '--kvk', '1234567'],
      error: { path: 'kvkNumber', code: 'kvk_format' },
    },
    {
      name: 'an unknown owner',
      args: ['org', 'create', '--name', 'Niemands Zaak', '--owner', 'niemand@cli-test.example'],
      error: { path: 'owner', code: 'user_unknown' },
    },
    {
      name: 'an unknown --managed-by organisation',
      args: ['org', 'create', '--name', 'Wees Zaak', '--owner', OWNER.email, '--managed-by', 'bestaat-niet'],
      error: { path: 'managedBy', code: 'organisation_unknown' },
    },
  ])('refuses $name: exit 2 and a problem object naming the field', async ({ args, error }) => {
    const result = await cli([...args, '--json']);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.json).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [expect.objectContaining(error)],
    });
  });

  it('explains bad input in words without --json, on stderr, naming the field', async () => {
    const result = await cli(['org', 'create', '--name', 'Zeven Cijfers', '--owner', OWNER.email, '--kvk', '1234567']);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('kvkNumber: A KvK number has exactly 8 digits.');
  });

  it('audit verify: exit 0 on an intact trail', async () => {
    const result = await cli(['audit', 'verify', '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({ isIntact: true, firstBreak: null });
    // user.created (instance chain), three organisation.created and one client_organisation.created
    expect(result.json.checkedEntries).toBeGreaterThanOrEqual(5);
    expect(result.json.chains).toBeGreaterThanOrEqual(4);
  });

  it('demo load: loads once, and says so when the data is already there', async () => {
    const first = await cli(['demo', 'load', '--json']);
    expect(first.code).toBe(EXIT.ok);
    expect(first.json).toMatchObject({ email: DEMO_EMAIL, isNew: true });
    const again = await cli(['demo', 'load']);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toContain(`Demo data was already there. Sign in as ${DEMO_EMAIL} / ${first.json.password}`);
  });

  describe('secrets rotate', () => {
    let totp: { email: string; password: string; secret: string };

    it('refuses to start with a new key alone while the database holds secrets of the old one', async () => {
      totp = await enrolTotpInProcess();
      const result = await cli(['audit', 'verify', '--json'], { PRIVACYDESK_SECRET_KEY: NEW_KEY });
      expect(result.code).toBe(EXIT.badInput);
      expect(result.json).toMatchObject({ code: 'invalid_configuration' });
      expect(result.stderr).toContain('PRIVACYDESK_PREVIOUS_SECRET_KEYS');
    });

    it('re-seals every secret with the new key; afterwards the old key is no longer needed', async () => {
      const rotated = await cli(['secrets', 'rotate', '--json'], {
        PRIVACYDESK_SECRET_KEY: NEW_KEY,
        PRIVACYDESK_PREVIOUS_SECRET_KEYS: 'test-secret-key-for-privacydesk-tests-only-0123456789',
      });
      expect(rotated.code).toBe(EXIT.ok);
      expect(rotated.json.resealed).toBeGreaterThanOrEqual(4); // a TOTP secret and the demo invitation mails
      const verify = await cli(['audit', 'verify'], { PRIVACYDESK_SECRET_KEY: NEW_KEY });
      expect(verify.code).toBe(EXIT.ok);
      expect(verify.stdout).toMatch(/^Audit trail intact: \d+ entries in \d+ chains verified\./);
    });

    it('still opens the TOTP secret with only the new key: two-factor sign-in works', async () => {
      const handle = await database.open();
      const clock = new TestClock(new Date('2026-11-23T12:00:00Z'));
      const app = await createTestApp({ database: handle, clock, env: { PRIVACYDESK_SECRET_KEY: NEW_KEY } });
      try {
        const client = new TestClient(app.http);
        await client.signIn(totp.email, totp.password, totp.secret, clock.now());
        expect((await client.get('/api/me')).body).toMatchObject({ email: totp.email, hasTotp: true });
      } finally {
        await app.close();
        await handle.close();
      }
    });
  });

  it('audit verify: exit 1 naming the first broken entry after an entry was altered', async () => {
    const tampered = { chain: mainOrg.id, seq: 1 };
    await database.asSuperuser([
      'ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only',
      `UPDATE audit_entries SET data = '{"managedByOrgId":"forged"}' WHERE chain = '${tampered.chain}' AND seq = 1`,
      'ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only',
    ]);
    const json = await cli(['audit', 'verify', '--json'], { PRIVACYDESK_SECRET_KEY: NEW_KEY });
    expect(json.code).toBe(EXIT.checkFailed);
    expect(json.json).toMatchObject({
      isIntact: false,
      firstBreak: { reason: 'hash_mismatch', ...tampered, entryId: expect.any(String) },
    });
    const human = await cli(['audit', 'verify'], { PRIVACYDESK_SECRET_KEY: NEW_KEY });
    expect(human.code).toBe(EXIT.checkFailed);
    expect(human.stdout).toContain(
      `Audit trail BROKEN at chain ${mainOrg.id}, entry #1 (id ${json.json.firstBreak.entryId})`,
    );
    const otherOrg = await cli(['audit', 'verify', '--org', 'eemcode'], { PRIVACYDESK_SECRET_KEY: NEW_KEY });
    expect(otherOrg.code).toBe(EXIT.ok);
  });
});

/**
 * With no command running, opens the same database in this process, proves the CLI-made account signs in, and
 * enrols a person in TOTP through the API (sealing a secret with the current key).
 */
async function enrolTotpInProcess() {
  const handle = await database.open();
  const app = await createTestApp({ database: handle });
  try {
    const owner = new TestClient(app.http);
    await owner.signIn(OWNER.email, OWNER.password);
    const orgs = await owner.get('/api/orgs');
    expect(orgs.body.organisations).toHaveLength(3);
    const person = await createPerson(app, { withTotp: true });
    return { email: person.email, password: person.password, secret: person.totpSecret as string };
  } finally {
    await app.close();
    await handle.close();
  }
}
