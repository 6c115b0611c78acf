import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliDatabase, createCliDatabase, type RunningServer, runCli, startServer } from '../../test/cli.ts';
import { testEngine } from '../platform/db/testing.ts';
import { EXIT } from './output.ts';

// The server and the CLI on one database. PGlite is one process's database: while the server holds the data
// directory every command that needs the database refuses (exit 4), names the server and the ways out, and
// changes nothing; a crashed server's lock does not block. PostgreSQL serves several processes: there every
// command works beside the server.

const isPglite = testEngine() === 'pglite';
// Each engine runs its own half: say which half is left out, and why.
console.warn(
  isPglite
    ? '[one-process: the PostgreSQL tests run in the db-postgres project] several processes share a server'
    : '[one-process: the embedded-database tests run in the db-pglite project] the data-directory lock is PGlite only',
);
const OWNER = { email: 'eigenaar@een-proces.example', name: 'Eva', password: 'lang-genoeg-wachtwoord' };
const OTHER_KEY = 'another-secret-key-for-privacydesk-one-process-tests-0123';

let database: CliDatabase;
let server: RunningServer | undefined;
let outDir: string;
let slug: string;
let apiToken: string;
let ownerCookie: string;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { ...database.env, ...env });

/** Signs in as the owner over HTTP (keeping the cookie) and creates a read-scoped API token for the organisation. */
async function createReadToken(url: string, org: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  const { session } = (await signIn.json()) as { session: { csrfToken: string } };
  const cookie = (signIn.headers.getSetCookie().find((header) => header.startsWith('pd_session=')) ?? '').split(';')[0];
  ownerCookie = cookie ?? '';
  const created = await fetch(`${url}/api/orgs/${org}/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie ?? '', 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name: 'cli', scopes: ['read'], expiresOn: null }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

async function auditActions(url: string, org: string): Promise<string[]> {
  const response = await fetch(`${url}/api/orgs/${org}/audit?action=register.exported`, {
    headers: { cookie: ownerCookie },
  });
  expect(response.status).toBe(200);
  const page = (await response.json()) as { entries: { action: string }[] };
  return page.entries.map((entry) => entry.action);
}

beforeAll(async () => {
  database = await createCliDatabase();
  outDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-one-process-'));
  expect((await cli(['migrate'])).code).toBe(EXIT.ok);
  expect(
    (await cli(['user', 'create', '--email', OWNER.email, '--name', OWNER.name, '--password', OWNER.password])).code,
  ).toBe(EXIT.ok);
  const org = await cli(['org', 'create', '--name', 'Bakkerij Eén Proces', '--owner', OWNER.email, '--json']);
  expect(org.code).toBe(EXIT.ok);
  slug = org.json.slug;
  server = await startServer(database, { DEMO_DATA: 'false', JOBS: 'false' });
  apiToken = await createReadToken(server.url, slug);
}, 180_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every command that opens the database, as an operator would type it next to the running server. */
const COMMANDS: { name: string; args: () => string[]; api?: RegExp; env?: Record<string, string> }[] = [
  { name: 'migrate', args: () => ['migrate'] },
  {
    name: 'user create',
    args: () => [
      'user',
      'create',
      '--email',
      'tweede@een-proces.example',
      '--name',
      'Tweede',
      '--password',
      OWNER.password,
    ],
    api: /POST http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/\{org\}\/invitations \(operation createInvitation/,
  },
  {
    name: 'org create',
    args: () => ['org', 'create', '--name', 'Tweede Zaak', '--owner', OWNER.email],
    api: /POST http:\/\/127\.0\.0\.1:\d+\/api\/orgs \(operation createOrganisation/,
  },
  {
    name: 'register check',
    args: () => ['register', 'check', '--org', slug],
    api: /GET http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/\{org\}\/register\/completeness \(operation getRegisterCompleteness/,
  },
  {
    name: 'register export',
    args: () => [
      'register',
      'export',
      '--org',
      slug,
      '--format',
      'json',
      '--out',
      path.join(outDir, 'naast-server.json'),
    ],
    api: /GET http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/\{org\}\/register\/export\?format=pdf\|xlsx\|csv\|json \(operation exportRegister/,
  },
  {
    name: 'audit verify',
    args: () => ['audit', 'verify', '--org', slug],
    api: /POST http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/\{org\}\/audit\/verify \(operation verifyAuditTrail/,
  },
  { name: 'demo load', args: () => ['demo', 'load'] },
  {
    name: 'secrets rotate',
    args: () => ['secrets', 'rotate'],
    env: {
      PRIVACYDESK_SECRET_KEY: OTHER_KEY,
      PRIVACYDESK_PREVIOUS_SECRET_KEYS: 'test-secret-key-for-privacydesk-tests-only-0123456789',
    },
  },
];

describe.runIf(isPglite)('the CLI beside the server on the embedded database', { timeout: 180_000 }, () => {
  it.each(COMMANDS)(
    '$name refuses with exit 4, naming the server and the ways out, and does nothing',
    async (command) => {
      const running = server as RunningServer;
      const result = await cli(command.args(), command.env);
      expect(result.code, result.stderr).toBe(EXIT.databaseInUse);
      expect(result.stderr).toContain(`The privacydesk server (pid ${running.pid}) is using the data directory`);
      expect(result.stderr).toContain(`answers at ${running.url}`);
      if (command.api) {
        expect(result.stderr).toContain(`stop the server (Ctrl+C where it runs, or \`kill ${running.pid}\`)`);
        expect(result.stderr).toMatch(command.api);
      }
      if (command.name === 'migrate') expect(result.stderr).toContain('it applied the migrations when it started');
      if (command.name === 'register export') {
        expect(result.stderr).toContain('--via-server');
        expect(existsSync(path.join(outDir, 'naast-server.json'))).toBe(false);
      }
    },
  );

  it('a second server refuses too, and --json says it in a problem object', async () => {
    const second = await cli(['serve'], { PORT: '0', DEMO_DATA: 'false' });
    expect(second.code).toBe(EXIT.databaseInUse);
    expect(second.stderr).toContain('give it its own DATA_DIR');
    const json = await cli(['register', 'check', '--org', slug, '--json']);
    expect(json.code).toBe(EXIT.databaseInUse);
    expect(json.json).toMatchObject({
      code: 'database_in_use',
      holder: { pid: server?.pid, command: 'serve', url: server?.url },
      api: { operationId: 'getRegisterCompleteness' },
      viaServer: true,
    });
  });
});

describe.runIf(!isPglite)('the CLI beside the server on PostgreSQL', { timeout: 180_000 }, () => {
  it.each(COMMANDS)('$name works while the server runs', async (command) => {
    const result = await cli(command.args(), command.env);
    const expected = command.name === 'register check' ? EXIT.checkFailed : EXIT.ok;
    expect(result.code, result.stderr).toBe(expected);
  });
});

describe('--via-server: the running server does the work', { timeout: 180_000 }, () => {
  it('register export writes the file the server made, and the server audits the export', async () => {
    const running = server as RunningServer;
    const file = path.join(outDir, 'via-server.json');
    const before = await auditActions(running.url, slug);
    const result = await cli(['register', 'export', '--org', slug, '--format', 'json', '--out', file, '--via-server'], {
      PRIVACYDESK_API_TOKEN: apiToken,
      PUBLIC_URL: running.url, // on PostgreSQL the server is found at PUBLIC_URL; PGlite's lock names it
    });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toContain(
      `De server op ${running.url} heeft het register van Bakkerij Eén Proces als json geëxporteerd`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('organisation');
    expect(await auditActions(running.url, slug)).toHaveLength(before.length + 1);
  });

  it('register check answers with the server’s check, in the organisation’s language', async () => {
    const result = await cli(['register', 'check', '--org', slug, '--via-server'], {
      PRIVACYDESK_API_TOKEN: apiToken,
      PUBLIC_URL: server?.url,
    });
    expect(result.code, result.stderr).toBe(EXIT.checkFailed);
    expect(result.stdout).toMatch(/^Het register van Bakkerij Eén Proces is niet compleet/);
  });

  it('needs the token, and says so', async () => {
    const result = await cli(['register', 'check', '--org', slug, '--via-server', '--locale', 'en']);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain('--via-server needs an organisation API token in PRIVACYDESK_API_TOKEN');
  });
});

describe.runIf(isPglite)('a crashed server', { timeout: 180_000 }, () => {
  it('leaves its lock behind, and the next command takes it over', async () => {
    const running = server as RunningServer;
    const lockFile = path.join(database.env.DATA_DIR as string, 'pglite.lock');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: running.pid, command: 'serve' });
    await running.stop('SIGKILL');
    expect(existsSync(lockFile)).toBe(true);
    const result = await cli(['register', 'check', '--org', slug, '--locale', 'en']);
    expect(result.code, result.stderr).toBe(EXIT.checkFailed);
    expect(result.stdout).toMatch(/^The register of Bakkerij Eén Proces is incomplete/);
    expect(existsSync(lockFile)).toBe(false);
  });
});
