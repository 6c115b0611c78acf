import { z } from 'zod';

/** Connection settings of a mailbox. `password` is the secret (encrypted at rest, never returned). */
export const ZImapConfig = z.object({
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535),
  /** `tls`: implicit TLS (993); `starttls`: plain connection upgraded, required; `none`: only for loopback tests. */
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().min(1),
  password: z.string().min(1),
  connectTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
});
export type TImapConfig = z.infer<typeof ZImapConfig>;

/** An IMAP flag: a system flag (`\Flagged`) or a keyword atom (`$Keep`, `keep`). */
const ZImapFlag = z
  .string()
  .regex(/^\\?[A-Za-z0-9$_.-]+$/, 'an IMAP flag such as \\Flagged or a keyword such as $Keep');

/**
 * The messages a policy works on: those in `folders` (never any other folder, so a Contracts folder left out is
 * kept), except messages carrying `keepFlag`. `archiveFolder` is where `write()` appends copies (default: the first
 * folder).
 */
export const ZImapRecordType = z.object({
  folders: z.array(z.string().min(1)).min(1).max(50),
  keepFlag: ZImapFlag.optional(),
  archiveFolder: z.string().min(1).optional(),
});
export type TImapRecordType = z.infer<typeof ZImapRecordType>;

/** The fields a selection can name on a message. */
export const IMAP_FIELDS = ['internalDate', 'date', 'flags', 'from', 'to', 'cc', 'subject', 'messageId'] as const;
