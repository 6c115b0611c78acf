import { sha256Hex } from '../crypto/tokens.ts';
import type { Database } from '../db/database.ts';
import { type ChainBreak, chainStart, verifyBatch, verifyHead } from './chain.ts';
import { chainBatch, listChains } from './store.ts';

const BATCH_SIZE = 2_000;

export interface ChainVerification {
  isIntact: boolean;
  checkedEntries: number;
  chains: number;
  firstBreak: ChainBreak | null;
}

/** Recomputes every hash of one chain (or all), in bounded batches; stops at the first break. */
export async function verifyAuditChains(db: Database, onlyChain?: string): Promise<ChainVerification> {
  const heads = await listChains(db, onlyChain);
  let checkedEntries = 0;
  for (const head of heads) {
    let cursor = chainStart;
    for (;;) {
      const batch = await chainBatch(db, head.chain, cursor.seq, BATCH_SIZE);
      const result = verifyBatch(batch, cursor, sha256Hex);
      checkedEntries += result.verified;
      if (result.break) return { isIntact: false, checkedEntries, chains: heads.length, firstBreak: result.break };
      cursor = result.cursor;
      if (batch.length < BATCH_SIZE) break;
    }
    const headBreak = verifyHead(head.chain, { seq: head.seq, hash: head.hash }, cursor);
    if (headBreak) return { isIntact: false, checkedEntries, chains: heads.length, firstBreak: headBreak };
  }
  return { isIntact: true, checkedEntries, chains: heads.length, firstBreak: null };
}
