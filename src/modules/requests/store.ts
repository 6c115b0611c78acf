import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { subjectRequestChecks, subjectRequestEvents, subjectRequestFindings, subjectRequests } from './tables.ts';

export type RequestRow = typeof subjectRequests.$inferSelect;
export type RequestEventRow = typeof subjectRequestEvents.$inferSelect;
type NewRequest = typeof subjectRequests.$inferInsert;
type NewEvent = typeof subjectRequestEvents.$inferInsert;

export async function insertRequest(tx: Database, values: NewRequest): Promise<RequestRow> {
  const [row] = await tx.insert(subjectRequests).values(values).returning();
  return row as RequestRow;
}

export async function findRequest(db: Database, orgId: string, id: string): Promise<RequestRow | null> {
  const [row] = await db
    .select()
    .from(subjectRequests)
    .where(and(eq(subjectRequests.orgId, orgId), eq(subjectRequests.id, id)));
  return row ?? null;
}

/** Locks the request for a change, so two officers' changes apply one after the other. */
export async function lockRequest(tx: Database, orgId: string, id: string): Promise<RequestRow | null> {
  const [row] = await tx
    .select()
    .from(subjectRequests)
    .where(and(eq(subjectRequests.orgId, orgId), eq(subjectRequests.id, id)))
    .for('update');
  return row ?? null;
}

export async function findByConfirmToken(db: Database, tokenHash: string): Promise<RequestRow | null> {
  const [row] = await db.select().from(subjectRequests).where(eq(subjectRequests.confirmTokenHash, tokenHash));
  return row ?? null;
}

export async function lockByConfirmToken(tx: Database, tokenHash: string): Promise<RequestRow | null> {
  const [row] = await tx
    .select()
    .from(subjectRequests)
    .where(eq(subjectRequests.confirmTokenHash, tokenHash))
    .for('update');
  return row ?? null;
}

export async function updateRequest(tx: Database, orgId: string, id: string, values: Partial<NewRequest>) {
  await tx
    .update(subjectRequests)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(subjectRequests.orgId, orgId), eq(subjectRequests.id, id)));
}

export type RequestState = 'open' | 'closed' | 'unconfirmed' | 'all';

function stateCondition(state: RequestState) {
  if (state === 'open') return inArray(subjectRequests.status, ['open', 'in_progress']);
  if (state === 'closed') return eq(subjectRequests.status, 'closed');
  if (state === 'unconfirmed') return eq(subjectRequests.status, 'unconfirmed');
  return ne(subjectRequests.status, 'unconfirmed');
}

/** Requests of organisations by state, the nearest deadline first. */
export async function listRequests(db: Database, orgIds: readonly string[], state: RequestState) {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(subjectRequests)
    .where(and(inArray(subjectRequests.orgId, [...orgIds]), stateCondition(state)))
    .orderBy(asc(subjectRequests.dueOn), asc(subjectRequests.receivedAt))
    .limit(1000);
}

/** The next running number of an organisation; two at once collide on the unique index and one retries. */
export async function nextRequestNumber(tx: Database, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${subjectRequests.number})` })
    .from(subjectRequests)
    .where(eq(subjectRequests.orgId, orgId));
  return Number(row?.max ?? 0) + 1;
}

export async function submissionCounts(db: Database, orgId: string, emailHash: string, now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const [fromAddress] = await db
    .select({ n: count() })
    .from(subjectRequests)
    .where(
      and(
        eq(subjectRequests.orgId, orgId),
        eq(subjectRequests.emailHash, emailHash),
        eq(subjectRequests.channel, 'web'),
        gte(subjectRequests.createdAt, dayAgo),
      ),
    );
  const [unconfirmed] = await db
    .select({ n: count() })
    .from(subjectRequests)
    .where(
      and(
        eq(subjectRequests.orgId, orgId),
        eq(subjectRequests.status, 'unconfirmed'),
        gte(subjectRequests.createdAt, hourAgo),
      ),
    );
  return { fromAddressLastDay: Number(fromAddress?.n ?? 0), unconfirmedLastHour: Number(unconfirmed?.n ?? 0) };
}

export async function insertEvent(tx: Database, values: NewEvent): Promise<void> {
  await tx.insert(subjectRequestEvents).values(values);
}

/** Inserts a once-only event; false when it happened already (another instance or an earlier run). */
export async function insertEventOnce(tx: Database, values: NewEvent & { onceKey: string }): Promise<boolean> {
  const rows = await tx
    .insert(subjectRequestEvents)
    .values(values)
    .onConflictDoNothing({
      target: [subjectRequestEvents.requestId, subjectRequestEvents.onceKey],
      where: sql`${subjectRequestEvents.onceKey} IS NOT NULL`,
    })
    .returning({ id: subjectRequestEvents.id });
  return rows.length > 0;
}

export async function eventsOf(db: Database, orgId: string, requestId: string): Promise<RequestEventRow[]> {
  return db
    .select()
    .from(subjectRequestEvents)
    .where(and(eq(subjectRequestEvents.orgId, orgId), eq(subjectRequestEvents.requestId, requestId)))
    .orderBy(asc(subjectRequestEvents.at), asc(subjectRequestEvents.createdAt));
}

/** Confirmed, unclosed requests of every organisation: what the reminder job looks at. */
export async function openRequestsEverywhere(db: Database): Promise<RequestRow[]> {
  return db
    .select()
    .from(subjectRequests)
    .where(inArray(subjectRequests.status, ['open', 'in_progress']))
    .orderBy(asc(subjectRequests.dueOn))
    .limit(5000);
}

export async function sentOnceKeys(db: Database, requestIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const byRequest = new Map<string, Set<string>>();
  if (requestIds.length === 0) return byRequest;
  const rows = await db
    .select({ requestId: subjectRequestEvents.requestId, onceKey: subjectRequestEvents.onceKey })
    .from(subjectRequestEvents)
    .where(and(inArray(subjectRequestEvents.requestId, [...requestIds]), isNotNull(subjectRequestEvents.onceKey)));
  for (const row of rows) {
    const keys = byRequest.get(row.requestId) ?? new Set<string>();
    keys.add(row.onceKey as string);
    byRequest.set(row.requestId, keys);
  }
  return byRequest;
}

export async function closedBefore(db: Database, before: Date, limit = 500): Promise<RequestRow[]> {
  return db
    .select()
    .from(subjectRequests)
    .where(
      and(
        eq(subjectRequests.status, 'closed'),
        isNull(subjectRequests.minimisedAt),
        lt(subjectRequests.closedAt, before),
      ),
    )
    .orderBy(desc(subjectRequests.closedAt))
    .limit(limit);
}

/** Drops the notes' text of a request's timeline (minimisation keeps that a note was made, not what it said). */
export async function dropEventNotes(tx: Database, orgId: string, requestId: string): Promise<void> {
  await tx
    .update(subjectRequestEvents)
    .set({ noteSealed: null })
    .where(and(eq(subjectRequestEvents.orgId, orgId), eq(subjectRequestEvents.requestId, requestId)));
}

/** Deletes unconfirmed submissions created before `before`; returns how many. */
export async function deleteUnconfirmedBefore(tx: Database, before: Date): Promise<number> {
  const rows = await tx
    .delete(subjectRequests)
    .where(and(eq(subjectRequests.status, 'unconfirmed'), lt(subjectRequests.createdAt, before)))
    .returning({ id: subjectRequests.id });
  return rows.length;
}

export type CheckRow = typeof subjectRequestChecks.$inferSelect;

/** Adds the systems to check by hand; systems already on the list keep their tick. */
export async function addChecks(
  tx: Database,
  orgId: string,
  requestId: string,
  systems: readonly { id: string; name: string }[],
): Promise<void> {
  if (systems.length === 0) return;
  await tx
    .insert(subjectRequestChecks)
    .values(systems.map((system) => ({ orgId, requestId, systemId: system.id, systemName: system.name })))
    .onConflictDoNothing({ target: [subjectRequestChecks.requestId, subjectRequestChecks.systemId] });
}

export async function checksOf(db: Database, orgId: string, requestId: string): Promise<CheckRow[]> {
  return db
    .select()
    .from(subjectRequestChecks)
    .where(and(eq(subjectRequestChecks.orgId, orgId), eq(subjectRequestChecks.requestId, requestId)))
    .orderBy(asc(subjectRequestChecks.systemName));
}

export async function tickCheck(
  tx: Database,
  orgId: string,
  requestId: string,
  checkId: string,
  values: { checkedAt: Date; checkedBy: string | null; outcome: string },
): Promise<CheckRow | null> {
  const [row] = await tx
    .update(subjectRequestChecks)
    .set(values)
    .where(
      and(
        eq(subjectRequestChecks.orgId, orgId),
        eq(subjectRequestChecks.requestId, requestId),
        eq(subjectRequestChecks.id, checkId),
      ),
    )
    .returning();
  return row ?? null;
}

export type FindingRow = typeof subjectRequestFindings.$inferSelect;

/** Records what discovery found; a record found again keeps the decision made about it. */
export async function upsertFindings(
  tx: Database,
  rows: readonly Omit<typeof subjectRequestFindings.$inferInsert, 'id'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(subjectRequestFindings)
    .values([...rows])
    .onConflictDoUpdate({
      target: [subjectRequestFindings.requestId, subjectRequestFindings.recordTypeId, subjectRequestFindings.recordKey],
      set: {
        matchedBy: sql`excluded.matched_by`,
        lastFoundAt: sql`excluded.last_found_at`,
        connectorName: sql`excluded.connector_name`,
        recordTypeName: sql`excluded.record_type_name`,
      },
    });
}

export async function findingsOf(db: Database, orgId: string, requestId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(subjectRequestFindings)
    .where(and(eq(subjectRequestFindings.orgId, orgId), eq(subjectRequestFindings.requestId, requestId)))
    .orderBy(
      asc(subjectRequestFindings.connectorName),
      asc(subjectRequestFindings.recordTypeName),
      asc(subjectRequestFindings.recordKey),
    );
}

export async function updateFinding(
  tx: Database,
  orgId: string,
  requestId: string,
  findingId: string,
  values: Partial<typeof subjectRequestFindings.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(subjectRequestFindings)
    .set(values)
    .where(
      and(
        eq(subjectRequestFindings.orgId, orgId),
        eq(subjectRequestFindings.requestId, requestId),
        eq(subjectRequestFindings.id, findingId),
      ),
    )
    .returning({ id: subjectRequestFindings.id });
  return rows.length > 0;
}

export async function setFindingsStatus(
  tx: Database,
  orgId: string,
  ids: readonly string[],
  values: { actionStatus: string; actionAt: Date; actionError?: string | null },
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(subjectRequestFindings)
    .set(values)
    .where(and(eq(subjectRequestFindings.orgId, orgId), inArray(subjectRequestFindings.id, [...ids])));
}

export async function deleteFindings(tx: Database, orgId: string, requestId: string): Promise<void> {
  await tx
    .delete(subjectRequestFindings)
    .where(and(eq(subjectRequestFindings.orgId, orgId), eq(subjectRequestFindings.requestId, requestId)));
}
