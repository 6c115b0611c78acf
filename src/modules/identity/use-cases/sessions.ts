import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { generateToken, hashToken } from '../../../platform/crypto/tokens.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { notFound } from '../../../platform/errors.ts';
import type { SessionPrincipal } from '../../../platform/http/access.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import type { TSession } from '../contract.ts';
import { describeUserAgent, ipPrefix, isSessionActive, sessionExpiry, shouldTouchSession } from '../rules.ts';
import {
  findSessionByTokenHash,
  insertSession,
  listActiveSessions,
  revokeSession,
  revokeSessionsOfUser,
  type UserRow,
  updateSession,
} from '../store.ts';
import { presentSession } from './present.ts';

/** A session waiting for its second factor lives this long. */
const PENDING_SESSION_MINUTES = 10;

export interface Device {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

export interface StartedSession {
  token: string;
  expiresAt: Date;
  csrfToken: string;
}

/** Opens a session: the cookie value goes to the browser once, only its hash is stored. */
export async function startSession(
  ctx: AppContext,
  tx: Database,
  user: UserRow,
  options: { isFullyAuthenticated: boolean; device: Device },
): Promise<StartedSession> {
  const now = ctx.clock.now();
  const token = generateToken('', 32);
  const csrfToken = generateToken('', 24);
  const expiresAt = options.isFullyAuthenticated
    ? sessionExpiry(now, ctx.config.sessionMaxDays)
    : new Date(now.getTime() + PENDING_SESSION_MINUTES * 60_000);
  await insertSession(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    isFullyAuthenticated: options.isFullyAuthenticated,
    userAgent: describeUserAgent(options.device.userAgent),
    ipPrefix: ipPrefix(options.device.ip),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt, csrfToken };
}

/** The person behind a session cookie, or null when the session is unknown, revoked, expired or idle too long. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionPrincipal | null> {
  const found = await findSessionByTokenHash(ctx.db, hashToken(token));
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.clock.now();
  if (!isSessionActive(session, now, ctx.config.sessionIdleMinutes)) return null;
  if (shouldTouchSession(session.lastSeenAt, now)) await updateSession(ctx.db, session.id, { lastSeenAt: now });
  return {
    kind: 'session',
    userId: user.id,
    sessionId: session.id,
    locale: isLocale(user.locale) ? user.locale : 'nl',
    isFullyAuthenticated: session.isFullyAuthenticated,
    hasTotp: user.totpSecretSealed !== null,
    csrfToken: session.csrfToken,
  };
}

export async function listSessions(ctx: AppContext, principal: SessionPrincipal): Promise<TSession[]> {
  const rows = await listActiveSessions(ctx.db, principal.userId, ctx.clock.now());
  return rows
    .filter((row) => isSessionActive(row, ctx.clock.now(), ctx.config.sessionIdleMinutes))
    .map((row) => presentSession(row, principal.sessionId));
}

export async function revokeOwnSession(ctx: AppContext, principal: SessionPrincipal, sessionId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const isRevoked = await revokeSession(tx, principal.userId, sessionId, ctx.clock.now());
    if (!isRevoked) throw notFound('session_not_found');
    await recordAudit(tx, ctx.clock.now(), {
      orgId: null,
      actor: { type: 'user', id: principal.userId },
      action: 'session.revoked',
      target: { type: 'session', id: sessionId },
    });
  });
}

export async function revokeOtherSessions(ctx: AppContext, principal: SessionPrincipal): Promise<number> {
  return inTransaction(ctx.db, async (tx) => {
    const revoked = await revokeSessionsOfUser(tx, principal.userId, ctx.clock.now(), principal.sessionId);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: null,
      actor: { type: 'user', id: principal.userId },
      action: 'session.others_revoked',
      data: { count: revoked },
    });
    return revoked;
  });
}

export async function signOut(ctx: AppContext, principal: SessionPrincipal): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await revokeSession(tx, principal.userId, principal.sessionId, ctx.clock.now());
    await recordAudit(tx, ctx.clock.now(), {
      orgId: null,
      actor: { type: 'user', id: principal.userId },
      action: 'auth.signed_out',
      target: { type: 'session', id: principal.sessionId },
    });
  });
}
