import { z } from 'zod';

export const ZTokenScope = z.enum(['read', 'write', 'webhook']);

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  scopes: z.array(ZTokenScope),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ tokens: z.array(ZApiToken) });

export const ZCreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(100),
  scopes: z
    .array(ZTokenScope)
    .min(1, { error: 'validation.scope_required' })
    .transform((scopes) => [...new Set(scopes)].sort()),
  /** Calendar date (YYYY-MM-DD) after which the token stops working; none means it lasts until revoked. */
  expiresOn: z.iso.date({ error: 'validation.invalid_date' }).nullable().default(null),
});
export type TCreateApiTokenRequest = z.output<typeof ZCreateApiTokenRequest>;

/** The new token, shown exactly once. */
export const ZCreatedApiToken = z.object({ token: z.string(), apiToken: ZApiToken });
