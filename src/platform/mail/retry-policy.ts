import { describeError } from '../safe-error.ts';

/** How often a message is tried before it is marked `failed`. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** A message claimed longer ago than this belongs to a worker that died mid-send; the sweeper queues it again. */
export const STUCK_SENDING_MS = 15 * 60_000;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** The wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, 4 min, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (Math.max(1, attempts) - 1));
}

/** Where a message goes after its `attempts`-th attempt failed: back in the queue until the last attempt. */
export function afterFailedAttempt(attempts: number, now: Date): { status: 'queued' | 'failed'; nextAttemptAt: Date } {
  return {
    status: attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'queued',
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
  };
}

/** The SMTP reply (code and text) for the outbox's `lastError`; recipients' addresses are left out. */
export function describeSmtpError(error: unknown): string {
  const { responseCode } = error as { responseCode?: unknown };
  const description = describeError(error);
  return typeof responseCode === 'number' && !description.includes(String(responseCode))
    ? `${responseCode} ${description}`
    : description;
}
