import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '../db/columns.ts';

/**
 * Append-only (a trigger in the migration rejects UPDATE and DELETE). Each organisation has its own chain, and
 * events outside any organisation (sign-ins) go to the `instance` chain; every entry hashes its predecessor.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: id(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id'),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** The subject's name at the time (an activity, system, vendor…), never a person's; covered by the hash. */
    targetName: text('target_name'),
    /** Minimised details: references, counts, hashed identifiers; never secrets or free-text personal data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    uniqueIndex('audit_entries_chain_seq_key').on(table.chain, table.seq),
    index('audit_entries_org_time_idx').on(table.orgId, table.occurredAt),
  ],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
