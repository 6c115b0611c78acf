import { describe, expect, it } from 'vitest';
import {
  afterFailedSignIn,
  describeUserAgent,
  formatRecoveryCode,
  ipPrefix,
  isLocked,
  isSessionActive,
  isTotpStepFresh,
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  normaliseRecoveryCode,
  passwordProblems,
  sessionExpiry,
  shouldTouchSession,
} from './rules.ts';

const now = new Date('2026-11-23T09:00:00Z');
const minutes = (n: number) => n * 60_000;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('passwordProblems', () => {
  const person = { email: 'jan.jansen@example.nl' };

  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('paars-fietsje-onder-de-brug', person)).toEqual([]);
  });

  it('needs at least 12 characters (11 refused, 12 accepted)', () => {
    expect(passwordProblems('abcdefghijk', person)).toEqual(['password_too_short']);
    expect(passwordProblems('abcdefghijkl', person)).toEqual([]);
  });

  it('refuses common passwords in any case, and one character repeated', () => {
    expect(passwordProblems('Wachtwoord123', person)).toEqual(['password_common']);
    expect(passwordProblems('PASSWORD1234', person)).toEqual(['password_common']);
    expect(passwordProblems('aaaaaaaaaaaaaa', person)).toEqual(['password_common']);
  });

  it("refuses a password that contains the e-mail's local part, case-insensitively", () => {
    expect(passwordProblems('mijn-Jan.Jansen-wachtwoord', person)).toEqual(['password_contains_email']);
  });

  it('ignores local parts shorter than four characters', () => {
    expect(passwordProblems('lange-zin-met-jan-erin', { email: 'jan@example.nl' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('jansjansjan', { email: 'jans@example.nl' })).toEqual([
      'password_too_short',
      'password_contains_email',
    ]);
  });
});

describe('lock-out', () => {
  it('is not locked without a lock time, or once the lock time has passed', () => {
    expect(isLocked({ failedSignInCount: 3, lockedUntil: null }, now)).toBe(false);
    expect(isLocked({ failedSignInCount: 0, lockedUntil: now }, now)).toBe(false);
    expect(isLocked({ failedSignInCount: 0, lockedUntil: at(-1) }, now)).toBe(false);
    expect(isLocked({ failedSignInCount: 0, lockedUntil: at(1) }, now)).toBe(true);
  });

  it(`counts failures and locks for ${LOCKOUT_MINUTES} minutes at the ${MAX_FAILED_SIGN_INS}th`, () => {
    let state = { failedSignInCount: 0, lockedUntil: null as Date | null };
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      const next = afterFailedSignIn(state, now);
      expect(next).toEqual({ failedSignInCount: attempt, lockedUntil: null, hasJustLocked: false });
      state = next;
    }
    const locked = afterFailedSignIn(state, now);
    expect(locked.hasJustLocked).toBe(true);
    expect(locked.failedSignInCount).toBe(0);
    expect(locked.lockedUntil).toEqual(at(minutes(15)));
    expect(isLocked(locked, at(minutes(15) - 1))).toBe(true);
    expect(isLocked(locked, at(minutes(15)))).toBe(false);
  });
});

describe('sessions', () => {
  const active = { lastSeenAt: now, expiresAt: at(minutes(60 * 24)), revokedAt: null };

  it('expires a set number of days after creation', () => {
    expect(sessionExpiry(now, 30)).toEqual(new Date('2026-12-23T09:00:00Z'));
  });

  it('is active until revoked, expired or idle too long', () => {
    expect(isSessionActive(active, at(minutes(59)), 60)).toBe(true);
    expect(isSessionActive(active, at(minutes(60)), 60)).toBe(false);
    expect(isSessionActive({ ...active, revokedAt: now }, now, 60)).toBe(false);
    expect(isSessionActive({ ...active, expiresAt: now }, now, 60)).toBe(false);
    expect(isSessionActive({ ...active, expiresAt: at(1) }, now, 60)).toBe(true);
  });

  it('records last-seen at most once a minute', () => {
    expect(shouldTouchSession(now, at(59_999))).toBe(false);
    expect(shouldTouchSession(now, at(60_000))).toBe(true);
  });
});

describe('ipPrefix', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:198.51.100.42', '198.51.100.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    [undefined, ''],
    ['', ''],
    ['not-an-address', ''],
  ])('%s → %s', (ip, expected) => {
    expect(ipPrefix(ip)).toBe(expected);
  });
});

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox / Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge / Windows',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Chrome / Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari / iOS',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'Safari / macOS',
    ],
    ['curl/8.5.0', 'curl'],
    ['', ''],
    [undefined, ''],
  ])('%s → %s', (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });

  it('keeps at most 40 characters of an agent it does not recognise', () => {
    const agent = 'SomeIntegration/1.0 (+https://integrations.example.nl/about/this/agent)';
    expect(describeUserAgent(agent)).toBe(agent.slice(0, 40));
  });
});

describe('recovery codes', () => {
  it('are shown as xxxxx-xxxxx', () => {
    expect(formatRecoveryCode('abcdefghjk')).toBe('abcde-fghjk');
    expect(formatRecoveryCode('ABCDE-FGHJK-extra')).toBe('abcde-fghjk');
  });

  it('match however they are typed: with or without dash, spaces, any case', () => {
    const stored = normaliseRecoveryCode('abcde-fghjk');
    expect(stored).toBe('abcdefghjk');
    for (const typed of ['ABCDE-FGHJK', ' abcde fghjk ', 'abcdefghjk', 'AbCdE—FgHjK']) {
      expect(normaliseRecoveryCode(typed)).toBe(stored);
    }
  });
});

describe('isTotpStepFresh', () => {
  it('accepts a code only for a later time step than the last one used', () => {
    expect(isTotpStepFresh(100, null)).toBe(true);
    expect(isTotpStepFresh(101, 100)).toBe(true);
    expect(isTotpStepFresh(100, 100)).toBe(false);
    expect(isTotpStepFresh(99, 100)).toBe(false);
  });
});
