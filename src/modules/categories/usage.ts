import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/**
 * The one definition of a category's use, shared by the category lists and the register's "per data category"
 * page, so both show the same numbers. Retired systems and retired activities are left out: they are history, not
 * use. The link tables belong to the modules that import this one, so they are read by name.
 */

/**
 * Pairs (category_id, system_id): the systems that hold a data category — recorded on the system, or used by an
 * activity that processes the category.
 */
export function dataCategorySystemsRelation(orgId: SQL | string): SQL {
  return sql`select l.data_category_id as category_id, l.system_id as system_id
      from system_data_categories l
      join systems s on s.org_id = l.org_id and s.id = l.system_id
     where l.org_id = ${orgId} and s.status <> 'retired'
    union
    select ad.data_category_id, asy.system_id
      from activity_data_categories ad
      join processing_activities a on a.org_id = ad.org_id and a.id = ad.activity_id
      join activity_systems asy on asy.org_id = ad.org_id and asy.activity_id = ad.activity_id
      join systems s on s.org_id = asy.org_id and s.id = asy.system_id
     where ad.org_id = ${orgId} and a.status <> 'retired' and s.status <> 'retired'`;
}

/** Pairs (category_id, activity_id): the activities that process a data category. */
export function dataCategoryActivitiesRelation(orgId: SQL | string): SQL {
  return sql`select ad.data_category_id as category_id, ad.activity_id as activity_id
      from activity_data_categories ad
      join processing_activities a on a.org_id = ad.org_id and a.id = ad.activity_id
     where ad.org_id = ${orgId} and a.status <> 'retired'`;
}

/** Pairs (category_id, activity_id): the activities that concern a subject category. */
export function subjectCategoryActivitiesRelation(orgId: SQL | string): SQL {
  return sql`select asc_.subject_category_id as category_id, asc_.activity_id as activity_id
      from activity_subject_categories asc_
      join processing_activities a on a.org_id = asc_.org_id and a.id = asc_.activity_id
     where asc_.org_id = ${orgId} and a.status <> 'retired'`;
}

/** How many rows of a pairs relation belong to one category (a correlated subquery for a list's select). */
export function countInRelation(relation: SQL, categoryId: SQL): SQL<number> {
  return sql<number>`(select count(*) from (${relation}) u where u.category_id = ${categoryId})`.mapWith(Number);
}

export interface DataCategoryUse {
  systems: { categoryId: string; systemId: string }[];
  activities: { categoryId: string; activityId: string }[];
}

/** Every data category's systems and activities in the organisation, by the definition above. */
export async function dataCategoryUse(db: Database, orgId: string): Promise<DataCategoryUse> {
  const [systems, activities] = await Promise.all([
    db.execute(sql`select category_id, system_id from (${dataCategorySystemsRelation(orgId)}) u`),
    db.execute(sql`select category_id, activity_id from (${dataCategoryActivitiesRelation(orgId)}) u`),
  ]);
  const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
  return {
    systems: rowsOf<{ category_id: string; system_id: string }>(systems).map((row) => ({
      categoryId: row.category_id,
      systemId: row.system_id,
    })),
    activities: rowsOf<{ category_id: string; activity_id: string }>(activities).map((row) => ({
      categoryId: row.category_id,
      activityId: row.activity_id,
    })),
  };
}
