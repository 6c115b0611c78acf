import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { mailMessages } from '../../platform/mail/tables.ts';

export type MailRow = typeof mailMessages.$inferSelect;

export async function listMessages(
  db: Database,
  orgId: string,
  filter: { status?: string | undefined; before?: Date | undefined; limit: number },
) {
  const conditions: SQL[] = [eq(mailMessages.orgId, orgId)];
  if (filter.status) conditions.push(eq(mailMessages.status, filter.status));
  if (filter.before) conditions.push(lt(mailMessages.createdAt, filter.before));
  return db
    .select()
    .from(mailMessages)
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(filter.limit);
}

export async function findMessage(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.id, id), eq(mailMessages.orgId, orgId)));
  return row;
}

export async function requeueMessage(db: Database, orgId: string, id: string) {
  const rows = await db
    .update(mailMessages)
    .set({ status: 'queued', nextAttemptAt: null, attempts: 0 })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.orgId, orgId)))
    .returning({ id: mailMessages.id });
  return rows.length > 0;
}
