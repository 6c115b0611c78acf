import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process's database: a second process on the same directory loses writes or corrupts it. The
 * process that opens it holds a lock file beside it, created atomically (O_EXCL) and naming its pid, its start
 * and what it serves; another process sees it and refuses. A crashed holder leaves the file behind, so a lock
 * whose process no longer runs (or whose pid now belongs to a process started later) is stale and taken over.
 */
export interface LockHolder {
  pid: number;
  /** When the holding process started (ms since the epoch), to tell it from a later process that reuses its pid. */
  processStartedAt: number;
  /** The privacydesk command that holds it, e.g. `serve` or `register export` (never its options). */
  command: string;
  /** The holder's PUBLIC_URL: where a running server answers. */
  url?: string | undefined;
  lockedAt: string;
}

export class DataDirectoryInUseError extends Error {
  readonly holder: LockHolder;
  readonly directory: string;

  constructor(directory: string, holder: LockHolder) {
    super(
      `The data directory ${directory} is in use by another privacydesk process (pid ${holder.pid}, ` +
        `\`privacydesk ${holder.command}\`${holder.url ? ` at ${holder.url}` : ''}).`,
    );
    this.name = 'DataDirectoryInUseError';
    this.directory = directory;
    this.holder = holder;
  }

  get isServer(): boolean {
    return this.holder.command === 'serve';
  }
}

export interface DataDirectoryLock {
  readonly file: string;
  release(): void;
}

export const lockFileOf = (databaseDir: string) => `${databaseDir}.lock`;

const CLOCK_TICKS_PER_SECOND = 100;
/** How far two readings of one process's start may differ (rounding of clock ticks and boot time). */
const START_TOLERANCE_MS = 2_000;

/** A process's start time from /proc (Linux); undefined where there is no /proc or no such process. */
function startTimeFromProc(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksSinceBoot = Number(fields[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticksSinceBoot) || !Number.isFinite(bootSeconds)) return undefined;
    return bootSeconds * 1000 + (ticksSinceBoot * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export function processStartedAt(pid = process.pid): number {
  return startTimeFromProc(pid) ?? Math.round(Date.now() - process.uptime() * 1000);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote the lock still runs: its pid is alive and was not reused by a later process. */
export function isHolderAlive(holder: LockHolder): boolean {
  if (!isRunning(holder.pid)) return false;
  const startedAt = startTimeFromProc(holder.pid);
  return startedAt === undefined || Math.abs(startedAt - holder.processStartedAt) < START_TOLERANCE_MS;
}

export function readLockHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file only if none exists; false when another one is there. */
function createExclusively(file: string, holder: LockHolder): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(descriptor, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

/**
 * Removes a stale lock so the next attempt can create its own. Renaming first means that of two processes that
 * both found it stale, only one removes it (the other's rename fails) and neither removes a fresh lock.
 */
function removeStale(file: string): void {
  const claimed = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, claimed);
    unlinkSync(claimed);
  } catch {
    // Someone else cleared it first.
  }
}

/**
 * Takes the lock on a PGlite directory for this process, or throws DataDirectoryInUseError naming the holder. A
 * lock file being written this instant (empty) counts as held.
 */
export function lockDataDirectory(
  databaseDir: string,
  about: { command: string; url?: string | undefined },
): DataDirectoryLock {
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const file = lockFileOf(databaseDir);
  const me: LockHolder = {
    pid: process.pid,
    processStartedAt: processStartedAt(),
    command: about.command,
    url: about.url,
    lockedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (createExclusively(file, me)) return heldLock(file);
    const holder = readLockHolder(file);
    if (holder && isHolderAlive(holder)) throw new DataDirectoryInUseError(path.dirname(databaseDir), holder);
    if (!holder) {
      // Being written by a process that just created it; give it a moment before judging it.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      const settled = readLockHolder(file);
      if (settled && isHolderAlive(settled)) throw new DataDirectoryInUseError(path.dirname(databaseDir), settled);
    }
    removeStale(file);
  }
  throw new Error(`Could not lock ${databaseDir}: its lock file ${file} keeps reappearing`);
}

function heldLock(file: string): DataDirectoryLock {
  let isHeld = true;
  const release = () => {
    if (!isHeld) return;
    isHeld = false;
    process.off('exit', release);
    if (readLockHolder(file)?.pid === process.pid) unlinkSync(file);
  };
  // An uncaught error ends the process without closing the database: the lock goes with it all the same.
  process.on('exit', release);
  return { file, release };
}
