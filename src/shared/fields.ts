import { z } from 'zod';

/**
 * Field schemas used by several modules' contracts, on server and client alike (no Node imports here).
 * Custom messages are translation keys `validation.<code>`.
 */
export const ZLocale = z.enum(['nl', 'en']);
export type TLocale = z.infer<typeof ZLocale>;

/** Trimmed and lower-cased: e-mail addresses match case-insensitively (reference/identifiers-nl.json `email`). */
export const ZEmail = z
  .string()
  .trim()
  .max(254, { error: 'validation.too_long' })
  .pipe(z.email({ error: 'validation.invalid_email' }))
  .transform((value) => value.toLowerCase());

export const ZPersonName = z.string().trim().min(1, { error: 'validation.required' }).max(120);

export const ZPassword = z.string().min(12, { error: 'validation.password_too_short' }).max(200);

export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'validation.totp_format' });

export const ZIsoDateTime = z.iso.datetime({ offset: true });
