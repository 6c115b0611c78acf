import { sha256Hex } from '../crypto/tokens.ts';
import type { Database } from '../db/database.ts';
import { type ChainBreak, chainStart, verifyBatch, verifyHead } from './chain.ts';
import { chainBatch, listChains, listEntryChains } from './store.ts';

const BATCH_SIZE = 2_000;

export interface ChainVerification {
  isIntact: boolean;
  checkedEntries: number;
  chains: number;
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes every hash of one chain (or all), in bounded batches; stops at the first break. The chains are those
 * with a head and those with entries: a chain whose head is gone (its organisation deleted, say) is still verified,
 * and reported as `head_missing`.
 */
export async function verifyAuditChains(db: Database, onlyChain?: string): Promise<ChainVerification> {
  const heads = new Map((await listChains(db, onlyChain)).map((head) => [head.chain, head]));
  const chains = [...new Set([...heads.keys(), ...(await listEntryChains(db, onlyChain))])].sort();
  let checkedEntries = 0;
  for (const chain of chains) {
    let cursor = chainStart;
    for (;;) {
      const batch = await chainBatch(db, chain, cursor.seq, BATCH_SIZE);
      const result = verifyBatch(batch, cursor, sha256Hex);
      checkedEntries += result.verified;
      if (result.break) return { isIntact: false, checkedEntries, chains: chains.length, firstBreak: result.break };
      cursor = result.cursor;
      if (batch.length < BATCH_SIZE) break;
    }
    const headBreak = verifyHead(chain, heads.get(chain), cursor);
    if (headBreak) return { isIntact: false, checkedEntries, chains: chains.length, firstBreak: headBreak };
  }
  return { isIntact: true, checkedEntries, chains: chains.length, firstBreak: null };
}
