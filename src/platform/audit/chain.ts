/** The hash every chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  id: string;
  chain: string;
  seq: number;
  orgId: string | null;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The subject's display name when the entry was written (never a person's); null in entries from before it. */
  targetName: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type HashFunction = (text: string) => string;

/** JSON with object keys sorted at every depth, so equal content always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The hash of an entry: its content and its predecessor's hash. */
export function entryHash(entry: Omit<ChainedEntry, 'id' | 'hash'>, hash: HashFunction): string {
  const content = canonicalJson({
    chain: entry.chain,
    seq: entry.seq,
    orgId: entry.orgId,
    occurredAt: entry.occurredAt.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    // Left out when null, so entries written before names were kept hash exactly as they did then.
    targetName: entry.targetName ?? undefined,
    data: entry.data,
  });
  return hash(`${entry.prevHash}\n${content}`);
}

export type ChainBreak =
  | { reason: 'sequence_gap'; entry: ChainedEntry; expectedSeq: number }
  | { reason: 'broken_link'; entry: ChainedEntry }
  | { reason: 'hash_mismatch'; entry: ChainedEntry }
  | { reason: 'head_mismatch'; chain: string; headSeq: number; lastSeq: number }
  /** Entries without a head: the head row was deleted (before heads were protected, or by going around them). */
  | { reason: 'head_missing'; chain: string; headSeq: number; lastSeq: number };

/** Position in a chain while entries are verified batch by batch. */
export interface ChainCursor {
  seq: number;
  hash: string;
}

export const chainStart: ChainCursor = { seq: 0, hash: GENESIS_HASH };

/**
 * Checks the next entries of one chain, in seq order, against the cursor where the previous batch ended.
 * Returns the first break, or the cursor to continue from.
 */
export function verifyBatch(
  entries: ChainedEntry[],
  cursor: ChainCursor,
  hash: HashFunction,
): { cursor: ChainCursor; verified: number; break: ChainBreak | null } {
  let position = cursor;
  let verified = 0;
  for (const entry of entries) {
    const found = findBreak(entry, position, hash);
    if (found) return { cursor: position, verified, break: found };
    position = { seq: entry.seq, hash: entry.hash };
    verified += 1;
  }
  return { cursor: position, verified, break: null };
}

function findBreak(entry: ChainedEntry, position: ChainCursor, hash: HashFunction): ChainBreak | null {
  if (entry.seq !== position.seq + 1) return { reason: 'sequence_gap', entry, expectedSeq: position.seq + 1 };
  if (entry.prevHash !== position.hash) return { reason: 'broken_link', entry };
  if (entryHash(entry, hash) !== entry.hash) return { reason: 'hash_mismatch', entry };
  return null;
}

/** After the last batch: the chain head must point at the last entry, or entries were cut off the end. */
export function verifyHead(chain: string, head: ChainCursor | undefined, last: ChainCursor): ChainBreak | null {
  if (!head) return { reason: 'head_missing', chain, headSeq: 0, lastSeq: last.seq };
  if (head.seq === last.seq && head.hash === last.hash) return null;
  return { reason: 'head_mismatch', chain, headSeq: head.seq, lastSeq: last.seq };
}

/** Audit data may carry references, counts and hashes; strings that look like free text are refused. */
export function assertMinimisedData(data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && value.length > 200) {
      throw new Error(`Audit data field "${key}" is too long to be a reference; audit entries hold no free text`);
    }
    if (value && typeof value === 'object' && !Array.isArray(value))
      assertMinimisedData(value as Record<string, unknown>);
  }
}
