import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../../test/cli.ts';
import { organisationInput } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import * as connectors from '../../modules/connectors/service.ts';
import * as identity from '../../modules/identity/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { ZCreatePolicyRequest } from '../../modules/retention/contract.ts';
import { ZRetentionFile } from '../../modules/retention/file-contract.ts';
import * as retention from '../../modules/retention/service.ts';
import { auditEntries } from '../../platform/audit/tables.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { RecordingQueue } from '../../platform/jobs/definition.ts';
import { createRuntime, type Runtime } from '../../runtime.ts';
import { EXIT } from '../output.ts';

// The `retention` commands run as child processes against a database this test fills in-process between the runs
// (PGlite allows one process at a time, so the in-process runtime is closed before each command starts). The store
// is a `files` connector on a temporary directory: files older than 4 weeks expire, a file named "keep" is held.
let database: CliDatabase;
let workDir: string;
let filesRoot: string;
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { ...database.env, FILES_CONNECTOR_ROOTS: workDir, ...env });

async function withDatabase<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const handle = await database.open();
  const config = loadConfig({
    ...database.env,
    FILES_CONNECTOR_ROOTS: workDir,
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    DEMO_DATA: 'false',
  });
  const runtime = await createRuntime(config, { database: handle, jobs: new RecordingQueue() });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
    await handle.close();
  }
}

const OWNER_EMAIL = 'eigenaar@retentie-cli.example';
const APPROVED = 'Sollicitaties na 4 weken';
const UNAPPROVED = 'Nog niet goedgekeurd';
let source: { slug: string; scope: OrgScope };
let target: { slug: string; scope: OrgScope };

const OLD_FILES = ['cv-oud-1.txt', 'cv-oud-2.txt', 'cv-oud-3.txt'];
const HELD_FILE = 'cv-oud-keep.txt';
const NEW_FILES = ['cv-nieuw-1.txt', 'cv-nieuw-2.txt'];

function writeFiles() {
  const twoYearsAgo = new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000);
  for (const name of [...OLD_FILES, HELD_FILE]) {
    writeFileSync(path.join(filesRoot, name), `CV ${name}`);
    utimesSync(path.join(filesRoot, name), twoYearsAgo, twoYearsAgo);
  }
  for (const name of NEW_FILES) writeFileSync(path.join(filesRoot, name), `CV ${name}`);
}

const policyFields = (name: string, recordTypeId: string, ownerUserId: string) =>
  ZCreatePolicyRequest.parse({
    name,
    recordTypeId,
    startEvent: { timestampField: 'mtime' },
    period: { kind: 'after', amount: 4, unit: 'weeks' },
    legalReference: { presetId: 'applicants', reference: 'AP, richtlijn sollicitatiegegevens' },
    holds: [
      { kind: 'condition', filters: [{ field: 'name', operator: 'contains', value: 'keep' }], reason: 'bewaren' },
    ],
    ownerUserId,
  });

/** The source organisation: a files connector, a record type, an approved and active policy and a draft one. */
async function seedSource({ ctx }: Runtime, scope: OrgScope, ownerId: string) {
  const connector = await connectors.createConnector(ctx, scope, {
    name: "CV's op de schijf",
    kind: 'files',
    systemId: null,
    settings: { root: filesRoot },
  });
  const recordType = await connectors.createRecordType(ctx, scope, connector.id, {
    name: 'Sollicitatiebrieven',
    definition: { directory: '', pattern: '*.txt' },
  });
  const approved = await retention.createPolicy(ctx, scope, policyFields(APPROVED, recordType.id, ownerId));
  await retention.createPolicy(ctx, scope, policyFields(UNAPPROVED, recordType.id, ownerId));
  const preview = await retention.computePreview(ctx, scope, approved.id);
  await retention.approvePreview(ctx, scope, approved.id, preview.id);
  await retention.changePolicyStatus(ctx, scope, approved.id, 'active');
}

beforeAll(async () => {
  database = await createCliDatabase();
  workDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-retention-cli-'));
  filesRoot = path.join(workDir, 'cvs');
  mkdirSync(filesRoot);
  writeFiles();
  expect((await cli(['migrate'])).code).toBe(EXIT.ok);
  await withDatabase(async (runtime) => {
    const { ctx } = runtime;
    const system = { type: 'system', id: 'test' } as const;
    const ids = await inTransaction(ctx.db, async (tx) => {
      const input = { email: OWNER_EMAIL, name: 'Eva', password: 'lang-genoeg-wachtwoord', locale: 'nl' as const };
      const user = await identity.createUser(ctx, tx, input, system);
      const create = (name: string) =>
        organisations.createOrganisation(ctx, tx, organisationInput({ name }), { userId: user.id, actor: system });
      return { userId: user.id, first: await create('Bakkerij Retentie'), second: await create('Tweede Klant') };
    });
    const actor = { type: 'user', id: ids.userId } as const;
    source = { slug: ids.first.slug, scope: { orgId: ids.first.id, role: 'owner', actor } };
    target = { slug: ids.second.slug, scope: { orgId: ids.second.id, role: 'owner', actor } };
    await seedSource(runtime, source.scope, ids.userId);
  });
}, 180_000); // several commands start as processes: slow on a loaded machine

afterAll(async () => {
  await database?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** What an organisation has, by name, read in this process. */
async function stateOf(scope: OrgScope) {
  return withDatabase(async ({ ctx }) => {
    const { items } = await connectors.listConnectors(ctx, scope);
    const recordTypes = await Promise.all(items.map((item) => connectors.listRecordTypes(ctx, scope, item.id)));
    const policies = (await retention.listPolicies(ctx, scope)).items;
    return {
      connectors: items.map((item) => ({ name: item.name, kind: item.kind, settings: item.settings })),
      recordTypes: recordTypes.flatMap((list) => list.items.map((item) => item.name)),
      policies: policies.map((policy) => ({ name: policy.name, status: policy.status, owner: policy.owner?.name })),
    };
  });
}

const exportFile = () => path.join(workDir, 'retention.json');
const readExport = () => ZRetentionFile.parse(JSON.parse(readFileSync(exportFile(), 'utf8')));

describe('privacydesk retention export and apply', { timeout: 120_000 }, () => {
  it('exports connectors without secrets, record types and policies as a valid file, sorted by ref', async () => {
    const printed = await cli(['retention', 'export', '--org', source.slug]);
    expect(printed.code).toBe(EXIT.ok);
    const file = ZRetentionFile.parse(printed.json);
    expect(file.organisation).toBe(source.slug);
    expect(file.connectors).toEqual([
      expect.objectContaining({ kind: 'files', name: "CV's op de schijf", settings: { root: filesRoot }, secrets: {} }),
    ]);
    expect(file.recordTypes).toEqual([
      expect.objectContaining({ connector: file.connectors[0]?.ref, name: 'Sollicitatiebrieven' }),
    ]);
    expect(file.policies.map((policy) => policy.name)).toEqual([UNAPPROVED, APPROVED]);
    expect(file.policies[1]).toMatchObject({
      recordType: file.recordTypes[0]?.ref,
      owner: OWNER_EMAIL,
      period: { kind: 'after', amount: 4, unit: 'weeks' },
      holds: [{ kind: 'condition', reason: 'bewaren' }],
      isPaused: false,
    });

    const written = await cli(['retention', 'export', '--org', source.slug, '--file', exportFile()]);
    expect(written.code).toBe(EXIT.ok);
    expect(written.stdout).toContain('1 connectoren, 1 recordtypes, 2 bewaarregels');
    expect(readExport()).toEqual(file);
  });

  it('applies the file to a second organisation: the plan first, then --yes, then nothing left to change', async () => {
    const plan = await cli(['retention', 'apply', '--org', target.slug, '--file', exportFile(), '--json']);
    expect(plan.code).toBe(EXIT.ok);
    const file = readExport();
    expect(plan.json).toMatchObject({
      applied: false,
      hasChanges: true,
      connectors: { added: [file.connectors[0]?.ref], changed: [], removed: [] },
      recordTypes: { added: [file.recordTypes[0]?.ref], changed: [], removed: [] },
      policies: { added: file.policies.map((policy) => policy.ref), changed: [], removed: [] },
    });
    const human = await cli(['retention', 'apply', '--org', target.slug, '--file', exportFile(), '--locale', 'en']);
    expect(human.stdout).toContain(`  policies  + ${file.policies[0]?.ref}`);
    expect(human.stdout).toContain('Planned changes: 4. Nothing changed; run again with --yes to apply them.');
    expect(await stateOf(target.scope)).toEqual({ connectors: [], recordTypes: [], policies: [] });

    const applied = await cli(['retention', 'apply', '--org', target.slug, '--file', exportFile(), '--yes']);
    expect(applied.code).toBe(EXIT.ok);
    expect(await stateOf(target.scope)).toEqual({
      connectors: [{ name: "CV's op de schijf", kind: 'files', settings: { root: filesRoot } }],
      recordTypes: ['Sollicitatiebrieven'],
      // Applying never enforces: both policies are drafts waiting for an approved preview.
      policies: expect.arrayContaining([
        { name: APPROVED, status: 'draft', owner: 'Eva' },
        { name: UNAPPROVED, status: 'draft', owner: 'Eva' },
      ]),
    });

    const again = await cli(['retention', 'apply', '--org', target.slug, '--file', exportFile(), '--json']);
    expect(again.code).toBe(EXIT.ok);
    expect(again.json).toMatchObject({ hasChanges: false, applied: false });
  });

  it('shows a changed field by its path and applies the change', async () => {
    const file = readExport();
    const policy = file.policies.find((entry) => entry.name === APPROVED);
    if (!policy) throw new Error('policy missing from the export');
    const changedFile = path.join(workDir, 'changed.json');
    const changed = {
      ...file,
      policies: file.policies.map((entry) => (entry === policy ? { ...entry, marginPercent: 25 } : entry)),
    };
    writeFileSync(changedFile, JSON.stringify(changed));
    const plan = await cli(['retention', 'apply', '--org', target.slug, '--file', changedFile, '--locale', 'en']);
    expect(plan.stdout).toContain(`  policies  ~ ${policy.ref}  marginPercent: 10 → 25`);
    expect((await cli(['retention', 'apply', '--org', target.slug, '--file', changedFile, '--yes'])).code).toBe(
      EXIT.ok,
    );
    const after = await cli(['retention', 'export', '--org', target.slug]);
    expect(after.json.policies.find((entry: { name: string }) => entry.name === APPROVED).marginPercent).toBe(25);
  });

  it("keeps an active policy's approval when only its margin changes; every change is audited as the cli", async () => {
    const sourceFile = path.join(workDir, 'source.json');
    expect((await cli(['retention', 'export', '--org', source.slug, '--file', sourceFile])).code).toBe(EXIT.ok);
    const file = JSON.parse(readFileSync(sourceFile, 'utf8'));
    for (const policy of file.policies) if (policy.name === APPROVED) policy.marginPercent = 15;
    writeFileSync(sourceFile, JSON.stringify(file));
    expect((await cli(['retention', 'apply', '--org', source.slug, '--file', sourceFile, '--yes'])).code).toBe(EXIT.ok);
    const { policy, sourceAudit, targetAudit } = await withDatabase(async ({ ctx }) => {
      const entries = (chain: string) =>
        ctx.db.select().from(auditEntries).where(eq(auditEntries.chain, chain)).orderBy(asc(auditEntries.seq));
      const policies = (await retention.listPolicies(ctx, source.scope)).items;
      return {
        policy: policies.find((item) => item.name === APPROVED),
        sourceAudit: await entries(source.scope.orgId),
        targetAudit: await entries(target.scope.orgId),
      };
    });
    expect(policy).toMatchObject({ status: 'active', marginPercent: 15 });
    expect(policy?.approvedPreviewId).not.toBeNull();
    const updated = sourceAudit.filter((entry) => entry.action === 'retention_policy.updated');
    expect(updated.map((entry) => [entry.actorType, entry.actorId, entry.data])).toEqual([
      ['system', 'cli', { fields: ['marginPercent'] }],
    ]);
    const byCli = targetAudit.filter((entry) => entry.actorType === 'system' && entry.actorId === 'cli');
    expect(byCli.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['connector.created', 'record_type.created', 'retention_policy.created']),
    );
  });

  it('refuses an invalid file with the paths of its problems and changes nothing', async () => {
    const before = await stateOf(target.scope);
    const file = readExport();
    const invalid = {
      ...file,
      policies: [{ ...file.policies[0], name: 'Nieuwe naam', period: { kind: 'after', amount: -1, unit: 'weeks' } }],
      recordTypes: [{ ...file.recordTypes[0], definition: { directory: '../buiten' } }],
    };
    const invalidFile = path.join(workDir, 'invalid.json');
    writeFileSync(invalidFile, JSON.stringify(invalid));
    const result = await cli([
      'retention',
      'apply',
      '--org',
      target.slug,
      '--file',
      invalidFile,
      '--yes',
      '--locale',
      'en',
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toMatch(/^Error: /);
    expect(result.stderr).toContain('policies.0.period.amount');
    const missingFile = path.join(workDir, 'missing.json');
    const unreadable = await cli(['retention', 'apply', '--org', target.slug, '--file', missingFile, '--locale', 'en']);
    expect(unreadable.code).toBe(EXIT.badInput);
    expect(unreadable.stderr).toContain(`Cannot read the retention file ${missingFile} (ENOENT).`);
    writeFileSync(invalidFile, JSON.stringify({ ...file, recordTypes: invalid.recordTypes }));
    const definition = await cli([
      'retention',
      'apply',
      '--org',
      target.slug,
      '--file',
      invalidFile,
      '--yes',
      '--json',
    ]);
    expect(definition.code).toBe(EXIT.badInput);
    expect(definition.json.errors.map((error: { path: string }) => error.path)).toContain(
      'recordTypes.0.definition.directory',
    );
    writeFileSync(invalidFile, '{ not json');
    expect((await cli(['retention', 'apply', '--org', target.slug, '--file', invalidFile])).code).toBe(EXIT.badInput);
    expect(await stateOf(target.scope)).toEqual(before);
  });

  it('refuses a new connector whose secret is not in the environment, before anything changes', async () => {
    const before = await stateOf(target.scope);
    const file = readExport();
    const withCrm = {
      ...file,
      connectors: [
        ...file.connectors,
        {
          ref: 'crm',
          name: 'CRM database',
          kind: 'postgres',
          settings: { host: '127.0.0.1', database: 'crm', user: 'privacydesk' },
          secrets: { password: 'crm-db-password' },
        },
      ],
      // A change that would come first: it must not be made either.
      policies: file.policies.map((policy) => ({ ...policy, marginPercent: 50 })),
    };
    const crmFile = path.join(workDir, 'crm.json');
    writeFileSync(crmFile, JSON.stringify(withCrm));
    const result = await cli([
      'retention',
      'apply',
      '--org',
      target.slug,
      '--file',
      crmFile,
      '--yes',
      '--locale',
      'en',
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain(
      'Connector crm needs its secret password: set the environment variable PRIVACYDESK_SECRET_CRM_DB_PASSWORD.',
    );
    expect(result.stderr).toContain('Nothing was changed.');
    expect(await stateOf(target.scope)).toEqual(before);
    const after = await cli(['retention', 'export', '--org', target.slug]);
    expect(after.json.policies.map((policy: { marginPercent: number }) => policy.marginPercent)).not.toContain(50);
  });

  it('stops with the list of register names the organisation does not have', async () => {
    const file = readExport();
    const named = { ...file, policies: file.policies.map((policy) => ({ ...policy, activity: 'Bestaat niet' })) };
    const namedFile = path.join(workDir, 'named.json');
    writeFileSync(namedFile, JSON.stringify(named));
    const result = await cli(['retention', 'apply', '--org', target.slug, '--file', namedFile, '--locale', 'en']);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain('policies.0.activity: Bestaat niet');
  });
});

describe('privacydesk retention preview and run', { timeout: 120_000 }, () => {
  it('previews the counts, the held records with their reason and the criteria', async () => {
    const result = await cli(['retention', 'preview', '--org', source.slug, '--policy', APPROVED, '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({ matched: 4, toAct: 3, held: [{ reason: 'bewaren', count: 1 }] });
    const human = await cli(['retention', 'preview', '--org', source.slug, '--policy', APPROVED, '--locale', 'en']);
    expect(human.stdout).toContain('Matching records: 4; to act on: 3; held: 1.');
    expect(human.stdout).toContain('held because bewaren: 1');
    expect(human.stdout).toContain(`Criteria: ${result.json.criteria.en}`);
    expect(readdirSync(filesRoot).sort()).toEqual([...NEW_FILES, HELD_FILE, ...OLD_FILES].sort());
  });

  it('refuses to run a policy without an approved preview and deletes nothing', async () => {
    const result = await cli(['retention', 'run', '--org', source.slug, '--policy', UNAPPROVED]);
    expect(result.code).not.toBe(EXIT.ok);
    expect(result.stderr).toMatch(/^Fout: /);
    expect(readdirSync(filesRoot).sort()).toEqual([...NEW_FILES, HELD_FILE, ...OLD_FILES].sort());
  });

  it('runs an approved policy: the old files are gone, the new and held ones stay, exit 0', async () => {
    const result = await cli(['retention', 'run', '--org', source.slug, '--policy', APPROVED, '--locale', 'en']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('The run completed.');
    expect(result.stdout).toContain('Deleted 3, anonymised 0, archived 0, held 1, failed 0.');
    expect(result.stderr).toContain('Running [');
    for (const name of OLD_FILES) expect(existsSync(path.join(filesRoot, name))).toBe(false);
    expect(readdirSync(filesRoot).sort()).toEqual([...NEW_FILES, HELD_FILE].sort());
  });
});
