import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../../test/cli.ts';
import { organisationInput } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { loadConfig } from '../../config.ts';
import * as identity from '../../modules/identity/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { ZCreateActivityRequest } from '../../modules/register/contract.ts';
import * as register from '../../modules/register/service.ts';
import { parseCsv } from '../../modules/register-io/formats/csv.ts';
import { ZCreateVendorRequest } from '../../modules/vendors/contract.ts';
import * as vendors from '../../modules/vendors/service.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { RecordingQueue } from '../../platform/jobs/definition.ts';
import { createRuntime } from '../../runtime.ts';
import { EXIT } from '../output.ts';

// `register export` runs as a child process against a database filled in-process beforehand (PGlite allows one
// process at a time, so the in-process runtime is closed before the commands start).
let database: CliDatabase;
let outDir: string;
let slug: string;
const cli = (args: string[]) => runCli(args, database.env);
const out = (name: string) => path.join(outDir, name);

async function fillRegister(): Promise<void> {
  const handle = await database.open();
  const config = loadConfig({
    ...database.env,
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    JOBS: 'false',
  });
  const runtime = await createRuntime(config, { database: handle, jobs: new RecordingQueue() });
  const { ctx } = runtime;
  const actor = { type: 'system', id: 'test' } as const;
  try {
    await inTransaction(ctx.db, async (tx) => {
      const input = {
        email: 'eigenaar@export-cli.example',
        name: 'Eva',
        password: 'lang-genoeg-wachtwoord',
        locale: 'nl',
      } as const;
      const user = await identity.createUser(ctx, tx, input, actor);
      const org = await organisations.createOrganisation(ctx, tx, organisationInput({ name: 'Korenschoof Export' }), {
        userId: user.id,
        actor,
      });
      slug = org.slug;
      const scope = { orgId: org.id, role: 'owner', actor } as const;
      await vendors.insertVendor(
        ctx,
        tx,
        scope,
        ZCreateVendorRequest.parse({ name: 'Mailhuis B.V.', kind: 'processor', country: 'NL' }),
      );
      const activity = ZCreateActivityRequest.parse({ name: 'Sollicitanten', purposes: ['Werving'], legalBasis: 'b' });
      await register.insertActivity(ctx, tx, scope, activity);
    });
  } finally {
    await runtime.close();
    await handle.close();
  }
}

beforeAll(async () => {
  database = await createCliDatabase();
  outDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-export-'));
  expect((await cli(['migrate'])).code).toBe(EXIT.ok);
  await fillRegister();
}, 180_000); // several commands start as processes: slow on a loaded machine
afterAll(async () => {
  await database?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('privacydesk register export', { timeout: 60_000 }, () => {
  it('writes the PDF document in the organisation’s language and says what it wrote, in that language too', async () => {
    const result = await cli(['register', 'export', '--org', slug, '--format', 'pdf', '--out', out('register.pdf')]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(
      /^Het register van Korenschoof Export \(1 verwerkingen, 0 systemen, 1 leveranciers\) is als pdf geëxporteerd naar .*register\.pdf \(\d+ bytes\)\.\n$/,
    );
    // Progress on stderr while the PDF is laid out and drawn (stdout keeps only the result).
    expect(result.stderr).toMatch(/^Laying out the PDF: 1 pages so far$/m);
    expect(result.stderr).toMatch(/^Drawing the PDF: page 1 of \d+$/m);
    expect(result.stderr).toMatch(/^Export ready$/m);
    const text = pdfText(readFileSync(out('register.pdf')));
    expect(text).toContain('Register van verwerkingsactiviteiten');
    expect(text).toContain('Sollicitanten');
  });

  it('--json: a summary with the counts; csv --entity writes that one file', async () => {
    const file = out('leveranciers.csv');
    const args = ['register', 'export', '--org', slug, '--format', 'csv', '--entity', 'vendors', '--locale', 'en'];
    const result = await cli([...args, '--out', file, '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json).toMatchObject({
      org: { slug, name: 'Korenschoof Export' },
      format: 'csv',
      locale: 'en',
      entity: 'vendors',
      file,
      counts: { activities: 1, vendors: 1, systems: 0 },
    });
    const { records } = parseCsv(readFileSync(file, 'utf8'));
    expect(records.map((record) => record[0])).toEqual(['Name', 'Mailhuis B.V.']);
    const human = await cli([...args, '--out', file]);
    expect(human.stdout).toMatch(
      /^Exported the register of Korenschoof Export \(1 activities, 0 systems, 1 vendors\) as csv/,
    );
  });

  it.each([
    { name: 'an unknown format', args: ['--format', 'docx'], message: /format/ },
    { name: 'an entity for a PDF', args: ['--format', 'pdf', '--entity', 'vendors'], message: /entity/ },
    { name: 'an unknown organisation', args: ['--format', 'pdf', '--org', 'bestaat-niet'], message: /organisation/i },
  ])('exits 2 for $name, writing nothing', async ({ args, message }) => {
    const file = out(`refused-${args.join('-')}`);
    const result = await cli(['register', 'export', '--org', slug, '--out', file, ...args]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toMatch(message);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 when the output directory does not exist', async () => {
    const result = await cli([
      'register',
      'export',
      '--org',
      slug,
      '--format',
      'json',
      '--out',
      out('missing/register.json'),
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain('out: This directory does not exist or is not writable.');
  });
});
