import { Temporal } from 'temporal-polyfill';

export const TOKEN_PREFIX = 'pd_';
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const LAST_USED_PRECISION_MS = 60_000;

export function displayPrefix(token: string): string {
  return token.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** A token "valid until 2027-03-31" works through that whole day in Amsterdam. */
export function expiryInstant(expiresOn: string): Date {
  const nextDay = Temporal.PlainDate.from(expiresOn).add({ days: 1 });
  return new Date(nextDay.toZonedDateTime('Europe/Amsterdam').epochMilliseconds);
}

export function isExpiryInFuture(expiresOn: string, now: Date): boolean {
  return expiryInstant(expiresOn).getTime() > now.getTime();
}

export function isTokenUsable(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  if (token.revokedAt) return false;
  return !token.expiresAt || token.expiresAt.getTime() > now.getTime();
}

/** Recording every use would write on every API call; a minute's precision is what a person reads anyway. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
}
