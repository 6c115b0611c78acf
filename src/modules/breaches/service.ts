/**
 * Breaches (issue 12): the register of incidents with the 72-hour clock, the decision on notifying, notifications
 * in phases and the playbook.
 */
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
