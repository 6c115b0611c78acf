import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliDatabase, createCliDatabase, runCli, spawnCli } from '../../test/cli.ts';
import { EXIT } from './output.ts';

// `privacydesk serve` as an operator starts it: a child process on a free port, asked over real HTTP.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function database(): Promise<CliDatabase> {
  const created = await createCliDatabase();
  cleanups.push(() => created.close());
  return created;
}

interface Server {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts the server and waits until it printed its address (or gives up after 2 minutes: a loaded CI machine). */
async function startServer(db: CliDatabase, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawnCli(['serve'], { ...db.env, PORT: String(port), HOST: '127.0.0.1', ...env });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  cleanups.push(async () => {
    await stop();
  });
  const deadline = Date.now() + 120_000;
  while (!output.includes('privacydesk is running at')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start (exit code ${child.exitCode}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
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
