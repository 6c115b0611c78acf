import { and, asc, count, desc, eq, gt, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { ChainedEntry } from './chain.ts';
import { auditChainHeads, auditEntries } from './tables.ts';

export type NewAuditEntry = Omit<ChainedEntry, 'id'>;

/** Locks the chain's head row for the rest of the transaction; creates it at the genesis hash the first time. */
export async function lockChainHead(tx: Database, chain: string, genesisHash: string) {
  await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: genesisHash }).onConflictDoNothing();
  const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain)).for('update');
  if (!head) throw new Error(`Audit chain head ${chain} vanished`);
  return head;
}

export async function appendEntry(tx: Database, entry: NewAuditEntry): Promise<void> {
  await tx.insert(auditEntries).values(entry);
  await tx
    .update(auditChainHeads)
    .set({ seq: entry.seq, hash: entry.hash })
    .where(eq(auditChainHeads.chain, entry.chain));
}

export interface AuditFilter {
  orgId: string;
  actorId?: string | undefined;
  actionPrefix?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

function filterConditions(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [eq(auditEntries.chain, filter.orgId)];
  if (filter.actorId) conditions.push(eq(auditEntries.actorId, filter.actorId));
  if (filter.actionPrefix)
    conditions.push(like(auditEntries.action, `${filter.actionPrefix.replace(/[%_\\]/g, '\\$&')}%`));
  if (filter.targetType) conditions.push(eq(auditEntries.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEntries.targetId, filter.targetId));
  if (filter.fromInstant) conditions.push(gte(auditEntries.occurredAt, filter.fromInstant));
  if (filter.toInstant) conditions.push(lt(auditEntries.occurredAt, filter.toInstant));
  return conditions;
}

export async function listEntries(db: Database, filter: AuditFilter, before: number | undefined, limit: number) {
  const conditions = filterConditions(filter);
  if (before) conditions.push(lt(auditEntries.seq, before));
  return db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(limit);
}

export async function countEntries(db: Database, filter: AuditFilter): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(auditEntries)
    .where(and(...filterConditions(filter)));
  return row?.total ?? 0;
}

export async function listActions(db: Database, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.chain, orgId))
    .orderBy(asc(auditEntries.action));
  return rows.map((row) => row.action);
}

export async function listChains(db: Database, only?: string) {
  const query = db.select().from(auditChainHeads);
  return only ? query.where(eq(auditChainHeads.chain, only)) : query.orderBy(asc(auditChainHeads.chain));
}

/** Every chain that has entries (with or without a head), in order. */
export async function listEntryChains(db: Database, only?: string): Promise<string[]> {
  const query = db.selectDistinct({ chain: auditEntries.chain }).from(auditEntries);
  const rows = await (only ? query.where(eq(auditEntries.chain, only)) : query.orderBy(asc(auditEntries.chain)));
  return rows.map((row) => row.chain);
}

/** One batch of a chain in seq order, after `afterSeq` (keyset pagination keeps memory flat). */
export async function chainBatch(db: Database, chain: string, afterSeq: number, size: number): Promise<ChainedEntry[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.chain, chain), gt(auditEntries.seq, afterSeq)))
    .orderBy(asc(auditEntries.seq))
    .limit(size);
}
