import { describe, expect, it } from 'vitest';
import { displayPrefix, expiryInstant, isExpiryInFuture, isTokenUsable, shouldRecordUse } from './rules.ts';

describe('expiryInstant: a token works through the whole of its last day in Amsterdam', () => {
  it.each([
    ['2026-12-31', '2026-12-31T23:00:00.000Z', 'winter time (CET, UTC+1)'],
    ['2027-07-15', '2027-07-15T22:00:00.000Z', 'summer time (CEST, UTC+2)'],
    ['2026-03-28', '2026-03-28T23:00:00.000Z', 'the day before summer time starts: the next midnight is still CET'],
    ['2026-03-29', '2026-03-29T22:00:00.000Z', 'the day summer time starts (23 hours long)'],
    ['2026-10-24', '2026-10-24T22:00:00.000Z', 'the day before winter time: the next midnight is still CEST'],
    ['2026-10-25', '2026-10-25T23:00:00.000Z', 'the day winter time starts (25 hours long)'],
    ['2028-02-28', '2028-02-28T23:00:00.000Z', 'before a leap day'],
    ['2028-02-29', '2028-02-29T23:00:00.000Z', 'a leap day'],
  ])('%s ends at %s (%s)', (expiresOn, instant) => {
    expect(expiryInstant(expiresOn).toISOString()).toBe(instant);
  });

  it('measures the length of the DST days correctly', () => {
    const hours = (day: string, previous: string) =>
      (expiryInstant(day).getTime() - expiryInstant(previous).getTime()) / 3_600_000;
    expect(hours('2026-03-29', '2026-03-28')).toBe(23);
    expect(hours('2026-10-25', '2026-10-24')).toBe(25);
  });
});

describe('isExpiryInFuture', () => {
  it('is true until the first instant of the next Amsterdam day', () => {
    expect(isExpiryInFuture('2026-11-23', new Date('2026-11-23T22:59:59.999Z'))).toBe(true);
    expect(isExpiryInFuture('2026-11-23', new Date('2026-11-23T23:00:00.000Z'))).toBe(false);
    expect(isExpiryInFuture('2026-11-22', new Date('2026-11-23T09:00:00Z'))).toBe(false);
  });
});

describe('isTokenUsable', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  it('is usable unless revoked or past its expiry', () => {
    expect(isTokenUsable({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(isTokenUsable({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isTokenUsable({ revokedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isTokenUsable({ revokedAt: now, expiresAt: null }, now)).toBe(false);
  });
});

describe('shouldRecordUse', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  it('records the first use, then at most once a minute', () => {
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(shouldRecordUse(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});

describe('displayPrefix', () => {
  it('shows the pd_ prefix and six characters', () => {
    expect(displayPrefix('pd_AbCdEfGhIjKlMnOp')).toBe('pd_AbCdEf');
  });
});
