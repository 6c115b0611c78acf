import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import { breachEvents, breachIncidents, breachNotifications, breachPlaybookSteps, breachSteps } from './tables.ts';

export type IncidentRow = typeof breachIncidents.$inferSelect;
export type NotificationRow = typeof breachNotifications.$inferSelect;
export type StepRow = typeof breachSteps.$inferSelect;
export type EventRow = typeof breachEvents.$inferSelect;

export async function nextIncidentNumber(tx: Database, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${breachIncidents.number})` })
    .from(breachIncidents)
    .where(eq(breachIncidents.orgId, orgId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertIncident(tx: Database, values: typeof breachIncidents.$inferInsert): Promise<IncidentRow> {
  const [row] = await tx.insert(breachIncidents).values(values).returning();
  return row as IncidentRow;
}

export async function findIncident(db: Database, orgId: string, id: string): Promise<IncidentRow | null> {
  const [row] = await db
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.orgId, orgId), eq(breachIncidents.id, id)));
  return row ?? null;
}

export async function lockIncident(tx: Database, orgId: string, id: string): Promise<IncidentRow | null> {
  const [row] = await tx
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.orgId, orgId), eq(breachIncidents.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateIncident(
  tx: Database,
  orgId: string,
  id: string,
  values: Partial<typeof breachIncidents.$inferInsert>,
): Promise<void> {
  await tx
    .update(breachIncidents)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(breachIncidents.orgId, orgId), eq(breachIncidents.id, id)));
}

/** Open incidents first, the most recent awareness first. */
export async function listIncidents(db: Database, orgId: string): Promise<IncidentRow[]> {
  return db
    .select()
    .from(breachIncidents)
    .where(eq(breachIncidents.orgId, orgId))
    .orderBy(desc(sql`${breachIncidents.status} = 'open'`), desc(breachIncidents.awareAt))
    .limit(1000);
}

export async function insertNotification(tx: Database, values: typeof breachNotifications.$inferInsert) {
  await tx.insert(breachNotifications).values(values);
}

export async function notificationsOf(db: Database, orgId: string, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  return db
    .select()
    .from(breachNotifications)
    .where(and(eq(breachNotifications.orgId, orgId), isAnyOf(breachNotifications.incidentId, incidentIds)))
    .orderBy(asc(breachNotifications.sentAt));
}

export async function insertSteps(tx: Database, values: (typeof breachSteps.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(breachSteps).values(values);
}

export async function stepsOf(db: Database, orgId: string, incidentId: string): Promise<StepRow[]> {
  return db
    .select()
    .from(breachSteps)
    .where(and(eq(breachSteps.orgId, orgId), eq(breachSteps.incidentId, incidentId)))
    .orderBy(asc(breachSteps.position));
}

export async function updateStep(
  tx: Database,
  orgId: string,
  incidentId: string,
  stepId: string,
  values: Partial<typeof breachSteps.$inferInsert>,
): Promise<StepRow | null> {
  const [row] = await tx
    .update(breachSteps)
    .set(values)
    .where(and(eq(breachSteps.orgId, orgId), eq(breachSteps.incidentId, incidentId), eq(breachSteps.id, stepId)))
    .returning();
  return row ?? null;
}

export async function insertEvent(tx: Database, values: typeof breachEvents.$inferInsert): Promise<void> {
  await tx.insert(breachEvents).values(values);
}

export async function eventsOf(db: Database, orgId: string, incidentId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(breachEvents)
    .where(and(eq(breachEvents.orgId, orgId), eq(breachEvents.incidentId, incidentId)))
    .orderBy(asc(breachEvents.at));
}

/** Open incidents of every organisation whose clock may still be running (aware within the last 72 hours). */
export async function openIncidentsAwareSince(db: Database, since: Date): Promise<IncidentRow[]> {
  return db
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.status, 'open'), gte(breachIncidents.awareAt, since)));
}

/** The once-keys already on the timelines of these incidents (reminders sent), per incident. */
export async function onceKeysOf(db: Database, incidentIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const keys = new Map<string, Set<string>>();
  if (incidentIds.length === 0) return keys;
  const rows = await db
    .select({ incidentId: breachEvents.incidentId, onceKey: breachEvents.onceKey })
    .from(breachEvents)
    .where(and(isAnyOf(breachEvents.incidentId, incidentIds), isNotNull(breachEvents.onceKey)));
  for (const row of rows) {
    const set = keys.get(row.incidentId) ?? new Set<string>();
    set.add(row.onceKey as string);
    keys.set(row.incidentId, set);
  }
  return keys;
}

/** Adds an event that may happen once per incident; false when it already did. */
export async function insertEventOnce(
  tx: Database,
  values: typeof breachEvents.$inferInsert & { onceKey: string },
): Promise<boolean> {
  const rows = await tx
    .insert(breachEvents)
    .values(values)
    .onConflictDoNothing({ target: [breachEvents.incidentId, breachEvents.onceKey] })
    .returning({ id: breachEvents.id });
  return rows.length > 0;
}

/** The incidents a provider's incident created in its clients' registers. */
export async function incidentsFromProvider(db: Database, providerIncidentId: string): Promise<IncidentRow[]> {
  return db
    .select()
    .from(breachIncidents)
    .where(eq(breachIncidents.providerIncidentId, providerIncidentId))
    .orderBy(asc(breachIncidents.createdAt));
}

/** An incident by id alone: the provider's incident a client's incident links to (it lives in another organisation). */
export async function incidentById(db: Database, id: string): Promise<IncidentRow | null> {
  const [row] = await db.select().from(breachIncidents).where(eq(breachIncidents.id, id)).limit(1);
  return row ?? null;
}

export type PlaybookStepRow = typeof breachPlaybookSteps.$inferSelect;

/** The organisation's own playbook, in order; empty when it uses the standard one. */
export async function playbookOf(db: Database, orgId: string): Promise<PlaybookStepRow[]> {
  return db
    .select()
    .from(breachPlaybookSteps)
    .where(eq(breachPlaybookSteps.orgId, orgId))
    .orderBy(asc(breachPlaybookSteps.position));
}

export async function replacePlaybook(
  tx: Database,
  orgId: string,
  steps: readonly { phase: string; stepKey: string | null; title: string }[],
): Promise<void> {
  await tx.delete(breachPlaybookSteps).where(eq(breachPlaybookSteps.orgId, orgId));
  if (steps.length === 0) return;
  await tx.insert(breachPlaybookSteps).values(steps.map((step, position) => ({ ...step, orgId, position })));
}
