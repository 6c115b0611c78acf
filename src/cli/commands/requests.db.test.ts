import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../../test/cli.ts';
import { organisationInput } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import * as connectors from '../../modules/connectors/service.ts';
import * as identity from '../../modules/identity/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { RecordingQueue } from '../../platform/jobs/definition.ts';
import { createRuntime } from '../../runtime.ts';
import { EXIT } from '../output.ts';

// `requests discover` as a child process against a database filled in-process before (PGlite: one process at a
// time). The store is a files connector on a temporary directory holding one letter that names the person.
let database: CliDatabase;
let workDir: string;
let slug: string;
const cli = (args: string[]) => runCli(args, { ...database.env, FILES_CONNECTOR_ROOTS: workDir });

beforeAll(async () => {
  database = await createCliDatabase();
  workDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-requests-cli-'));
  const root = path.join(workDir, 'brieven');
  mkdirSync(root);
  writeFileSync(path.join(root, 'brief-1.txt'), 'Beste Sanne, bel me op 06-12345678 of mail sanne@example.nl.');
  writeFileSync(path.join(root, 'brief-2.txt'), 'Beste Bram, niets over iemand anders.');
  expect((await cli(['migrate'])).code).toBe(EXIT.ok);
  const handle = await database.open();
  const config = loadConfig({
    ...database.env,
    FILES_CONNECTOR_ROOTS: workDir,
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    DEMO_DATA: 'false',
  });
  const { ctx, close } = await createRuntime(config, { database: handle, jobs: new RecordingQueue() });
  try {
    const system = { type: 'system', id: 'test' } as const;
    const org = await inTransaction(ctx.db, async (tx) => {
      const input = {
        email: 'eigenaar@verzoeken-cli.example',
        name: 'Eva',
        password: 'lang-genoeg-wachtwoord',
        locale: 'nl' as const,
      };
      const user = await identity.createUser(ctx, tx, input, system);
      return organisations.createOrganisation(ctx, tx, organisationInput({ name: 'Kapsalon Verzoek' }), {
        userId: user.id,
        actor: system,
      });
    });
    slug = org.slug;
    const scope = { orgId: org.id, role: 'owner' as const, actor: system };
    const connector = await connectors.createConnector(ctx, scope, {
      name: 'Brieven',
      kind: 'files',
      systemId: null,
      settings: { root },
    });
    await connectors.createRecordType(ctx, scope, connector.id, {
      name: 'Brieven',
      definition: { directory: '', pattern: '*.txt' },
    });
  } finally {
    await close();
    await handle.close();
  }
}, 180_000);

afterAll(async () => {
  await database?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('privacydesk requests discover', () => {
  it('finds the person by a phone number written in another form, as JSON', async () => {
    const result = await cli(['requests', 'discover', '--org', slug, '--phone', '+31 6 12345678', '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json.totalFound).toBe(1);
    expect(result.json.connectors[0].recordTypes[0].records).toEqual([expect.objectContaining({ key: 'brief-1.txt' })]);
  }, 60_000);

  it('says what it found in words, without the values searched for', async () => {
    const result = await cli(['requests', 'discover', '--org', slug, '--email', 'Sanne@Example.nl', '--locale', 'nl']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('1 gevonden records');
    expect(result.stdout).toContain('Brieven / Brieven: 1 (brief-1.txt)');
    expect(result.stdout).not.toContain('Sanne@Example.nl');
  }, 60_000);

  it('refuses an invalid IBAN with a clear message and exit code 2 (an empty search: discovery.db.test.ts)', async () => {
    const invalid = await cli(['requests', 'discover', '--org', slug, '--iban', 'NL91ABNA0417164301']);
    expect(invalid.code).toBe(EXIT.badInput);
    expect(invalid.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);
});
