import { z } from 'zod';
import { ZEmail, ZLocale, ZPassword, ZPersonName, ZTotpCode } from '../../shared/fields.ts';

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  hasTotp: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZSessionState = z.object({
  /** Null when nobody is signed in. */
  user: ZUser.nullable(),
  isFullyAuthenticated: z.boolean(),
  csrfToken: z.string().nullable(),
  /** True on a fresh installation without users: the first visit creates the first owner. */
  needsSetup: z.boolean(),
});
export type TSessionState = z.infer<typeof ZSessionState>;

export const ZSignInRequest = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, { error: 'validation.required' }).max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZSignInResponse = z.object({
  status: z.enum(['signed_in', 'second_factor_required']),
  session: ZSessionState,
});

export const ZSecondFactorRequest = z.union([
  z.strictObject({ code: ZTotpCode }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(32) }),
]);
export type TSecondFactorRequest = z.infer<typeof ZSecondFactorRequest>;

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });

export const ZPasswordResetConfirmRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: ZPassword,
});

export const ZUpdateProfileRequest = z
  .strictObject({ name: ZPersonName.optional(), locale: ZLocale.optional() })
  .refine((body) => Object.keys(body).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, { error: 'validation.required' }).max(200),
  newPassword: ZPassword,
});

export const ZTotpEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code, ready for an <img src>. */
  qrCodeDataUrl: z.string(),
});

export const ZConfirmTotpRequest = z.strictObject({ code: ZTotpCode });

export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).length(10) });

export const ZPasswordConfirmation = z.strictObject({
  password: z.string().min(1, { error: 'validation.required' }).max(200),
});

export const ZSession = z.object({
  id: z.uuid(),
  userAgent: z.string(),
  ipPrefix: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  isCurrent: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZSessionList = z.object({ sessions: z.array(ZSession) });

export const ZCreateUserRequest = z.strictObject({
  email: ZEmail,
  name: ZPersonName,
  password: ZPassword,
  locale: ZLocale.default('nl'),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;
