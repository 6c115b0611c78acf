/**
 * Data-subject requests (issue 11): the public request page, the officer's desk with legal deadlines, reminders
 * and minimisation after closing.
 */
import type { AppContext } from '../../platform/context.ts';
import type { JobHandler } from '../../platform/jobs/definition.ts';
import { requestMinimiseJob, requestRemindersJob } from './jobs.ts';
import { minimiseRequests, sendDueReminders } from './use-cases/schedule.ts';

export {
  addNote,
  askIdentity,
  assignRequest,
  checkSystem,
  closeRequest,
  createRequest,
  extendRequest,
  getRequest,
  listClientRequests,
  listRequests,
  verifyIdentity,
} from './use-cases/desk.ts';
export { DISCOVERY_LIMIT, discoverForRequest, discoverSubject } from './use-cases/discover.ts';
export { carryOut, decideFindings, listFindings } from './use-cases/handle-records.ts';
export { confirmRequest, getRequestPage, submitPublicRequest } from './use-cases/public-page.ts';
export { minimiseRequests, sendDueReminders } from './use-cases/schedule.ts';
export { requestMinimiseJob, requestRemindersJob };

export function requestJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    { definition: requestRemindersJob, handle: async () => void (await sendDueReminders(ctx)) },
    { definition: requestMinimiseJob, handle: async () => void (await minimiseRequests(ctx)) },
  ] as JobHandler[];
}
