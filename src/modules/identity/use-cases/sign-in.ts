import type { AuditAction } from '../../../platform/audit/actions.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { verifyAgainstDummy, verifyPassword } from '../../../platform/crypto/passwords.ts';
import { hashToken } from '../../../platform/crypto/tokens.ts';
import { matchTotpStep } from '../../../platform/crypto/totp.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import type { SessionPrincipal } from '../../../platform/http/access.ts';
import type { TSecondFactorRequest, TSignInRequest } from '../contract.ts';
import { afterFailedSignIn, isLocked, isTotpStepFresh, LOCKOUT_MINUTES, normaliseRecoveryCode } from '../rules.ts';
import {
  consumeRecoveryCode,
  findUserByEmail,
  findUserById,
  findUserForUpdate,
  revokeSession,
  type UserRow,
  updateUser,
} from '../store.ts';
import { type Device, type StartedSession, startSession } from './sessions.ts';

export interface SignInResult {
  session: StartedSession;
  needsSecondFactor: boolean;
}

/**
 * The password step's one refusal — wrong password, unknown address and locked account alike — so that the lock-out
 * does not tell strangers which addresses have an account. Its text mentions the lock-out for the real owner.
 */
const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', { params: { minutes: LOCKOUT_MINUTES } });
const accountLocked = () => new AppError('rate_limited', 'account_locked', { params: { minutes: LOCKOUT_MINUTES } });

/**
 * Counts a failed attempt (password or second factor) and locks the account after too many; commits, then throws
 * `refusal`, or `lockedRefusal` when this attempt locked the account.
 */
async function registerFailure(
  ctx: AppContext,
  user: UserRow,
  action: AuditAction,
  refusal: () => AppError,
  lockedRefusal: () => AppError,
): Promise<never> {
  const now = ctx.clock.now();
  // The count is read under a row lock: parallel failed attempts each count, none is lost.
  const next = await inTransaction(ctx.db, async (tx) => {
    const current = (await findUserForUpdate(tx, user.id)) ?? user;
    const counted = afterFailedSignIn(current, now);
    await updateUser(tx, user.id, { failedSignInCount: counted.failedSignInCount, lockedUntil: counted.lockedUntil });
    const actor = { type: 'user' as const, id: user.id };
    await recordAudit(tx, now, { orgId: null, actor, action, target: { type: 'user', id: user.id } });
    if (counted.hasJustLocked) {
      await recordAudit(tx, now, {
        orgId: null,
        actor,
        action: 'auth.account_locked',
        target: { type: 'user', id: user.id },
      });
    }
    return counted;
  });
  throw next.hasJustLocked ? lockedRefusal() : refusal();
}

/** A locked account is refused as an unknown address is: after the same password hashing, with an audit entry. */
async function refuseWhileLocked(ctx: AppContext, user: UserRow, password: string): Promise<never> {
  await verifyAgainstDummy(password);
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.clock.now(), {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: 'auth.sign_in_failed',
      target: { type: 'user', id: user.id },
      data: { isLocked: true },
    }),
  );
  throw invalidCredentials();
}

/** Checks e-mail and password; opens a full session, or a pending one when a second factor is due. */
export async function signIn(ctx: AppContext, input: TSignInRequest, device: Device): Promise<SignInResult> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await inTransaction(ctx.db, (tx) =>
      recordAudit(tx, now, {
        orgId: null,
        actor: { type: 'anonymous', id: null },
        action: 'auth.sign_in_failed',
        data: { emailHash: ctx.identifiers.hash(input.email) },
      }),
    );
    throw invalidCredentials();
  }
  if (isLocked(user, now)) return refuseWhileLocked(ctx, user, input.password);
  if (!(await verifyPassword(user.passwordHash, input.password)))
    return registerFailure(ctx, user, 'auth.sign_in_failed', invalidCredentials, invalidCredentials);

  const needsSecondFactor = user.totpSecretSealed !== null;
  const session = await inTransaction(ctx.db, async (tx) => {
    // With a second factor due, failures keep counting until it is given: else a fresh password sign-in would
    // reset the count and the lock-out would never stop someone guessing codes.
    if (!needsSecondFactor) await updateUser(tx, user.id, { failedSignInCount: 0, lockedUntil: null });
    const started = await startSession(ctx, tx, user, { isFullyAuthenticated: !needsSecondFactor, device });
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: needsSecondFactor ? 'auth.password_verified' : 'auth.signed_in',
      data: { method: 'password' },
    });
    return started;
  });
  return { session, needsSecondFactor };
}

async function acceptsSecondFactor(
  ctx: AppContext,
  user: UserRow,
  input: TSecondFactorRequest,
): Promise<string | null> {
  const now = ctx.clock.now();
  if ('code' in input) {
    if (!user.totpSecretSealed) return null;
    const step = matchTotpStep(ctx.secrets.open(user.totpSecretSealed), input.code, now);
    if (step === null || !isTotpStepFresh(step, user.totpLastStep)) return null;
    await updateUser(ctx.db, user.id, { totpLastStep: step });
    return 'totp';
  }
  const codeHash = hashToken(normaliseRecoveryCode(input.recoveryCode));
  return (await consumeRecoveryCode(ctx.db, user.id, codeHash, now)) ? 'recovery_code' : null;
}

/** Completes a pending sign-in with a TOTP or recovery code; the pending session is replaced by a new full one. */
export async function completeSecondFactor(
  ctx: AppContext,
  principal: SessionPrincipal,
  input: TSecondFactorRequest,
  device: Device,
): Promise<StartedSession> {
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw invalidCredentials();
  if (principal.isFullyAuthenticated) throw new AppError('conflict', 'already_signed_in');
  if (isLocked(user, ctx.clock.now())) throw accountLocked();
  const method = await acceptsSecondFactor(ctx, user, input);
  if (!method) {
    const refusal = () =>
      'code' in input ? invalidField('code', 'totp_wrong') : invalidField('recoveryCode', 'recovery_code_wrong');
    return registerFailure(ctx, user, 'auth.second_factor_failed', refusal, accountLocked);
  }

  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await updateUser(tx, user.id, { failedSignInCount: 0, lockedUntil: null });
    await revokeSession(tx, user.id, principal.sessionId, now);
    const started = await startSession(ctx, tx, user, { isFullyAuthenticated: true, device });
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: 'auth.signed_in',
      data: { method },
    });
    return started;
  });
}
