import { createHash } from 'node:crypto';
import type { Connector, Selection } from '../../../connectors/connector.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as store from '../store.ts';
import { archiveBatch } from './archive.ts';

/** Records per batch: one audit entry, one statement against the store. */
export const RUN_BATCH_SIZE = 25_000;
/** How long a worker holds a run without renewing; a killed worker's run is taken over after this. */
export const LEASE_MS = 2 * 60_000;

/** A run's connector, opened on the policy's record type. */
export interface Opened {
  connector: Connector<unknown>;
  definition: unknown;
  recordTypeId: string;
  /** The connector may find the next batch while the previous one is acted on (see the manifest). */
  findsAheadWhileActing: boolean;
}

type Counts = Partial<Record<'deleted' | 'anonymised' | 'archived', number>>;

/** A batch found in the store, with the audit hashes of its keys (8 bytes each, in order). */
interface FoundBatch {
  keys: string[];
  hashes: Buffer;
  cursor: string;
}

/** A batch whose action is under way in the store. */
interface Acting {
  seq: number;
  size: number;
  counts: Promise<Counts>;
}

/** Bytes of a record key's hash kept for the audit trail: enough to answer "was record X acted on?", nothing more. */
export const KEY_HASH_BYTES = 8;

/**
 * The keyed hashes of record keys, KEY_HASH_BYTES each, one after the other: the first 16 hex characters of the
 * installation's identifier hash of `<recordTypeId>/<key>`, as audit entries before held them.
 */
function keyHashes(ctx: AppContext, recordTypeId: string, keys: readonly string[]): Buffer {
  const hashes = Buffer.alloc(keys.length * KEY_HASH_BYTES);
  keys.forEach((key, i) => {
    ctx.identifiers.hashBytes(`${recordTypeId}/${key}`).copy(hashes, i * KEY_HASH_BYTES, 0, KEY_HASH_BYTES);
  });
  return hashes;
}

/** What of a selection the holds decide: when it changes during a run, the batches ahead are selected again. */
const holdsPart = (selection: Selection) => JSON.stringify([selection.conditions, selection.exclusions]);

/** The batches behind `after`, streamed from one find() (which may fetch ahead while the caller works). */
function batchStream(ctx: AppContext, opened: Opened, selection: Selection, after: string | null) {
  const options = { batchSize: RUN_BATCH_SIZE, ...(after ? { after } : {}) };
  const iterator = opened.connector.find(opened.definition, selection, options)[Symbol.asyncIterator]();
  return {
    selection,
    async next(): Promise<FoundBatch | null> {
      for (;;) {
        const step = await iterator.next();
        if (step.done) return null;
        if (step.value.records.length === 0) continue;
        const keys = step.value.records.map((record) => record.key);
        return { keys, hashes: keyHashes(ctx, opened.recordTypeId, keys), cursor: step.value.cursor };
      }
    },
    async close() {
      await iterator.return?.();
    },
  };
}

/** Acts on one batch of keys with the policy's action; every action is idempotent, so a resumed batch is safe. */
async function act(ctx: AppContext, scope: OrgScope, policy: store.PolicyRow, opened: Opened, keys: string[]) {
  const { action } = policy;
  if (action.kind === 'delete') {
    await opened.connector.delete(opened.definition, keys);
    return { deleted: keys.length };
  }
  if (action.kind === 'anonymise') {
    await opened.connector.anonymise(
      opened.definition,
      keys,
      action.fields.map((field) => ({ field: field.field, value: field.replacement })),
    );
    return { anonymised: keys.length };
  }
  await archiveBatch(ctx, scope, action, opened, keys);
  return { archived: keys.length };
}

const COUNT_COLUMNS = ['deleted', 'anonymised', 'archived'] as const;

/** Marks a batch done and adds its counts, in one transaction: a batch is counted exactly once. */
async function completeBatch(ctx: AppContext, run: store.RunRow, seq: number, counts: Counts, size: number) {
  await inTransaction(ctx.db, async (tx) => {
    const fresh = (await store.findRun(tx, run.orgId, run.id)) as store.RunRow;
    if (!(await store.finishBatch(tx, run.id, seq, ctx.clock.now()))) return;
    const values: Partial<store.RunRow> = { processed: fresh.processed + size };
    for (const column of COUNT_COLUMNS) values[column] = fresh[column] + (counts[column] ?? 0);
    await store.updateRun(tx, run.id, values);
  });
}

/**
 * Writes the batch (keys pending), the run's cursor and lease, the hashed keys and the audit entry that holds their
 * SHA-256, in one transaction, before anything happens in the store. Returns null, writing nothing, when the run is
 * to be cancelled.
 */
async function beginBatch(
  ctx: AppContext,
  run: store.RunRow,
  policy: store.PolicyRow,
  opened: Opened,
  batch: FoundBatch,
  seq: number,
): Promise<number | null> {
  return inTransaction(ctx.db, async (tx) => {
    const leaseUntil = new Date(ctx.clock.now().getTime() + LEASE_MS);
    if (!(await store.advanceRun(tx, run.id, batch.cursor, leaseUntil))) return null;
    const { keys, hashes } = batch;
    await store.insertBatch(tx, { orgId: run.orgId, runId: run.id, seq, keys, size: keys.length });
    const { recordTypeId } = opened;
    await store.insertKeyHashes(tx, { orgId: run.orgId, runId: run.id, seq, recordTypeId, keyHashes: hashes });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: run.orgId,
      actor: { type: 'system', id: 'retention' },
      action: 'retention_run.batch_started',
      target: { type: 'retention_policy', id: policy.id, name: policy.name },
      data: {
        runId: run.id,
        batch: seq,
        action: policy.action.kind,
        count: keys.length,
        recordTypeId,
        keyHashesSha256: createHash('sha256').update(hashes).digest('hex'),
      },
    });
    return seq;
  });
}

/** Repeats the batches a killed worker began but did not finish, in order (their audit entries exist already). */
async function repeatPending(
  ctx: AppContext,
  scope: OrgScope,
  run: store.RunRow,
  policy: store.PolicyRow,
  opened: Opened,
) {
  for (const pending of await store.pendingBatches(ctx.db, run.id)) {
    const counts = await act(ctx, scope, policy, opened, pending.keys ?? []);
    await completeBatch(ctx, run, pending.seq, counts, pending.size);
  }
}

/** The same promise, with its failure left to whoever awaits it (not an unhandled rejection meanwhile). */
function quietly<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/** Starts the action on a begun batch; its failure is seen where its counts are awaited. */
function startActing(
  ctx: AppContext,
  scope: OrgScope,
  policy: store.PolicyRow,
  opened: Opened,
  seq: number,
  keys: string[],
): Acting {
  return { seq, size: keys.length, counts: quietly(act(ctx, scope, policy, opened, keys)) };
}

const settle = async (ctx: AppContext, run: store.RunRow, acting: Acting) =>
  completeBatch(ctx, run, acting.seq, await acting.counts, acting.size);

/**
 * Works through a run batch by batch, in key order from its cursor, and says how it ended. Each batch is begun
 * (audit entry with hashed keys, keys pending) in a transaction that commits before its action starts, and counted
 * when its action is done. Where the connector allows it, the next batch is found, hashed and begun while the store
 * acts on the previous one; the store still acts on one batch at a time, in order, and a failure stops the run
 * before the next action. So at most two batches are pending when a worker is killed; the next worker repeats them.
 */
export async function workThrough(
  ctx: AppContext,
  scope: OrgScope,
  run: store.RunRow,
  policy: store.PolicyRow,
  opened: Opened,
  selectionNow: () => Promise<Selection>,
): Promise<'completed' | 'cancelled'> {
  await repeatPending(ctx, scope, run, policy, opened);
  let cursor = (await store.findRun(ctx.db, run.orgId, run.id))?.cursor ?? null;
  let seq = await store.nextBatchSeq(ctx.db, run.id);
  let stream = batchStream(ctx, opened, await selectionNow(), cursor);
  let acting: Acting | null = null;
  let settling: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      if (acting && !opened.findsAheadWhileActing) {
        await settle(ctx, run, acting);
        acting = null;
      }
      // The holds are read and the next batch is found and hashed while the previous batch is being counted.
      const selecting = quietly(selectionNow());
      const batch = await stream.next();
      const selection = await selecting;
      await settling;
      if (holdsPart(selection) !== holdsPart(stream.selection)) {
        // The holds changed since these records were selected: select again behind the last batch begun.
        await stream.close();
        stream = batchStream(ctx, opened, selection, cursor);
        continue;
      }
      const begun = batch ? await beginBatch(ctx, run, policy, opened, batch, seq) : null;
      const previous = acting;
      if (previous) await previous.counts;
      acting = batch && begun !== null ? startActing(ctx, scope, policy, opened, begun, batch.keys) : null;
      settling = quietly(previous ? settle(ctx, run, previous) : Promise.resolve());
      if (!batch || begun === null) {
        await settling;
        return batch ? 'cancelled' : 'completed';
      }
      [cursor, seq] = [batch.cursor, seq + 1];
    }
  } finally {
    await stream.close().catch(() => undefined);
    // Nothing of this run goes on behind its caller's back (a failed batch stays pending, for the next worker).
    await Promise.all([settling, (acting as Acting | null)?.counts].map((work) => work?.catch(() => undefined)));
  }
}
