import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import {
  retentionHolds,
  retentionKeyHashes,
  retentionManualHandling,
  retentionPolicies,
  retentionPreviews,
  retentionRunBatches,
  retentionRuns,
} from './tables.ts';

export type PolicyRow = typeof retentionPolicies.$inferSelect;
export type HoldRow = typeof retentionHolds.$inferSelect;
export type PreviewRow = typeof retentionPreviews.$inferSelect;
export type RunRow = typeof retentionRuns.$inferSelect;
type BatchRecord = typeof retentionRunBatches.$inferSelect;
/** A batch with its keys as the list they are (stored as JSON text). */
export type BatchRow = Omit<BatchRecord, 'keys'> & { keys: string[] | null };
export type ManualHandlingRow = typeof retentionManualHandling.$inferSelect;

const OPEN_RUN_STATUSES = ['queued', 'running', 'paused_for_approval'];

// Policies

export async function listPolicies(db: Database, orgId: string): Promise<PolicyRow[]> {
  return db
    .select()
    .from(retentionPolicies)
    .where(eq(retentionPolicies.orgId, orgId))
    .orderBy(asc(sql`lower(${retentionPolicies.name})`));
}

export async function findPolicy(db: Database, orgId: string, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionPolicies)
    .where(and(eq(retentionPolicies.orgId, orgId), eq(retentionPolicies.id, id)));
  return row;
}

export async function isPolicyNameTaken(db: Database, orgId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: retentionPolicies.id })
    .from(retentionPolicies)
    .where(and(eq(retentionPolicies.orgId, orgId), sql`lower(${retentionPolicies.name}) = lower(${name})`));
  return rows.some((row) => row.id !== exceptId);
}

export async function insertPolicy(db: Database, values: typeof retentionPolicies.$inferInsert): Promise<PolicyRow> {
  const [row] = await db.insert(retentionPolicies).values(values).returning();
  return row as PolicyRow;
}

export async function updatePolicy(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof retentionPolicies.$inferInsert>,
): Promise<void> {
  await db
    .update(retentionPolicies)
    .set(values)
    .where(and(eq(retentionPolicies.orgId, orgId), eq(retentionPolicies.id, id)));
}

export async function deletePolicy(db: Database, orgId: string, id: string): Promise<void> {
  await db.delete(retentionPolicies).where(and(eq(retentionPolicies.orgId, orgId), eq(retentionPolicies.id, id)));
}

/** Policies that act on any of these record types, as a source or as an archive target. */
export async function policiesUsingRecordTypes(db: Database, orgId: string, recordTypeIds: readonly string[]) {
  if (recordTypeIds.length === 0) return [];
  return db
    .select({ id: retentionPolicies.id, name: retentionPolicies.name })
    .from(retentionPolicies)
    .where(
      and(
        eq(retentionPolicies.orgId, orgId),
        or(
          isAnyOf(retentionPolicies.recordTypeId, recordTypeIds),
          sql`${retentionPolicies.action}->>'targetRecordTypeId' = any(${sql.param([...recordTypeIds])}::text[])`,
        ),
      ),
    );
}

/** Policies made from an activity (to flag them when its retention changes). */
export async function policiesOfActivity(db: Database, orgId: string, activityId: string): Promise<PolicyRow[]> {
  return db
    .select()
    .from(retentionPolicies)
    .where(and(eq(retentionPolicies.orgId, orgId), eq(retentionPolicies.activityId, activityId)));
}

/** Active policies of every organisation whose next run is due (the scheduler's job). */
export async function duePolicies(db: Database, now: Date, limit: number): Promise<PolicyRow[]> {
  return db
    .select()
    .from(retentionPolicies)
    .where(and(eq(retentionPolicies.status, 'active'), lte(retentionPolicies.nextRunAt, now)))
    .orderBy(asc(retentionPolicies.nextRunAt))
    .limit(limit);
}

// Holds

export async function holdsOf(db: Database, orgId: string, policyIds: readonly string[]): Promise<HoldRow[]> {
  if (policyIds.length === 0) return [];
  return db
    .select()
    .from(retentionHolds)
    .where(and(eq(retentionHolds.orgId, orgId), isAnyOf(retentionHolds.policyId, policyIds)))
    .orderBy(asc(retentionHolds.createdAt), asc(retentionHolds.id));
}

export async function insertHolds(db: Database, values: (typeof retentionHolds.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(retentionHolds).values(values);
}

export async function deleteHolds(db: Database, orgId: string, policyId: string, ids?: readonly string[]) {
  await db
    .delete(retentionHolds)
    .where(
      and(
        eq(retentionHolds.orgId, orgId),
        eq(retentionHolds.policyId, policyId),
        ids ? inArray(retentionHolds.id, [...ids]) : undefined,
      ),
    );
}

// Previews

export async function insertPreview(db: Database, values: typeof retentionPreviews.$inferInsert): Promise<PreviewRow> {
  const [row] = await db.insert(retentionPreviews).values(values).returning();
  return row as PreviewRow;
}

export async function findPreview(db: Database, orgId: string, id: string): Promise<PreviewRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionPreviews)
    .where(and(eq(retentionPreviews.orgId, orgId), eq(retentionPreviews.id, id)));
  return row;
}

export async function latestPreview(db: Database, orgId: string, policyId: string): Promise<PreviewRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionPreviews)
    .where(and(eq(retentionPreviews.orgId, orgId), eq(retentionPreviews.policyId, policyId)))
    .orderBy(desc(retentionPreviews.computedAt))
    .limit(1);
  return row;
}

export async function approvePreview(db: Database, orgId: string, id: string, userId: string | null, at: Date) {
  await db
    .update(retentionPreviews)
    .set({ approvedByUserId: userId, approvedAt: at })
    .where(and(eq(retentionPreviews.orgId, orgId), eq(retentionPreviews.id, id)));
}

// Runs

export async function insertRun(db: Database, values: typeof retentionRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(retentionRuns).values(values).returning();
  return row as RunRow;
}

export async function findRun(db: Database, orgId: string, id: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionRuns)
    .where(and(eq(retentionRuns.orgId, orgId), eq(retentionRuns.id, id)));
  return row;
}

/** A run by id in any organisation: for the job handler, whose payload names the run only. */
export async function findRunById(db: Database, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(retentionRuns).where(eq(retentionRuns.id, id));
  return row;
}

export async function openRunOf(db: Database, orgId: string, policyId: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionRuns)
    .where(
      and(
        eq(retentionRuns.orgId, orgId),
        eq(retentionRuns.policyId, policyId),
        inArray(retentionRuns.status, OPEN_RUN_STATUSES),
      ),
    );
  return row;
}

export async function listRuns(db: Database, orgId: string, policyId: string, limit: number): Promise<RunRow[]> {
  return db
    .select()
    .from(retentionRuns)
    .where(and(eq(retentionRuns.orgId, orgId), eq(retentionRuns.policyId, policyId)))
    .orderBy(desc(retentionRuns.createdAt), desc(retentionRuns.id))
    .limit(limit);
}

/** The latest run of each policy of the organisation. */
export async function latestRuns(db: Database, orgId: string): Promise<RunRow[]> {
  return db
    .selectDistinctOn([retentionRuns.policyId])
    .from(retentionRuns)
    .where(eq(retentionRuns.orgId, orgId))
    .orderBy(retentionRuns.policyId, desc(retentionRuns.createdAt));
}

/**
 * Takes the run for this worker until `leaseUntil`, when it is queued or running and nobody else holds a lease
 * that is still valid. Returns false when another instance has it.
 */
export async function claimRun(db: Database, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const rows = await db
    .update(retentionRuns)
    .set({ leaseUntil, status: 'running', startedAt: sql`coalesce(${retentionRuns.startedAt}, ${now})` })
    .where(
      and(
        eq(retentionRuns.id, id),
        inArray(retentionRuns.status, ['queued', 'running']),
        or(isNull(retentionRuns.leaseUntil), lte(retentionRuns.leaseUntil, now)),
      ),
    )
    .returning({ id: retentionRuns.id });
  return rows.length > 0;
}

export async function updateRun(db: Database, id: string, values: Partial<typeof retentionRuns.$inferInsert>) {
  await db.update(retentionRuns).set(values).where(eq(retentionRuns.id, id));
}

/**
 * Moves a run's cursor and renews its lease, unless a cancel was requested (then nothing is written and the answer
 * is false).
 */
export async function advanceRun(db: Database, id: string, cursor: string, leaseUntil: Date): Promise<boolean> {
  const rows = await db
    .update(retentionRuns)
    .set({ cursor, leaseUntil })
    .where(and(eq(retentionRuns.id, id), eq(retentionRuns.isCancelRequested, false)))
    .returning({ id: retentionRuns.id });
  return rows.length > 0;
}

/** Runs left running by an instance that stopped (their lease ran out), in every organisation. */
export async function interruptedRuns(db: Database, now: Date): Promise<RunRow[]> {
  return db
    .select()
    .from(retentionRuns)
    .where(
      and(
        inArray(retentionRuns.status, ['queued', 'running']),
        or(isNull(retentionRuns.leaseUntil), lte(retentionRuns.leaseUntil, now)),
      ),
    );
}

// Batches

/** The batches begun but not done (a killed worker's: at most the one acted on and the one begun after it), in order. */
export async function pendingBatches(db: Database, runId: string): Promise<BatchRow[]> {
  const rows = await db
    .select()
    .from(retentionRunBatches)
    .where(and(eq(retentionRunBatches.runId, runId), eq(retentionRunBatches.status, 'pending')))
    .orderBy(asc(retentionRunBatches.seq));
  return rows.map((row) => ({ ...row, keys: row.keys === null ? null : (JSON.parse(row.keys) as string[]) }));
}

export async function nextBatchSeq(db: Database, runId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${retentionRunBatches.seq}), 0)::int` })
    .from(retentionRunBatches)
    .where(eq(retentionRunBatches.runId, runId));
  return (row?.seq ?? 0) + 1;
}

export async function insertBatch(db: Database, values: Omit<BatchRow, 'id' | 'status' | 'createdAt' | 'doneAt'>) {
  await db
    .insert(retentionRunBatches)
    .values({ ...values, keys: values.keys === null ? null : JSON.stringify(values.keys) });
}

/** Stores a batch's key hashes (8 bytes each, in the batch's order); see `retentionKeyHashes`. */
export async function insertKeyHashes(db: Database, values: typeof retentionKeyHashes.$inferInsert) {
  await db.insert(retentionKeyHashes).values(values);
}

/** The key hashes of a run's batches, as 16 hex characters each, batch by batch in order. */
export async function keyHashesOfRun(
  db: Database,
  orgId: string,
  runId: string,
): Promise<{ seq: number; hashes: string[] }[]> {
  const rows = await db
    .select({ seq: retentionKeyHashes.seq, keyHashes: retentionKeyHashes.keyHashes })
    .from(retentionKeyHashes)
    .where(and(eq(retentionKeyHashes.orgId, orgId), eq(retentionKeyHashes.runId, runId)))
    .orderBy(asc(retentionKeyHashes.seq));
  return rows.map((row) => {
    const hex = Buffer.from(row.keyHashes).toString('hex');
    return { seq: row.seq, hashes: Array.from({ length: hex.length / 16 }, (_, i) => hex.slice(i * 16, i * 16 + 16)) };
  });
}

/**
 * Marks a pending batch done and forgets its keys (the audit trail keeps their hashes). Returns false when it was
 * not pending, so a batch is counted once whoever completes it.
 */
export async function finishBatch(db: Database, runId: string, seq: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(retentionRunBatches)
    .set({ status: 'done', keys: null, doneAt: at })
    .where(
      and(
        eq(retentionRunBatches.runId, runId),
        eq(retentionRunBatches.seq, seq),
        eq(retentionRunBatches.status, 'pending'),
      ),
    )
    .returning({ seq: retentionRunBatches.seq });
  return rows.length > 0;
}

// Manual handling

export async function manualHandlingOf(db: Database, orgId: string): Promise<ManualHandlingRow[]> {
  return db.select().from(retentionManualHandling).where(eq(retentionManualHandling.orgId, orgId));
}

export async function saveManualHandling(db: Database, values: typeof retentionManualHandling.$inferInsert) {
  await db
    .insert(retentionManualHandling)
    .values(values)
    .onConflictDoUpdate({
      target: [retentionManualHandling.orgId, retentionManualHandling.subjectKind, retentionManualHandling.subjectId],
      set: { ownerUserId: values.ownerUserId, reviewDate: values.reviewDate, updatedAt: values.updatedAt },
    });
}
