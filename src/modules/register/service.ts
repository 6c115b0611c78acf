/**
 * The register's public face: processing activities (Art. 30), their completeness check, the transfer overview and
 * the consolidation view. Other modules (templates, import, the privacy statement) use these functions only.
 */

export type { ActivityRow } from './store.ts';
export { answerScopeQuestion } from './use-cases/answer-scope-question.ts';
export { bulkUpdateActivities } from './use-cases/bulk-update-activities.ts';
export { getRegisterCompleteness } from './use-cases/check-register.ts';
export { getConsolidation } from './use-cases/consolidation.ts';
export { listActivities } from './use-cases/list-activities.ts';
export { getActivity, getActivityCompleteness } from './use-cases/read-activity.ts';
export { getTransferOverview } from './use-cases/transfer-overview.ts';
export { createActivity, deleteActivity, insertActivity, updateActivity } from './use-cases/write-activity.ts';

import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import type { JobHandler } from '../../platform/jobs/definition.ts';
import { refreshCompletenessJob } from './jobs.ts';
import { activitySystemPairs, allActivities, currentActivityHeads, retentionsOf } from './store.ts';
import { refreshStaleCompleteness } from './use-cases/refresh-completeness.ts';

/** Every activity row of an organisation (templates and imports check names against them). */
export const activitiesOfOrg = (db: Database, orgId: string) => allActivities(db, orgId);

/** Id, name, role and status of every activity that is not retired (retention coverage, policy names). */
export const activityHeadsOfOrg = (db: Database, orgId: string) => currentActivityHeads(db, orgId);

/** The stored retention (kind, amount, unit, start event, reference, preset) of some activities. */
export const activityRetentions = (db: Database, orgId: string, ids: readonly string[]) => retentionsOf(db, orgId, ids);

/** (activity, system) pairs of the organisation's register. */
export const activitySystemsOfOrg = (db: Database, orgId: string) => activitySystemPairs(db, orgId);

export { refreshCompletenessJob } from './jobs.ts';
export {
  computeSummaries,
  refreshCompleteness,
  refreshCompletenessBeforeCommit,
  refreshStaleCompleteness,
} from './use-cases/refresh-completeness.ts';

export function registerJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    { definition: refreshCompletenessJob, handle: async () => void (await refreshStaleCompleteness(ctx)) },
  ] as JobHandler[];
}
