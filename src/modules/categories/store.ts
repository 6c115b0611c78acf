import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { dataCategories, subjectCategories } from './tables.ts';
import {
  countInRelation,
  dataCategoryActivitiesRelation,
  dataCategorySystemsRelation,
  subjectCategoryActivitiesRelation,
} from './usage.ts';

export type DataCategoryRow = typeof dataCategories.$inferSelect;
export type SubjectCategoryRow = typeof subjectCategories.$inferSelect;

/** Use as every page shows it (see usage.ts). */
const dataCategoryUsage = {
  systems: countInRelation(dataCategorySystemsRelation(sql`${dataCategories.orgId}`), sql`${dataCategories.id}`),
  activities: countInRelation(dataCategoryActivitiesRelation(sql`${dataCategories.orgId}`), sql`${dataCategories.id}`),
};
const subjectCategoryUsage = {
  activities: countInRelation(
    subjectCategoryActivitiesRelation(sql`${subjectCategories.orgId}`),
    sql`${subjectCategories.id}`,
  ),
};

/**
 * Every row that refers to a category, retired systems and activities included: a category with any of them cannot
 * be deleted (it can be archived).
 */
const dataCategoryReferences =
  sql<number>`((select count(*) from system_data_categories l where l.org_id = ${dataCategories.orgId} and l.data_category_id = ${dataCategories.id}) + (select count(*) from activity_data_categories l where l.org_id = ${dataCategories.orgId} and l.data_category_id = ${dataCategories.id}))`.mapWith(
    Number,
  );
const subjectCategoryReferences =
  sql<number>`(select count(*) from activity_subject_categories l where l.org_id = ${subjectCategories.orgId} and l.subject_category_id = ${subjectCategories.id})`.mapWith(
    Number,
  );

export interface CategoryListFilter {
  q?: string | undefined;
  includeArchived: boolean;
  sort: 'name' | 'key' | 'usage';
  order: 'asc' | 'desc';
  locale: 'nl' | 'en';
  limit: number;
  offset: number;
}

function searchCondition(
  table: typeof dataCategories | typeof subjectCategories,
  q: string | undefined,
): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  return or(ilike(table.nameNl, pattern), ilike(table.nameEn, pattern), ilike(table.key, pattern));
}

export async function listDataCategories(db: Database, orgId: string, filter: CategoryListFilter) {
  const where = and(
    eq(dataCategories.orgId, orgId),
    filter.includeArchived ? undefined : eq(dataCategories.isArchived, false),
    searchCondition(dataCategories, filter.q),
  );
  const direction = filter.order === 'desc' ? desc : asc;
  const sortColumn =
    filter.sort === 'key'
      ? dataCategories.key
      : filter.sort === 'usage'
        ? sql`(${dataCategoryUsage.systems} + ${dataCategoryUsage.activities})`
        : filter.locale === 'en'
          ? dataCategories.nameEn
          : dataCategories.nameNl;
  const [items, [total]] = await Promise.all([
    db
      .select({ row: dataCategories, usage: dataCategoryUsage })
      .from(dataCategories)
      .where(where)
      .orderBy(direction(sortColumn), asc(dataCategories.key))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(dataCategories).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

export async function findDataCategory(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select({ row: dataCategories, usage: dataCategoryUsage, references: dataCategoryReferences })
    .from(dataCategories)
    .where(and(eq(dataCategories.orgId, orgId), eq(dataCategories.id, id)));
  return row;
}

export async function listSubjectCategories(db: Database, orgId: string, filter: CategoryListFilter) {
  const where = and(
    eq(subjectCategories.orgId, orgId),
    filter.includeArchived ? undefined : eq(subjectCategories.isArchived, false),
    searchCondition(subjectCategories, filter.q),
  );
  const direction = filter.order === 'desc' ? desc : asc;
  const sortColumn =
    filter.sort === 'key'
      ? subjectCategories.key
      : filter.sort === 'usage'
        ? subjectCategoryUsage.activities
        : filter.locale === 'en'
          ? subjectCategories.nameEn
          : subjectCategories.nameNl;
  const [items, [total]] = await Promise.all([
    db
      .select({ row: subjectCategories, usage: subjectCategoryUsage })
      .from(subjectCategories)
      .where(where)
      .orderBy(direction(sortColumn), asc(subjectCategories.key))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(subjectCategories).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

export async function findSubjectCategory(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select({ row: subjectCategories, usage: subjectCategoryUsage, references: subjectCategoryReferences })
    .from(subjectCategories)
    .where(and(eq(subjectCategories.orgId, orgId), eq(subjectCategories.id, id)));
  return row;
}

export async function dataCategoryKeys(db: Database, orgId: string): Promise<Set<string>> {
  const rows = await db.select({ key: dataCategories.key }).from(dataCategories).where(eq(dataCategories.orgId, orgId));
  return new Set(rows.map((row) => row.key));
}

export async function subjectCategoryKeys(db: Database, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: subjectCategories.key })
    .from(subjectCategories)
    .where(eq(subjectCategories.orgId, orgId));
  return new Set(rows.map((row) => row.key));
}

export async function insertDataCategories(db: Database, values: (typeof dataCategories.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(dataCategories).values(values).onConflictDoNothing().returning();
}

export async function insertSubjectCategories(db: Database, values: (typeof subjectCategories.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(subjectCategories).values(values).onConflictDoNothing().returning();
}

export async function updateDataCategory(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof dataCategories.$inferInsert>,
) {
  await db
    .update(dataCategories)
    .set(values)
    .where(and(eq(dataCategories.orgId, orgId), eq(dataCategories.id, id)));
}

export async function updateSubjectCategory(
  db: Database,
  orgId: string,
  id: string,
  values: Partial<typeof subjectCategories.$inferInsert>,
) {
  await db
    .update(subjectCategories)
    .set(values)
    .where(and(eq(subjectCategories.orgId, orgId), eq(subjectCategories.id, id)));
}

export async function deleteDataCategory(db: Database, orgId: string, id: string) {
  await db.delete(dataCategories).where(and(eq(dataCategories.orgId, orgId), eq(dataCategories.id, id)));
}

export async function deleteSubjectCategory(db: Database, orgId: string, id: string) {
  await db.delete(subjectCategories).where(and(eq(subjectCategories.orgId, orgId), eq(subjectCategories.id, id)));
}

/** All categories of an organisation keyed by key (for templates and imports). */
export async function allDataCategories(db: Database, orgId: string) {
  return db.select().from(dataCategories).where(eq(dataCategories.orgId, orgId));
}

export async function allSubjectCategories(db: Database, orgId: string) {
  return db.select().from(subjectCategories).where(eq(subjectCategories.orgId, orgId));
}
