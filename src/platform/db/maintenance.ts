import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobHandler } from '../jobs/definition.ts';
import type { DatabaseHandle } from './database.ts';

/**
 * PGlite runs no autovacuum worker, so its planner never learns table sizes and sorts where an index would do.
 * Refreshing statistics hourly (and at start) keeps list pages on their indexes. PostgreSQL's autovacuum does this
 * itself.
 */
export const refreshStatisticsJob = defineJob({
  name: 'db.refresh-statistics',
  payload: z.object({}),
  cron: '17 * * * *',
  retryLimit: 0,
});

export async function refreshStatistics(database: DatabaseHandle): Promise<void> {
  if (database.engine === 'pglite') await database.db.execute(sql`analyze`);
}

export function maintenanceJobHandlers(database: DatabaseHandle): JobHandler[] {
  return [{ definition: refreshStatisticsJob, handle: () => refreshStatistics(database) }] as JobHandler[];
}
