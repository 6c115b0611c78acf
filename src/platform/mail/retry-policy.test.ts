import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, describeSmtpError, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './retry-policy.ts';

describe('retryDelayMs', () => {
  it('doubles from 30 seconds', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(8)).toBe(60 * 60_000);
    expect(retryDelayMs(50)).toBe(60 * 60_000);
  });
});

describe('afterFailedAttempt', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it('queues the message again after the backoff until the last attempt', () => {
    expect(afterFailedAttempt(1, now)).toEqual({ status: 'queued', nextAttemptAt: new Date('2026-11-23T09:00:30Z') });
    expect(afterFailedAttempt(MAX_DELIVERY_ATTEMPTS - 1, now).status).toBe('queued');
  });

  it('marks the message failed after the fifth attempt', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(5);
    expect(afterFailedAttempt(5, now).status).toBe('failed');
  });
});

describe('describeSmtpError', () => {
  it('keeps the reply code and text but not the recipient', () => {
    const error = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <ann.smit@example.nl>: no such user"),
      { code: 'EENVELOPE', responseCode: 550 },
    );
    const description = describeSmtpError(error);
    expect(description).toContain('EENVELOPE');
    expect(description).toContain('550 5.1.1 <<address>>: no such user');
    expect(description).not.toContain('ann.smit');
  });

  it('adds the reply code when the message does not carry it', () => {
    const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 });
    expect(describeSmtpError(error)).toBe('450 Mailbox unavailable');
  });
});
