import { and, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import * as vendorsService from '../vendors/service.ts';
import {
  activities,
  activityCompleteness,
  activityControllers,
  activityDataCategories,
  activityJointControllers,
  activityRecipients,
  activitySubjectCategories,
  activitySystems,
  activityTransfers,
  transferScopeAnswers,
} from './tables.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityValues = Omit<typeof activities.$inferInsert, 'id' | 'orgId'>;
export type TransferRow = typeof activityTransfers.$inferSelect;
export type ControllerRow = typeof activityControllers.$inferSelect;
export type JointControllerRow = typeof activityJointControllers.$inferSelect;
type Owned<T> = Omit<T, 'id' | 'orgId' | 'activityId' | 'position'>;
type LinkTable =
  | typeof activitySubjectCategories
  | typeof activityDataCategories
  | typeof activitySystems
  | typeof activityRecipients;

/** What an activity points to: the link tables and its explicit transfers. */
export interface ActivityLinks {
  subjectCategoryIds: string[];
  dataCategoryIds: string[];
  systemIds: string[];
  vendorIds: string[];
  transfers: TransferRow[];
  /** In the order the activity lists them. */
  controllers: ControllerRow[];
  jointControllers: JointControllerRow[];
}

export interface ActivityFilter {
  q?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  legalBasis?: string | undefined;
  dataCategoryId?: string | undefined;
  subjectCategoryId?: string | undefined;
  systemId?: string | undefined;
  /** A recipient of the activity, or the vendor of one of its systems. */
  vendorId?: string | undefined;
  /** By the stored completeness summary (the caller makes sure every one is today's). */
  isComplete?: boolean | undefined;
}

export interface ActivityOrder {
  /** `completeness`: the least complete first (most missing items, then most warnings), then by name. */
  sort: 'name' | 'status' | 'role' | 'reviewDate' | 'updatedAt' | 'completeness';
  order: 'asc' | 'desc';
}

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  return or(
    ilike(activities.name, pattern),
    ilike(activities.description, pattern),
    sql`array_to_string(${activities.purposes}, ' ') ilike ${pattern}`,
  );
}

const linked = (table: string, column: string, id: string) =>
  sql`exists (select 1 from ${sql.identifier(table)} l where l.org_id = ${activities.orgId} and l.activity_id = ${activities.id} and ${sql.identifier('l')}.${sql.identifier(column)} = ${id})`;

function filterCondition(orgId: string, filter: ActivityFilter): SQL | undefined {
  return and(
    eq(activities.orgId, orgId),
    searchCondition(filter.q),
    filter.role ? eq(activities.role, filter.role) : undefined,
    filter.status ? eq(activities.status, filter.status) : undefined,
    filter.legalBasis ? eq(activities.legalBasis, filter.legalBasis) : undefined,
    filter.dataCategoryId ? linked('activity_data_categories', 'data_category_id', filter.dataCategoryId) : undefined,
    filter.subjectCategoryId
      ? linked('activity_subject_categories', 'subject_category_id', filter.subjectCategoryId)
      : undefined,
    filter.systemId ? linked('activity_systems', 'system_id', filter.systemId) : undefined,
    filter.vendorId
      ? vendorsService.activityUsesVendor(sql`${activities.orgId}`, sql`${activities.id}`, filter.vendorId)
      : undefined,
    filter.isComplete !== undefined ? eq(activityCompleteness.isComplete, filter.isComplete) : undefined,
  );
}

/** Whether a query needs the stored completeness summaries joined in. */
const needsCompleteness = (filter: ActivityFilter, order: ActivityOrder) =>
  filter.isComplete !== undefined || order.sort === 'completeness';

const completenessJoin = and(
  eq(activityCompleteness.orgId, activities.orgId),
  eq(activityCompleteness.activityId, activities.id),
);

function orderBy(order: ActivityOrder): SQL[] {
  const direction = order.order === 'desc' ? desc : asc;
  // Names are unique per organisation regardless of case, so the name alone orders completely (and uses the index).
  const byName = asc(sql`lower(${activities.name})`);
  if (order.sort === 'name') return [direction(sql`lower(${activities.name})`)];
  if (order.sort === 'completeness') {
    // Ascending means the least complete first; ties stay in name order either way.
    const rank = order.order === 'desc' ? asc : desc;
    return [rank(activityCompleteness.missing), rank(activityCompleteness.warnings), byName, asc(activities.id)];
  }
  if (order.sort === 'reviewDate') {
    const nullsLast = sql`${activities.reviewDate} ${sql.raw(order.order === 'desc' ? 'desc' : 'asc')} nulls last`;
    return [nullsLast, byName, asc(activities.id)];
  }
  const column = { status: activities.status, role: activities.role, updatedAt: activities.updatedAt }[order.sort];
  return [direction(column), byName, asc(activities.id)];
}

/** One page of the activities matching a filter, and how many match in all. */
export async function listActivities(
  db: Database,
  orgId: string,
  filter: ActivityFilter,
  page: ActivityOrder & { limit: number; offset: number },
): Promise<{ rows: ActivityRow[]; total: number }> {
  const where = filterCondition(orgId, filter);
  const withCompleteness = needsCompleteness(filter, page);
  const rowsQuery = db.select({ activity: activities }).from(activities).$dynamic();
  const countQuery = db.select({ total: count() }).from(activities).$dynamic();
  if (withCompleteness) {
    rowsQuery.innerJoin(activityCompleteness, completenessJoin);
    countQuery.innerJoin(activityCompleteness, completenessJoin);
  }
  const [rows, [total]] = await Promise.all([
    rowsQuery
      .where(where)
      .orderBy(...orderBy(page))
      .limit(page.limit)
      .offset(page.offset),
    countQuery.where(where),
  ]);
  return { rows: rows.map((row) => row.activity), total: total?.total ?? 0 };
}

/** Every activity matching a filter (for what the database cannot compute, such as completeness), by name by default. */
export async function allActivities(
  db: Database,
  orgId: string,
  filter: ActivityFilter = {},
  order: ActivityOrder = { sort: 'name', order: 'asc' },
): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activities)
    .where(filterCondition(orgId, filter))
    .orderBy(...orderBy(order));
}

/** What views across the register need of each activity that is not retired: who it is, not what it holds. */
export async function currentActivityHeads(db: Database, orgId: string) {
  return db
    .select({ id: activities.id, name: activities.name, role: activities.role, status: activities.status })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), ne(activities.status, 'retired')))
    .orderBy(asc(sql`lower(${activities.name})`));
}

/** The explicit transfers of the organisation's activities that are not retired. */
export async function currentTransfers(db: Database, orgId: string): Promise<TransferRow[]> {
  return db
    .select({ transfer: activityTransfers })
    .from(activityTransfers)
    .innerJoin(
      activities,
      and(eq(activities.orgId, activityTransfers.orgId), eq(activities.id, activityTransfers.activityId)),
    )
    .where(and(eq(activityTransfers.orgId, orgId), ne(activities.status, 'retired')))
    .orderBy(asc(activityTransfers.country), asc(activityTransfers.recipient))
    .then((rows) => rows.map((row) => row.transfer));
}

export async function findActivity(db: Database, orgId: string, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
  return row;
}

/** The organisation's activities with these ids (ids of other organisations find nothing). */
export async function activitiesWithIds(db: Database, orgId: string, ids: readonly string[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, orgId), isAnyOf(activities.id, ids)));
}

/** Whether another activity of the organisation has this name, regardless of case. */
export async function isNameTaken(db: Database, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.orgId, orgId),
        sql`lower(${activities.name}) = lower(${name})`,
        exceptId ? ne(activities.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

/** Inserts an activity; undefined when its name is taken in the organisation (the unique index decides). */
export async function insertActivity(
  db: Database,
  orgId: string,
  values: ActivityValues & { name: string; role: string },
): Promise<ActivityRow | undefined> {
  const [row] = await db
    .insert(activities)
    .values({ ...values, orgId })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateActivity(db: Database, orgId: string, id: string, values: Partial<ActivityValues>) {
  await db
    .update(activities)
    .set(values)
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
}

export async function deleteActivity(db: Database, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(activities)
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)))
    .returning({ id: activities.id });
  return rows.length > 0;
}

/** Replaces one link table's rows of an activity; `undefined` leaves them as they are. */
async function replaceLinkRows(
  db: Database,
  table: LinkTable,
  owned: { orgId: string; activityId: string },
  rows: object[] | undefined,
): Promise<void> {
  if (rows === undefined) return;
  await db.delete(table).where(and(eq(table.orgId, owned.orgId), eq(table.activityId, owned.activityId)));
  // The rows match `table` by construction in replaceLinks; Drizzle cannot type an insert into a union of tables.
  if (rows.length > 0) await db.insert(table).values(rows as never);
}

/** Replaces the links that are given; links left out stay as they are. */
export async function replaceLinks(
  db: Database,
  orgId: string,
  activityId: string,
  links: Partial<Omit<ActivityLinks, 'transfers' | 'controllers' | 'jointControllers'>> & {
    transfers?: Omit<TransferRow, 'id' | 'orgId' | 'activityId'>[];
    controllers?: Owned<ControllerRow>[];
    jointControllers?: Owned<JointControllerRow>[];
  },
): Promise<void> {
  const owned = { orgId, activityId };
  const unique = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined);
  const replace = (table: LinkTable, rows: object[] | undefined) => replaceLinkRows(db, table, owned, rows);
  await replace(
    activitySubjectCategories,
    unique(links.subjectCategoryIds)?.map((subjectCategoryId) => ({ ...owned, subjectCategoryId })),
  );
  await replace(
    activityDataCategories,
    unique(links.dataCategoryIds)?.map((dataCategoryId) => ({ ...owned, dataCategoryId })),
  );
  await replace(
    activitySystems,
    unique(links.systemIds)?.map((systemId) => ({ ...owned, systemId })),
  );
  await replace(
    activityRecipients,
    unique(links.vendorIds)?.map((vendorId) => ({ ...owned, vendorId })),
  );
  if (links.transfers !== undefined) {
    await db
      .delete(activityTransfers)
      .where(and(eq(activityTransfers.orgId, orgId), eq(activityTransfers.activityId, activityId)));
    if (links.transfers.length > 0) {
      await db.insert(activityTransfers).values(links.transfers.map((transfer) => ({ ...transfer, ...owned })));
    }
  }
  if (links.controllers !== undefined) {
    await db
      .delete(activityControllers)
      .where(and(eq(activityControllers.orgId, orgId), eq(activityControllers.activityId, activityId)));
    if (links.controllers.length > 0) {
      await db
        .insert(activityControllers)
        .values(links.controllers.map((controller, position) => ({ ...controller, ...owned, position })));
    }
  }
  if (links.jointControllers !== undefined) {
    await db
      .delete(activityJointControllers)
      .where(and(eq(activityJointControllers.orgId, orgId), eq(activityJointControllers.activityId, activityId)));
    if (links.jointControllers.length > 0) {
      await db
        .insert(activityJointControllers)
        .values(links.jointControllers.map((joint, position) => ({ ...joint, ...owned, position })));
    }
  }
}

const emptyLinks = (): ActivityLinks => ({
  subjectCategoryIds: [],
  dataCategoryIds: [],
  systemIds: [],
  vendorIds: [],
  transfers: [],
  controllers: [],
  jointControllers: [],
});

const LINK_TABLES = [
  { kind: 'subject', table: 'activity_subject_categories', column: 'subject_category_id' },
  { kind: 'data', table: 'activity_data_categories', column: 'data_category_id' },
  { kind: 'system', table: 'activity_systems', column: 'system_id' },
  { kind: 'vendor', table: 'activity_recipients', column: 'vendor_id' },
] as const;

interface LinkRow {
  kind: (typeof LINK_TABLES)[number]['kind'] | 'controller' | 'joint_controller';
  activity_id: string;
  ref_id: string;
  /** The row of a controller or joint controller (null for the plain link tables). */
  detail: Record<string, unknown> | null;
}

/** The (joint) controllers as JSON in the same statement as the links, so they cost no round trip of their own. */
const CONTROLLER_PARTS = [
  {
    kind: 'controller',
    table: 'activity_controllers',
    detail: sql`json_build_object('position', position, 'kind', kind, 'controllerOrgId', controller_org_id, 'name', name, 'contact', contact)`,
  },
  {
    kind: 'joint_controller',
    table: 'activity_joint_controllers',
    detail: sql`json_build_object('position', position, 'name', name, 'contact', contact, 'arrangement', arrangement)`,
  },
] as const;

/**
 * The four link tables and the two controller tables in one round trip (the per-query cost dominates on PGlite), as
 * plain SQL: Drizzle's mapping of computed select fields costs more than the query itself on registers of thousands
 * of activities.
 */
async function linkRowsOf(db: Database, orgId: string, ids: string[] | undefined): Promise<LinkRow[]> {
  // One array parameter, however many activities (an IN list would send one parameter per id and table).
  const ofActivities = ids ? sql` and activity_id = any(${sql.param(ids)}::uuid[])` : sql``;
  const parts = [
    ...LINK_TABLES.map(
      ({ kind, table, column }) =>
        sql`select ${sql.raw(`'${kind}'`)} as kind, activity_id, ${sql.identifier(column)} as ref_id, null::json as detail from ${sql.identifier(table)} where org_id = ${orgId}${ofActivities}`,
    ),
    ...CONTROLLER_PARTS.map(
      ({ kind, table, detail }) =>
        sql`select ${sql.raw(`'${kind}'`)} as kind, activity_id, id as ref_id, ${detail} as detail from ${sql.identifier(table)} where org_id = ${orgId}${ofActivities}`,
    ),
  ];
  const result = await db.execute(sql.join(parts, sql` union all `));
  return (result as unknown as { rows: LinkRow[] }).rows;
}

/** A controller or joint controller row from its JSON in linkRowsOf. */
function detailRow<T>(orgId: string, row: LinkRow): T {
  return { ...row.detail, id: row.ref_id, orgId, activityId: row.activity_id } as T;
}

/** The links of some activities (or of every activity of the organisation), in two queries whatever the count. */
export async function linksOf(
  db: Database,
  orgId: string,
  activityIds: readonly string[] | 'all',
): Promise<Map<string, ActivityLinks>> {
  const result = new Map<string, ActivityLinks>();
  if (activityIds !== 'all' && activityIds.length === 0) return result;
  const ids = activityIds === 'all' ? undefined : [...activityIds];
  const scoped = (table: { orgId: PgColumn; activityId: PgColumn }) =>
    and(eq(table.orgId, orgId), ids ? isAnyOf(table.activityId, ids) : undefined);
  const [allLinks, transfers] = await Promise.all([
    linkRowsOf(db, orgId, ids),
    db
      .select()
      .from(activityTransfers)
      .where(scoped(activityTransfers))
      .orderBy(asc(activityTransfers.country), asc(activityTransfers.recipient)),
  ]);
  const of = (activityId: string) => {
    let links = result.get(activityId);
    if (!links) {
      links = emptyLinks();
      result.set(activityId, links);
    }
    return links;
  };
  for (const activityId of activityIds === 'all' ? [] : activityIds) of(activityId);
  const listOf = {
    subject: 'subjectCategoryIds',
    data: 'dataCategoryIds',
    system: 'systemIds',
    vendor: 'vendorIds',
  } as const;
  for (const row of allLinks) {
    const links = of(row.activity_id);
    if (row.kind === 'controller') links.controllers.push(detailRow<ControllerRow>(orgId, row));
    else if (row.kind === 'joint_controller') links.jointControllers.push(detailRow<JointControllerRow>(orgId, row));
    else links[listOf[row.kind]].push(row.ref_id);
  }
  for (const row of transfers) of(row.activityId).transfers.push(row);
  for (const links of result.values()) {
    links.controllers.sort((a, b) => a.position - b.position);
    links.jointControllers.sort((a, b) => a.position - b.position);
  }
  return result;
}

export const noLinks = emptyLinks;

export type ScopeAnswerRow = typeof transferScopeAnswers.$inferSelect;

/** The organisation's answers to adequacy scope questions, by country. */
export async function scopeAnswersOf(db: Database, orgId: string): Promise<Map<string, ScopeAnswerRow>> {
  const rows = await db.select().from(transferScopeAnswers).where(eq(transferScopeAnswers.orgId, orgId));
  return new Map(rows.map((row) => [row.country, row]));
}

/** Records (or replaces) the answer for one country. */
export async function saveScopeAnswer(
  db: Database,
  values: { orgId: string; country: string; isWithinScope: boolean; note: string; answeredAt: Date },
) {
  await db
    .insert(transferScopeAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [transferScopeAnswers.orgId, transferScopeAnswers.country],
      set: { isWithinScope: values.isWithinScope, note: values.note, answeredAt: values.answeredAt },
    });
}

/** Which systems each activity uses, as (activity, system) pairs of the whole organisation. */
export async function activitySystemPairs(db: Database, orgId: string) {
  return db
    .select({ activityId: activitySystems.activityId, systemId: activitySystems.systemId })
    .from(activitySystems)
    .where(eq(activitySystems.orgId, orgId));
}

/** The retention of some activities as stored (retention policies compare it with what they were made from). */
export async function retentionsOf(db: Database, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: activities.id,
      kind: activities.retentionKind,
      amount: activities.retentionAmount,
      unit: activities.retentionUnit,
      startEvent: activities.retentionStartEvent,
      reference: activities.retentionReference,
      presetId: activities.retentionPresetId,
    })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), isAnyOf(activities.id, ids)));
}
