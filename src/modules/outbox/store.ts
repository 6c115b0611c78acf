import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { mailMessages } from '../../platform/mail/tables.ts';

export type MailRow = typeof mailMessages.$inferSelect;

export async function listMessages(
  db: Database,
  orgId: string,
  filter: { status?: string | undefined; before?: string | undefined; limit: number },
) {
  const conditions: SQL[] = [eq(mailMessages.orgId, orgId)];
  if (filter.status) conditions.push(eq(mailMessages.status, filter.status));
  // Keyset on (created_at, id), compared with the cursor row's stored values: messages queued in one
  // transaction share created_at, and a JavaScript Date would lose its microseconds.
  if (filter.before) {
    conditions.push(
      sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (select created_at, id from mail_messages where id = ${filter.before} and org_id = ${orgId})`,
    );
  }
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
