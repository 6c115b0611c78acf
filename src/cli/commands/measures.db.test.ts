import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../../test/cli.ts';
import { organisationInput } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import * as identity from '../../modules/identity/service.ts';
import { ZCreateSystemRequest } from '../../modules/inventory/contract.ts';
import * as inventory from '../../modules/inventory/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { RecordingQueue } from '../../platform/jobs/definition.ts';
import { createRuntime } from '../../runtime.ts';
import { EXIT } from '../output.ts';

// `measures findings` as a child process against a database filled in-process before (PGlite: one process at a
// time): one system marked without two-factor authentication.
let database: CliDatabase;
let slug: string;

beforeAll(async () => {
  database = await createCliDatabase();
  expect((await runCli(['migrate'], database.env)).code).toBe(EXIT.ok);
  const handle = await database.open();
  const config = loadConfig({
    ...database.env,
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
        email: 'eigenaar@maatregelen.example',
        name: 'Eva',
        password: 'lang-genoeg-wachtwoord',
        locale: 'nl' as const,
      };
      const user = await identity.createUser(ctx, tx, input, system);
      return organisations.createOrganisation(ctx, tx, organisationInput({ name: 'Kapsalon Maatregel' }), {
        userId: user.id,
        actor: system,
      });
    });
    slug = org.slug;
    const scope = { orgId: org.id, role: 'owner' as const, actor: system };
    const agenda = ZCreateSystemRequest.parse({ name: 'Agenda', kind: 'other', isMfaEnforced: false });
    await inventory.createSystem(ctx, scope, agenda);
  } finally {
    await close();
    await handle.close();
  }
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe('privacydesk measures findings', () => {
  it('lists the open findings in the organisation’s language and exits 1', async () => {
    const result = await runCli(['measures', 'findings', '--org', slug], database.env);
    expect(result.code).toBe(EXIT.checkFailed);
    expect(result.stdout).toContain('Open bevindingen: 1');
    expect(result.stdout).toContain('- Agenda heeft geen tweestapsverificatie.');
  }, 60_000);

  it('answers as JSON in English when asked', async () => {
    const result = await runCli(['measures', 'findings', '--org', slug, '--locale', 'en', '--json'], database.env);
    expect(result.json.open).toMatchObject([
      { kind: 'system_without_mfa', message: 'Agenda has no two-factor authentication.' },
    ]);
  }, 60_000);
});
