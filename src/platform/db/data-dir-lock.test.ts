import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirectoryInUseError,
  type LockHolder,
  lockDataDirectory,
  lockFileOf,
  processStartedAt,
} from './data-dir-lock.ts';

let dataDir: string;
let databaseDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-lock-'));
  databaseDir = path.join(dataDir, 'pglite');
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A lock file as another process would have left it. */
function leaveLock(holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: process.pid,
    processStartedAt: processStartedAt(),
    command: 'serve',
    url: 'http://localhost:8080',
    lockedAt: new Date().toISOString(),
    ...holder,
  };
  writeFileSync(lockFileOf(databaseDir), JSON.stringify(full));
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  it('names its holder in a file beside the database and removes it on release', () => {
    const lock = lockDataDirectory(databaseDir, { command: 'serve', url: 'http://localhost:8080' });
    const holder = JSON.parse(readFileSync(lockFileOf(databaseDir), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, command: 'serve', url: 'http://localhost:8080' });
    expect(Math.abs(holder.processStartedAt - (Date.now() - process.uptime() * 1000))).toBeLessThan(5_000);
    lock.release();
    expect(existsSync(lockFileOf(databaseDir))).toBe(false);
  });

  it('refuses a second holder while the first one runs, naming it', () => {
    const lock = lockDataDirectory(databaseDir, { command: 'serve', url: 'http://localhost:8080' });
    try {
      expect(() => lockDataDirectory(databaseDir, { command: 'register export' })).toThrowError(
        DataDirectoryInUseError,
      );
      try {
        lockDataDirectory(databaseDir, { command: 'register export' });
      } catch (error) {
        expect((error as DataDirectoryInUseError).holder).toMatchObject({ pid: process.pid, command: 'serve' });
        expect((error as DataDirectoryInUseError).isServer).toBe(true);
        expect((error as DataDirectoryInUseError).directory).toBe(dataDir);
      }
    } finally {
      lock.release();
    }
  });

  it('takes over a lock whose process has died (a crashed server blocks nothing)', () => {
    leaveLock({ pid: deadPid() });
    const lock = lockDataDirectory(databaseDir, { command: 'register check' });
    expect(JSON.parse(readFileSync(lockFileOf(databaseDir), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'register check',
    });
    lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to a later process', () => {
    leaveLock({ pid: process.pid, processStartedAt: processStartedAt() - 3_600_000 });
    const lock = lockDataDirectory(databaseDir, { command: 'migrate' });
    expect(JSON.parse(readFileSync(lockFileOf(databaseDir), 'utf8')).command).toBe('migrate');
    lock.release();
  });

  it('takes over a lock file left empty by a process that died while writing it', () => {
    writeFileSync(lockFileOf(databaseDir), '');
    const lock = lockDataDirectory(databaseDir, { command: 'migrate' });
    expect(JSON.parse(readFileSync(lockFileOf(databaseDir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('leaves another holder’s lock alone on release', () => {
    const lock = lockDataDirectory(databaseDir, { command: 'serve' });
    leaveLock({ pid: 1, command: 'serve' });
    lock.release();
    expect(existsSync(lockFileOf(databaseDir))).toBe(true);
  });
});
