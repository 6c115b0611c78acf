import { and, count, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';
import { users } from '../identity/tables.ts';
import { invitations, memberships, organisations } from './tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation named by id or slug. */
export async function findOrganisation(db: Database, ref: string): Promise<OrganisationRow | undefined> {
  const condition = UUID.test(ref) ? eq(organisations.id, ref) : eq(organisations.slug, ref.toLowerCase());
  const [row] = await db.select().from(organisations).where(condition);
  return row;
}

export async function findOrganisationsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function slugsLike(db: Database, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)));
  return new Set(rows.map((row) => row.slug));
}

export async function insertOrganisation(db: Database, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row as OrganisationRow;
}

export async function updateOrganisation(db: Database, id: string, values: Partial<typeof organisations.$inferInsert>) {
  const [row] = await db.update(organisations).set(values).where(eq(organisations.id, id)).returning();
  return row as OrganisationRow;
}

/** The membership of a person in an organisation (by id or slug), with the organisation's 2FA rule. */
export async function findMembership(db: Database, orgRef: string, userId: string) {
  const condition = UUID.test(orgRef) ? eq(organisations.id, orgRef) : eq(organisations.slug, orgRef.toLowerCase());
  const [row] = await db
    .select({ orgId: organisations.id, role: memberships.role, requireMfa: organisations.requireMfa })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(condition, eq(memberships.userId, userId)));
  return row;
}

/** The client organisations a provider manages, by name. */
export async function clientsOf(db: Database, providerOrgId: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisations)
    .where(eq(organisations.managedByOrgId, providerOrgId))
    .orderBy(organisations.name);
}

const managers = alias(organisations, 'managers');

export async function listOrganisationsOfUser(db: Database, userId: string) {
  const clientCounts = db
    .select({ managerId: organisations.managedByOrgId, total: count().as('total') })
    .from(organisations)
    .groupBy(organisations.managedByOrgId)
    .as('client_counts');
  return db
    .select({
      org: organisations,
      role: memberships.role,
      managerName: managers.name,
      clientCount: sql<number>`coalesce(${clientCounts.total}, 0)`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(managers, eq(managers.id, organisations.managedByOrgId))
    .leftJoin(clientCounts, eq(clientCounts.managerId, organisations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
}

export async function insertMembership(db: Database, values: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(values).onConflictDoNothing();
}

export async function listMembers(db: Database, orgId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      hasTotp: sql<boolean>`${users.totpSecretSealed} is not null`,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.name);
}

/** The membership row locked for the rest of the transaction, with the owner count (also locked). */
export async function lockMembershipsForChange(db: Database, orgId: string, userId: string) {
  const rows = await db.select().from(memberships).where(eq(memberships.orgId, orgId)).for('update');
  return {
    target: rows.find((row) => row.userId === userId),
    ownerCount: rows.filter((row) => row.role === 'owner').length,
  };
}

export async function setMemberRole(db: Database, orgId: string, userId: string, role: string) {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: Database, orgId: string, userId: string) {
  await db.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function insertInvitation(db: Database, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row as InvitationRow;
}

/** Ends the pending invitations to an address, so only the newest link works. */
export async function revokePendingInvitationsTo(db: Database, orgId: string, email: string, now: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function listInvitations(db: Database, orgId: string) {
  return db
    .select({ invitation: invitations, invitedBy: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.orgId, orgId))
    .orderBy(sql`${invitations.createdAt} desc`);
}

export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, org: organisations })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function revokeInvitation(db: Database, orgId: string, invitationId: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function markInvitationAccepted(db: Database, invitationId: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
