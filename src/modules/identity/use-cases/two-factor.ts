import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { verifyPassword } from '../../../platform/crypto/passwords.ts';
import { hashToken } from '../../../platform/crypto/tokens.ts';
import { generateTotpSecret, matchTotpStep, totpEnrolmentDetails } from '../../../platform/crypto/totp.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict, invalidField } from '../../../platform/errors.ts';
import type { SessionPrincipal } from '../../../platform/http/access.ts';
import { formatRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from '../rules.ts';
import { findUserById, replaceRecoveryCodes, type UserRow, updateUser } from '../store.ts';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  return formatRecoveryCode(Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join(''));
}

async function loadUser(ctx: AppContext, principal: SessionPrincipal): Promise<UserRow> {
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw new AppError('unauthenticated', 'sign_in_required');
  return user;
}

async function issueRecoveryCodes(tx: Database, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((code) => hashToken(normaliseRecoveryCode(code))),
  );
  return codes;
}

/** Step 1 of enrolment: a new secret, kept pending (sealed) until the person proves their app shows its codes. */
export async function startTotpEnrolment(ctx: AppContext, principal: SessionPrincipal) {
  const user = await loadUser(ctx, principal);
  if (user.totpSecretSealed) throw conflict('totp_already_enabled');
  const secret = generateTotpSecret();
  await updateUser(ctx.db, user.id, { totpPendingSealed: ctx.secrets.seal(secret) });
  return totpEnrolmentDetails(secret, user.email);
}

/** Step 2: a correct code switches two-factor on and hands out ten recovery codes, shown this once. */
export async function confirmTotpEnrolment(ctx: AppContext, principal: SessionPrincipal, code: string) {
  const user = await loadUser(ctx, principal);
  if (user.totpSecretSealed) throw conflict('totp_already_enabled');
  if (!user.totpPendingSealed) throw conflict('totp_enrolment_not_started');
  const now = ctx.clock.now();
  const step = matchTotpStep(ctx.secrets.open(user.totpPendingSealed), code, now);
  if (step === null) throw invalidField('code', 'totp_wrong');
  return inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, user.id, {
      totpSecretSealed: user.totpPendingSealed,
      totpPendingSealed: null,
      totpEnabledAt: now,
      totpLastStep: step,
      updatedAt: now,
    });
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, now, { orgId: null, actor: { type: 'user', id: user.id }, action: 'auth.totp_enabled' });
    return { recoveryCodes };
  });
}

async function assertPassword(user: UserRow, password: string) {
  if (!(await verifyPassword(user.passwordHash, password))) throw invalidField('password', 'password_wrong');
}

export async function disableTotp(ctx: AppContext, principal: SessionPrincipal, password: string): Promise<void> {
  const user = await loadUser(ctx, principal);
  await assertPassword(user, password);
  if (!user.totpSecretSealed) throw conflict('totp_not_enabled');
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await updateUser(tx, user.id, { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now });
    await replaceRecoveryCodes(tx, user.id, []);
    await recordAudit(tx, now, { orgId: null, actor: { type: 'user', id: user.id }, action: 'auth.totp_disabled' });
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, principal: SessionPrincipal, password: string) {
  const user = await loadUser(ctx, principal);
  await assertPassword(user, password);
  if (!user.totpSecretSealed) throw conflict('totp_not_enabled');
  return inTransaction(ctx.db, async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: null,
      actor: { type: 'user', id: user.id },
      action: 'auth.recovery_codes_regenerated',
    });
    return { recoveryCodes };
  });
}
