/**
 * Breaches: the register of incidents with the 72-hour clock and its reminders, the decision on notifying,
 * notifications in phases (the authority's form, the letter to the people affected) and the playbook.
 */
import type { AppContext } from '../../platform/context.ts';
import type { JobHandler } from '../../platform/jobs/definition.ts';
import { breachRemindersJob } from './jobs.ts';
import { sendClockReminders } from './use-cases/reminders.ts';

export { notifyClients } from './use-cases/clients.ts';
export { exportIncidents } from './use-cases/export.ts';
export {
  addStep,
  closeIncident,
  createIncident,
  decideIncident,
  getIncident,
  listIncidents,
  recordNotification,
  triageIncident,
  updateIncident,
  updateStep,
} from './use-cases/incidents.ts';
export {
  authorityReportPdf,
  getAuthorityReport,
  previewSubjectLetters,
  sendSubjectLetters,
} from './use-cases/notify.ts';
export { getPlaybook, savePlaybook } from './use-cases/playbook.ts';
export { sendClockReminders } from './use-cases/reminders.ts';

export function breachJobHandlers(ctx: AppContext): JobHandler[] {
  return [{ definition: breachRemindersJob, handle: async () => void (await sendClockReminders(ctx)) }] as JobHandler[];
}
