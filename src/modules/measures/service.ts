/**
 * Security measures (capability 10): the register of technical and organisational measures, seeded from the
 * catalogue, with evidence and review dates, linked to systems and vendors, and the findings where the inventory
 * shows a measure is missing.
 */
export { addEvidence, addEvidenceFile, downloadEvidence, removeEvidence } from './use-cases/evidence.ts';
export { exportMeasures } from './use-cases/export.ts';
export { activityMeasuresText, getFindings } from './use-cases/findings.ts';
export {
  applyCatalogue,
  createMeasure,
  deleteMeasure,
  getMeasure,
  listMeasures,
  updateMeasure,
} from './use-cases/measures.ts';
export { sendReviewReminders } from './use-cases/reminders.ts';

import type { AppContext } from '../../platform/context.ts';
import type { JobHandler } from '../../platform/jobs/definition.ts';
import { measureReviewRemindersJob } from './jobs.ts';
import { sendReviewReminders } from './use-cases/reminders.ts';

export function measureJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    { definition: measureReviewRemindersJob, handle: async () => void (await sendReviewReminders(ctx)) },
  ] as JobHandler[];
}
