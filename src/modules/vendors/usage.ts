import { type SQL, sql } from 'drizzle-orm';

/**
 * The one definition of "an activity uses this vendor", shared by the vendor page's count and the activity list's
 * vendor filter: the vendor is one of the activity's recipients, or the vendor of one of its systems. Every status
 * counts (the list shows retired activities too). The tables belong to modules that import this one: read by name.
 */
export function activitiesOfVendorRelation(orgId: SQL | string): SQL {
  return sql`select r.vendor_id as vendor_id, r.activity_id as activity_id
      from activity_recipients r
     where r.org_id = ${orgId}
    union
    select s.vendor_id, asy.activity_id
      from activity_systems asy
      join systems s on s.org_id = asy.org_id and s.id = asy.system_id
     where asy.org_id = ${orgId} and s.vendor_id is not null`;
}

/** How many activities use the vendor (a correlated subquery for a select). */
export function activityCountOfVendor(orgId: SQL, vendorId: SQL): SQL<number> {
  return sql<number>`(select count(*) from (${activitiesOfVendorRelation(orgId)}) u where u.vendor_id = ${vendorId})`.mapWith(
    Number,
  );
}

/** Whether an activity uses the vendor (a condition on the activities table's id column). */
export function activityUsesVendor(orgId: SQL, activityId: SQL, vendorId: string): SQL {
  return sql`exists (select 1 from (${activitiesOfVendorRelation(orgId)}) u where u.vendor_id = ${vendorId} and u.activity_id = ${activityId})`;
}
