import { z } from 'zod';

export const ZAuditActor = z.object({
  type: z.enum(['user', 'api_token', 'system', 'anonymous']),
  id: z.string().nullable(),
  /** Display name resolved when read (user name, token name); not stored in the trail. */
  name: z.string().nullable(),
});

export const ZAuditEntry = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: ZAuditActor,
  action: z.string(),
  /**
   * What the entry is about. `name` is the subject's name when the entry was written (activities, systems,
   * vendors, categories, organisations), or a person's or token's current name; null when neither is known (entries
   * from before names were kept show the type and a short id).
   */
  target: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

const ZCalendarDate = z.iso.date({ error: 'validation.invalid_date' });

export const ZListAuditQuery = z
  .strictObject({
    actorId: z.string().min(1).max(100).optional(),
    action: z.string().min(1).max(100).optional(),
    targetType: z.string().min(1).max(50).optional(),
    targetId: z.string().min(1).max(100).optional(),
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
    /** Keyset cursor: entries with a lower seq than this. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    error: 'validation.date_range_reversed',
  });
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>;

export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  nextCursor: z.number().int().nullable(),
  total: z.number().int(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;

export const ZChainBreak = z.object({
  reason: z.enum(['sequence_gap', 'broken_link', 'hash_mismatch', 'head_mismatch', 'head_missing']),
  chain: z.string(),
  seq: z.number().int(),
  entryId: z.string().nullable(),
});

export const ZChainVerification = z.object({
  isIntact: z.boolean(),
  checkedEntries: z.number().int(),
  chains: z.number().int(),
  firstBreak: ZChainBreak.nullable(),
});
export type TChainVerification = z.infer<typeof ZChainVerification>;

export const ZAuditActionList = z.object({ actions: z.array(z.string()) });
