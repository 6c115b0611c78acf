import { afterEach, describe, expect, it } from 'vitest';
import {
  type CliDatabase,
  createCliDatabase,
  freePort,
  type RunningServer,
  runCli,
  startServer as startCliServer,
} from '../../test/cli.ts';
import { EXIT } from './output.ts';

// `privacydesk serve` as an operator starts it: a child process on a free port, asked over real HTTP.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<CliDatabase> {
  const created = await createCliDatabase();
  cleanups.push(() => created.close());
  return created;
}

/** The server, stopped when the test ends. PUBLIC_URL stays the default (http://localhost:PORT) it prints. */
async function startServer(db: CliDatabase, env: Record<string, string>): Promise<RunningServer> {
  const server = await startCliServer(db, { PUBLIC_URL: '', ...env });
  cleanups.push(async () => {
    await server.stop();
  });
  return server;
}

async function postJson(url: string, body: unknown) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('privacydesk serve', { timeout: 300_000 }, () => {
  it('loads demo data on first start, prints the sign-in that works, and refuses DEMO_DATA=false afterwards', async () => {
    const db = await database();
    const server = await startServer(db, { DEMO_DATA: 'true' });
    const match = server.output().match(/demo sign-in: (\S+) \/ (\S+) \(demo data loaded\)/);
    expect(match, server.output()).not.toBeNull();
    const [, email, password] = match as RegExpMatchArray;

    const signIn = await postJson(`${server.url}/api/auth/sign-in`, { email, password });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().find((header) => header.startsWith('pd_session='));
    const orgs = await fetch(`${server.url}/api/orgs`, { headers: { cookie: cookie?.split(';')[0] ?? '' } });
    expect((await orgs.json()).organisations).toHaveLength(5);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('SIGTERM: stopping privacydesk');

    const production = await runCli(['serve'], { ...db.env, DEMO_DATA: 'false', PORT: String(await freePort()) });
    expect(production.code).toBe(EXIT.badInput);
    expect(production.stderr).toContain('this database contains demo data');
    expect(production.stderr).toContain('Production needs a fresh DATA_DIR / database');
    expect(production.stdout).not.toContain('privacydesk is running');
  });

  it('starts empty with DEMO_DATA=false: no accounts, and the first visit is offered the setup', async () => {
    const db = await database();
    const server = await startServer(db, { DEMO_DATA: 'false', JOBS: 'false' });
    expect(server.output()).toContain('the first visit to http://localhost:');
    expect(server.output()).not.toContain('demo sign-in');
    const session = await fetch(`${server.url}/api/auth/session`);
    expect(await session.json()).toMatchObject({ user: null, needsSetup: true });
    const demo = await postJson(`${server.url}/api/auth/sign-in`, {
      email: 'demo@privacydesk.test',
      password: 'privacy-op-orde',
    });
    expect(demo.status).toBe(401);
  });
});
