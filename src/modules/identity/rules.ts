/** Pure rules of signing in: passwords, lock-out, session lifetimes, what a session records about its device. */

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const PASSWORD_RESET_MINUTES = 60;
/** More reset mails than this per hour to one address are not sent: the form must not become a way to flood someone. */
export const MAX_RESET_MAILS_PER_HOUR = 3;
export const RECOVERY_CODE_COUNT = 10;
const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** A short list of passwords people really use (Dutch and English); long enough to stop the obvious ones. */
const COMMON_PASSWORDS = new Set([
  'wachtwoord123',
  'wachtwoord1234',
  'welkom123456',
  'password1234',
  'password12345',
  'passw0rd1234',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwerty123456',
  'iloveyou1234',
  'welcome12345',
  'administrator',
  'privacydesk1',
  'privacydesk12',
  'zomer2026!!!',
  'voorjaar2026!',
]);

/** Codes (see validation.*) of what is wrong with a new password; empty when it is acceptable. */
export function passwordProblems(password: string, person: { email: string; name?: string }): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('password_too_short');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) problems.push('password_common');
  const localPart = person.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lower.includes(localPart)) problems.push('password_contains_email');
  return problems;
}

export interface LockoutState {
  failedSignInCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: count it, and lock the account for a while once the limit is reached. */
export function afterFailedSignIn(state: LockoutState, now: Date): LockoutState & { hasJustLocked: boolean } {
  const failedSignInCount = state.failedSignInCount + 1;
  if (failedSignInCount < MAX_FAILED_SIGN_INS) return { failedSignInCount, lockedUntil: null, hasJustLocked: false };
  return {
    failedSignInCount: 0,
    lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000),
    hasJustLocked: true,
  };
}

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function sessionExpiry(createdAt: Date, maxDays: number): Date {
  return new Date(createdAt.getTime() + maxDays * 86_400_000);
}

/** A session is valid until revoked, past its absolute expiry, or idle for longer than the idle limit. */
export function isSessionActive(session: SessionTimes, now: Date, idleMinutes: number): boolean {
  if (session.revokedAt) return false;
  if (session.expiresAt.getTime() <= now.getTime()) return false;
  return now.getTime() - session.lastSeenAt.getTime() < idleMinutes * 60_000;
}

/** Writing last-seen on every request would turn reads into writes; once a minute is precise enough. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}

/** The network, not the host: 203.0.113.7 → 203.0.113.0/24, IPv6 → its /48. Enough to recognise, not to track. */
export function ipPrefix(ip: string | undefined): string {
  if (!ip) return '';
  const mapped = ip.replace(/^::ffff:/, '');
  const v4 = mapped.match(/^(\d+)\.(\d+)\.(\d+)\.\d+$/);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (mapped.includes(':')) {
    const [head = ''] = mapped.split('::');
    const groups = head.split(':').filter(Boolean);
    return `${[...groups, '0', '0', '0'].slice(0, 3).join(':')}::/48`;
  }
  return '';
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Windows": what a person needs to recognise a session, without the full fingerprint. */
export function describeUserAgent(userAgent: string | undefined): string {
  if (!userAgent) return '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} / ${system}`;
  return browser ?? system ?? userAgent.slice(0, 40);
}

/** Recovery codes are shown as two groups of five characters joined by a dash; people type them with or without the dash, in any case. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function formatRecoveryCode(raw: string): string {
  const clean = normaliseRecoveryCode(raw).slice(0, 10);
  return `${clean.slice(0, 5)}-${clean.slice(5)}`;
}

/** A TOTP code is accepted once: its time step must be later than the last one used. */
export function isTotpStepFresh(step: number, lastStep: number | null): boolean {
  return lastStep === null || step > lastStep;
}
