import { sha256Hex } from '../crypto/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/access.ts';
import type { AuditAction } from './actions.ts';
import { assertMinimisedData, entryHash, GENESIS_HASH } from './chain.ts';
import { appendEntry, lockChainHead } from './store.ts';

export const INSTANCE_CHAIN = 'instance';

export interface AuditEvent {
  /** The organisation the event belongs to; null for events of a person outside any organisation (sign-in). */
  orgId: string | null;
  actor: Actor;
  /** `<subject>.<past tense verb>`, e.g. `member.role_changed`; registered with its labels in actions.ts. */
  action: AuditAction;
  /**
   * What the event is about. `name` is its display name now (an activity's, system's or vendor's name), kept so the
   * trail reads as a record after renames and deletions; never a person's name or e-mail address.
   */
  target?: { type: string; id: string; name?: string | null };
  /** References, counts, hashed identifiers only. */
  data?: Record<string, unknown>;
}

/**
 * Appends an event to its organisation's hash chain, inside the caller's transaction: the record commits with
 * the change it describes or not at all. Appends to one chain are serialised by a row lock on its head.
 */
export async function recordAudit(tx: Database, occurredAt: Date, event: AuditEvent): Promise<void> {
  const data = event.data ?? {};
  assertMinimisedData(data);
  const chain = event.orgId ?? INSTANCE_CHAIN;
  const head = await lockChainHead(tx, chain, GENESIS_HASH);
  const entry = {
    chain,
    seq: head.seq + 1,
    orgId: event.orgId,
    occurredAt,
    actorType: event.actor.type,
    actorId: event.actor.id,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    targetName: event.target?.name ?? null,
    data,
    prevHash: head.hash,
  };
  await appendEntry(tx, { ...entry, hash: entryHash(entry, sha256Hex) });
}
