import { describeError } from '../safe-error.ts';
import type { Database } from './database.ts';

export type AfterCommit = () => unknown;

/**
 * Runs one use case in one transaction. Work registered with `afterCommit` (waking a job, say) runs only once
 * the transaction has committed, so nothing outside the database learns of a change that was rolled back.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Database, afterCommit: (fn: AfterCommit) => void) => Promise<T>,
): Promise<T> {
  const pending: AfterCommit[] = [];
  const result = await db.transaction((tx) => work(tx as unknown as Database, (fn) => pending.push(fn)));
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
