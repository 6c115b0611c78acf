import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { retentionKeyHashes } from '../src/modules/retention/tables.ts';
import { KEY_HASH_BYTES } from '../src/modules/retention/use-cases/run-batches.ts';
import type { TestApp } from './app.ts';

/**
 * The key hashes (16 hex characters each) of the `retention_run.batch_started` entries among `entries`, in order;
 * each batch's stored hashes are checked against the SHA-256 and the count its audit entry holds.
 */
export async function auditedKeyHashes(app: TestApp, entries: { action: string; data: unknown }[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const entry of entries.filter((e) => e.action === 'retention_run.batch_started')) {
    const data = entry.data as { runId: string; batch: number; count: number; keyHashesSha256: string };
    const [row] = await app.ctx.db
      .select()
      .from(retentionKeyHashes)
      .where(and(eq(retentionKeyHashes.runId, data.runId), eq(retentionKeyHashes.seq, data.batch)));
    const bytes = Buffer.from(row?.keyHashes ?? []);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(data.keyHashesSha256);
    expect(bytes.length).toBe(data.count * KEY_HASH_BYTES);
    const hex = bytes.toString('hex');
    for (let i = 0; i < hex.length; i += KEY_HASH_BYTES * 2) hashes.push(hex.slice(i, i + KEY_HASH_BYTES * 2));
  }
  return hashes;
}
