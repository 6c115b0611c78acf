import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { hashPassword, verifyPassword } from '../../../platform/crypto/passwords.ts';
import { generateToken, hashToken } from '../../../platform/crypto/tokens.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import type { SessionPrincipal } from '../../../platform/http/access.ts';
import { isLocale, translate } from '../../../platform/i18n/index.ts';
import { composeText } from '../../../platform/mail/layout.ts';
import { MAX_RESET_MAILS_PER_HOUR, PASSWORD_RESET_MINUTES } from '../rules.ts';
import {
  consumePasswordReset,
  countPasswordResetsSince,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  retirePasswordResets,
  revokeSessionsOfUser,
  updateUser,
} from '../store.ts';
import { assertAcceptablePassword } from './create-user.ts';

/** Changes the password after checking the current one; every other session of the person is signed out. */
export async function changePassword(
  ctx: AppContext,
  principal: SessionPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw new AppError('unauthenticated', 'sign_in_required');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', 'password_wrong');
  }
  assertAcceptablePassword(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    await retirePasswordResets(tx, user.id, now);
    const revoked = await revokeSessionsOfUser(tx, user.id, now, principal.sessionId);
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: 'auth.password_changed',
      data: { otherSessionsRevoked: revoked },
    });
  });
}

/**
 * Mails a one-time reset link when the address belongs to an account. The answer is the same either way, so the
 * form does not tell strangers who has an account.
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    if (!user) {
      await recordAudit(tx, now, {
        orgId: null,
        actor: { type: 'anonymous', id: null },
        action: 'auth.password_reset_requested',
        data: { emailHash: ctx.identifiers.hash(email), isKnown: false },
      });
      return;
    }
    const recent = await countPasswordResetsSince(tx, user.id, new Date(now.getTime() - 3_600_000));
    if (recent >= MAX_RESET_MAILS_PER_HOUR) {
      await recordAudit(tx, now, {
        orgId: null,
        actor: { type: 'anonymous', id: null },
        action: 'auth.password_reset_throttled',
        target: { type: 'user', id: user.id },
      });
      return;
    }
    const token = generateToken('', 32);
    await insertPasswordReset(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
    });
    const locale = isLocale(user.locale) ? user.locale : 'nl';
    const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await ctx.outbox.queue(
      tx,
      {
        orgId: null,
        to: user.email,
        locale,
        template: 'identity.password_reset',
        subject: translate(locale, 'mail.password_reset.subject'),
        text: composeText(locale, [
          translate(locale, 'mail.greeting', { name: user.name }),
          translate(locale, 'mail.password_reset.body', { minutes: PASSWORD_RESET_MINUTES }),
          link,
          translate(locale, 'mail.password_reset.ignore'),
        ]),
        isSensitive: true,
      },
      afterCommit,
    );
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'anonymous', id: null },
      action: 'auth.password_reset_requested',
      target: { type: 'user', id: user.id },
    });
  });
}

/** Sets a new password from a mailed link; the link works once, and every session of the person ends. */
export async function confirmPasswordReset(ctx: AppContext, input: { token: string; password: string }): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const reset = await consumePasswordReset(tx, hashToken(input.token), now);
    if (!reset) throw new AppError('invalid', 'reset_link_invalid');
    const user = await findUserById(tx, reset.userId);
    if (!user) throw new AppError('invalid', 'reset_link_invalid');
    assertAcceptablePassword(input.password, user, 'password');
    await updateUser(tx, user.id, {
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: now,
      failedSignInCount: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await retirePasswordResets(tx, user.id, now);
    const revoked = await revokeSessionsOfUser(tx, user.id, now);
    await recordAudit(tx, now, {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: 'auth.password_reset',
      data: { sessionsRevoked: revoked },
    });
  });
}
