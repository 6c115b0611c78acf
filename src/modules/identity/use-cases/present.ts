import type { TSession, TUser } from '../contract.ts';
import type { SessionRow, UserRow } from '../store.ts';

export function presentUser(user: UserRow): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === 'en' ? 'en' : 'nl',
    hasTotp: user.totpSecretSealed !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentSession(session: SessionRow, currentSessionId: string): TSession {
  return {
    id: session.id,
    userAgent: session.userAgent,
    ipPrefix: session.ipPrefix,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    isCurrent: session.id === currentSessionId,
  };
}
