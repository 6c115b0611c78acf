import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobHandler } from '../jobs/definition.ts';
import type { DatabaseHandle } from './database.ts';

/**
 * PGlite runs no autovacuum worker: its planner never learns table sizes and sorts where an index would do, dead
 * rows are never reclaimed, and no page is ever marked all-visible, so counting a list's rows reads the whole table
 * instead of its index. Vacuuming and analysing hourly (and at start) does what autovacuum does on PostgreSQL.
 */
export const refreshStatisticsJob = defineJob({
  name: 'db.refresh-statistics',
  payload: z.object({}),
  cron: '17 * * * *',
  retryLimit: 0,
});

/** What autovacuum does on PostgreSQL; a statement of its own (VACUUM cannot run inside a transaction). */
export const VACUUM_AND_ANALYZE = sql`vacuum (analyze)`;

export async function refreshStatistics(database: DatabaseHandle): Promise<void> {
  if (database.engine === 'pglite') await database.db.execute(VACUUM_AND_ANALYZE);
}

export function maintenanceJobHandlers(database: DatabaseHandle): JobHandler[] {
  return [{ definition: refreshStatisticsJob, handle: () => refreshStatistics(database) }] as JobHandler[];
}
