import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TPostgresConfig } from './schema.ts';

/** The PostgreSQL server the connector tests run against (trust auth on this machine; CI sets the same). */
export const POSTGRES_TEST_SERVER = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? '',
};

/** A uniquely named, empty database for one test file; `drop()` removes it (and anything connected to it). */
export async function createPostgresTestDatabase(label: string) {
  const name = `pdconn_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ ...POSTGRES_TEST_SERVER, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const client = new pg.Client({ ...POSTGRES_TEST_SERVER, database: name });
  await client.connect();
  const config: TPostgresConfig = {
    ...POSTGRES_TEST_SERVER,
    database: name,
    sslMode: 'disable',
    connectTimeoutMs: 5_000,
  };
  return {
    name,
    /** An owner connection for setting up and inspecting tables, outside the connector. */
    client,
    config,
    async drop() {
      await client.end().catch(() => undefined);
      const cleanup = new pg.Client({ ...POSTGRES_TEST_SERVER, database: 'postgres' });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Why a scratch PostgreSQL server with password authentication cannot be started here, or null when it can. The
 * shared server trusts loopback connections, so only a server of our own can refuse a wrong password.
 */
export function scratchServerUnavailableReason(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root (initdb must run as the postgres user)';
  if (!findPostgresBin()) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  return null;
}

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  return bin ?? null;
}

/** Starts a throwaway PostgreSQL server (scram-sha-256 only) on a free port; `stop()` removes it. */
export async function startScratchPostgres(password: string) {
  const bin = findPostgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'pd-scratch-pg-'));
  const run = (args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe', timeout: 60_000 });
  writeFileSync(join(dir, 'pw'), password);
  chownSync(dir, ...postgresIds());
  chownSync(join(dir, 'pw'), ...postgresIds());
  run([
    join(bin, 'initdb'),
    '-D',
    join(dir, 'data'),
    '-U',
    'postgres',
    '-A',
    'scram-sha-256',
    `--pwfile=${join(dir, 'pw')}`,
  ]);
  const port = await freePort();
  run([
    join(bin, 'pg_ctl'),
    '-D',
    join(dir, 'data'),
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    port,
    async stop() {
      run([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return [id('-u'), id('-g')];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
