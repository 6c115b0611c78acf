import { describeError } from '../safe-error.ts';
import type { Database } from './database.ts';

export type AfterCommit = () => unknown;
export type BeforeCommit = () => Promise<unknown>;

/** Work due at the end of each open `inTransaction`, keyed by its transaction handle. */
const dueBeforeCommit = new WeakMap<object, BeforeCommit[]>();

/**
 * Runs `work` at the end of the transaction `tx`, inside it, after the use case itself is done: for derived data
 * that must be written with the change but only once however many changes the use case makes (the register's
 * stored completeness). Returns false when `tx` is not a transaction of `inTransaction` (the caller must then do
 * the work itself).
 */
export function beforeCommit(tx: Database, work: BeforeCommit): boolean {
  const due = dueBeforeCommit.get(tx);
  if (!due) return false;
  due.push(work);
  return true;
}

async function runBeforeCommit(due: BeforeCommit[]): Promise<void> {
  // Work may register further work (a refresh that announces a change): run until nothing is left.
  for (let next = due.shift(); next; next = due.shift()) await next();
}

/**
 * Runs one use case in one transaction. Work registered with `afterCommit` (waking a job, say) runs only once
 * the transaction has committed, so nothing outside the database learns of a change that was rolled back; work
 * registered with `beforeCommit` runs last inside the transaction.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Database, afterCommit: (fn: AfterCommit) => void) => Promise<T>,
): Promise<T> {
  const pending: AfterCommit[] = [];
  const result = await db.transaction(async (handle) => {
    const tx = handle as unknown as Database;
    const due: BeforeCommit[] = [];
    dueBeforeCommit.set(tx, due);
    try {
      const outcome = await work(tx, (fn) => pending.push(fn));
      await runBeforeCommit(due);
      return outcome;
    } finally {
      dueBeforeCommit.delete(tx);
    }
  });
  for (const fn of pending) {
    try {
      await fn();
    } catch (error) {
      // After-commit work is an optimisation (sweepers retry it); its failure must not undo a committed change.
      process.emitWarning(`after-commit work failed: ${describeError(error)}`);
    }
  }
  return result;
}
