import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { isAnyOf } from '../../platform/db/id-list.ts';
import type { RegisterInputs } from '../../platform/hooks.ts';
import type { CompletenessSummary } from './rules.ts';
import { activities, activityCompleteness } from './tables.ts';

/** Queries of the stored completeness summaries (see tables.ts `activityCompleteness`). */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * A vendor's whole sub-processor tree (its processors up the chain and their sub-processors down it): a change to
 * any of them may change what an activity using one of them reaches. The tables of vendors and inventory are read
 * by name, as the activity filter in store.ts does.
 */
const vendorChain = (orgId: string, vendorIds: readonly string[]) => sql`
  with recursive chain(id, parent_id) as (
    select id, parent_vendor_id from vendors where org_id = ${orgId} and id = any(${uuids(vendorIds)})
    union
    select v.id, v.parent_vendor_id from vendors v join chain c
      on v.org_id = ${orgId} and (v.parent_vendor_id = c.id or v.id = c.parent_id)
  )
  select id from chain union select unnest(${uuids(vendorIds)})`;

function affectedBy(orgId: string, changed: RegisterInputs): SQL[] {
  const parts: SQL[] = [];
  const linked = (table: string, column: string, ids: readonly string[] | undefined) => {
    if (ids?.length) {
      parts.push(
        sql`select activity_id from ${sql.identifier(table)} where org_id = ${orgId} and ${sql.identifier(column)} = any(${uuids(ids)})`,
      );
    }
  };
  if (changed.activityIds?.length) {
    parts.push(
      sql`select id from processing_activities where org_id = ${orgId} and id = any(${uuids(changed.activityIds)})`,
    );
  }
  linked('activity_systems', 'system_id', changed.systemIds);
  linked('activity_data_categories', 'data_category_id', changed.dataCategoryIds);
  linked('activity_subject_categories', 'subject_category_id', changed.subjectCategoryIds);
  if (changed.memberIds?.length) {
    parts.push(
      sql`select id from processing_activities where org_id = ${orgId} and owner_user_id = any(${uuids(changed.memberIds)})`,
    );
  }
  if (changed.vendorIds?.length) {
    const chain = vendorChain(orgId, changed.vendorIds);
    parts.push(
      sql`select activity_id from activity_recipients where org_id = ${orgId} and vendor_id in (${chain})`,
      sql`select l.activity_id from activity_systems l join systems s on s.org_id = l.org_id and s.id = l.system_id
            where l.org_id = ${orgId} and s.vendor_id in (${chain})`,
      sql`select l.activity_id from activity_systems l join system_locations loc
            on loc.org_id = l.org_id and loc.system_id = l.system_id
            where l.org_id = ${orgId} and loc.provider_vendor_id in (${chain})`,
    );
  }
  return parts;
}

/** The activities whose completeness the changed inputs may change; 'all' for a change to the whole organisation. */
export async function affectedActivityIds(
  db: Database,
  orgId: string,
  changed: RegisterInputs,
): Promise<string[] | 'all'> {
  if (changed.wholeOrganisation) return 'all';
  const parts = affectedBy(orgId, changed);
  if (parts.length === 0) return [];
  const result = await db.execute(sql`select distinct id from (${sql.join(parts, sql` union `)}) affected(id)`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

export async function activitiesByIds(db: Database, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, orgId), isAnyOf(activities.id, ids)));
}

const UPSERT_BATCH = 1000;

/** Stores the summaries computed on `computedFor`, replacing the ones stored before. */
export async function storeSummaries(
  db: Database,
  orgId: string,
  computedFor: string,
  summaries: readonly { activityId: string; summary: CompletenessSummary }[],
): Promise<void> {
  for (let start = 0; start < summaries.length; start += UPSERT_BATCH) {
    const rows = summaries
      .slice(start, start + UPSERT_BATCH)
      .map(({ activityId, summary }) => ({ orgId, activityId, computedFor, ...summary }));
    await db
      .insert(activityCompleteness)
      .values(rows)
      .onConflictDoUpdate({
        target: [activityCompleteness.orgId, activityCompleteness.activityId],
        set: {
          missing: sql`excluded.missing`,
          warnings: sql`excluded.warnings`,
          isComplete: sql`excluded.is_complete`,
          computedFor: sql`excluded.computed_for`,
        },
      });
  }
}

/** The summaries stored for some activities that were computed on `day` (older ones are not answers). */
export async function summariesOn(
  db: Database,
  orgId: string,
  ids: readonly string[],
  day: string,
): Promise<Map<string, CompletenessSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(activityCompleteness)
    .where(
      and(
        eq(activityCompleteness.orgId, orgId),
        isAnyOf(activityCompleteness.activityId, ids),
        eq(activityCompleteness.computedFor, day),
      ),
    );
  return new Map(
    rows.map((row) => [row.activityId, { isComplete: row.isComplete, missing: row.missing, warnings: row.warnings }]),
  );
}

/**
 * Whether an activity of the organisation has no summary computed on `day`. Every activity has a row (a trigger
 * writes a placeholder dated 1970-01-01 on insert), so this is one index probe.
 */
export async function hasStaleSummaries(db: Database, orgId: string, day: string): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (
      select 1 from activity_completeness where org_id = ${orgId} and (computed_for < ${day} or computed_for > ${day})
    ) as stale`);
  return rowsOf<{ stale: boolean }>(result)[0]?.stale === true;
}

/** The organisations with a summary not computed on `day` (the daily refresh's work list). */
export async function organisationsWithStaleSummaries(db: Database, day: string): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct org_id from activity_completeness where computed_for < ${day} or computed_for > ${day}`);
  return rowsOf<{ org_id: string }>(result).map((row) => row.org_id);
}
