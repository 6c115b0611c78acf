import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../src/app.ts';
import { connectDatabase } from '../src/platform/db/connect.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import {
  adminDatabaseUrl,
  dropDatabase,
  testDatabaseName,
  testEngine,
  withDatabase,
} from '../src/platform/db/testing.ts';
import { TEST_SECRET_KEY } from './app.ts';

const BIN = path.join(projectRoot, 'bin', 'privacydesk.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (with --json), else undefined. */
  json: any;
}

/** The environment a spawned command sees: only what it needs, in English, quiet, with the test key. */
export function cliEnvironment(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C',
    LOG_LEVEL: 'silent',
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts `privacydesk …` as a child process (the way an operator runs it). */
export function spawnCli(args: string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: projectRoot, env: cliEnvironment(env) });
}

/** Runs `privacydesk …` to its end and collects what it printed. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/**
 * A database for spawned commands, of the engine this test run uses: a PGlite data directory, or an empty
 * PostgreSQL database (DATABASE_URL) that the commands migrate themselves.
 */
export interface CliDatabase {
  /** DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** Opens the same database in this process (PGlite: only while no command runs). Superuser rights. */
  open(): Promise<DatabaseHandle>;
  /** Runs statements as superuser with no command running (e.g. to tamper with the audit trail). */
  asSuperuser(statements: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function createCliDatabase(): Promise<CliDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-cli-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (testEngine() === 'pglite') {
    const open = () => connectDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    return {
      env: { DATA_DIR: dataDir },
      open,
      asSuperuser: (statements) => runStatements(open, statements),
      close: async () => removeDir(),
    };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database "${name}"`).finally(() => admin.end());
  const url = withDatabase(adminDatabaseUrl(), name);
  const open = () => connectDatabase({ databaseUrl: url, poolSize: 2 });
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    open,
    asSuperuser: (statements) => runStatements(open, statements),
    async close() {
      await dropDatabase(name);
      removeDir();
    },
  };
}

async function runStatements(open: () => Promise<DatabaseHandle>, statements: string[]): Promise<void> {
  const database = await open();
  try {
    for (const statement of statements) await database.sql.executeSql(statement);
  } finally {
    await database.close();
  }
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
  /** SIGTERM (or another signal), then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `privacydesk serve` as an operator does, on a free port (PUBLIC_URL is that address), and waits until it
 * printed its address (or gives up after 2 minutes: a loaded CI machine). The caller stops it.
 */
export async function startServer(db: CliDatabase, env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawnCli(['serve'], {
    ...db.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    ...env,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const deadline = Date.now() + 120_000;
  while (!output.includes('privacydesk is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`server did not start (exit code ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid as number, output: () => output, stop };
}
