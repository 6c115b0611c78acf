import { asc, count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { auditChainHeads, auditEntries } from '../src/platform/audit/tables.ts';
import { INSTANCE_CHAIN } from '../src/platform/audit/writer.ts';
import type { TestApp } from './app.ts';

/** Rows in a table (optionally matching a condition): to prove that something was, or was not, written. */
export async function rowCount(app: TestApp, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await app.ctx.db.select({ total: count() }).from(table).where(where);
  return row?.total ?? 0;
}

/** The head of an audit chain (an organisation's id, or the instance chain): seq 0 when nothing was recorded. */
export async function auditHead(app: TestApp, chain: string = INSTANCE_CHAIN): Promise<{ seq: number; hash: string }> {
  const [head] = await app.ctx.db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain));
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: '' };
}

/** The entries of a chain after a given seq, oldest first. */
export async function auditEntriesSince(app: TestApp, chain: string, afterSeq = 0) {
  const rows = await app.ctx.db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.chain, chain))
    .orderBy(asc(auditEntries.seq));
  return rows.filter((row) => row.seq > afterSeq);
}

/** The audit actions recorded in a chain since a seq, for asserting what a request recorded. */
export async function auditActionsSince(app: TestApp, chain: string, afterSeq: number): Promise<string[]> {
  return (await auditEntriesSince(app, chain, afterSeq)).map((row) => row.action);
}
