/**
 * Pure rules of the breach register: references and the standard playbook. The 72-hour clock and the checks on an
 * incident's moments are in clock-rules.ts, the triage in triage-rules.ts.
 */
import type { FieldError } from '../../platform/errors.ts';
import type { PLAYBOOK_PHASES } from './contract.ts';

/** `DL-2026-003`: DL for datalek, the year of awareness, the organisation's running number. */
export function formatIncidentReference(awareAt: Date, number: number): string {
  return `DL-${awareAt.getUTCFullYear()}-${String(number).padStart(3, '0')}`;
}

type Phase = (typeof PLAYBOOK_PHASES)[number];

/**
 * The standard playbook (draaiboek) every incident starts with, after seed 004's breach procedure and the AP's
 * guidance: contain, assess, notify, communicate, evaluate. Texts are translated by key (`breaches.playbook.<key>`).
 */
export const STANDARD_PLAYBOOK: readonly { phase: Phase; key: string }[] = [
  { phase: 'contain', key: 'stop_leak' },
  { phase: 'contain', key: 'secure_evidence' },
  { phase: 'assess', key: 'scope' },
  { phase: 'assess', key: 'triage' },
  { phase: 'notify', key: 'decide_authority' },
  { phase: 'notify', key: 'notify_authority' },
  { phase: 'notify', key: 'inform_controllers' },
  { phase: 'communicate', key: 'inform_subjects' },
  { phase: 'evaluate', key: 'root_cause' },
  { phase: 'evaluate', key: 'measures' },
];

export interface PlaybookStep {
  phase: Phase;
  /** A standard step's key (its text is translated), or null for a step the organisation wrote. */
  stepKey: string | null;
  title: string;
}

const STANDARD_KEYS = new Set(STANDARD_PLAYBOOK.map((step) => step.key));

/** The steps a new incident starts with: the organisation's own playbook, or the standard one when it has none. */
export function startingPlaybook(own: readonly PlaybookStep[]): PlaybookStep[] {
  if (own.length > 0) return [...own];
  return STANDARD_PLAYBOOK.map((step) => ({ phase: step.phase, stepKey: step.key, title: '' }));
}

/** A playbook to save: each step a known standard step, or one with a title of its own. */
export function playbookErrors(steps: readonly PlaybookStep[]): FieldError[] {
  return steps.flatMap((step, index): FieldError[] => {
    if (step.stepKey !== null && !STANDARD_KEYS.has(step.stepKey))
      return [{ path: `steps.${index}.stepKey`, code: 'unknown_reference' }];
    if (step.stepKey === null && step.title.trim() === '') return [{ path: `steps.${index}.title`, code: 'required' }];
    return [];
  });
}

/** The once-key of a clock reminder on an incident's timeline: each goes out once, whatever instance sends it. */
export const clockReminderOnceKey = (hoursLeft: number) => `reminder-${hoursLeft}h`;

/** What the reminder job needs to know of one incident. */
export interface ReminderFacts {
  /** The clock's reminders at 24 h and 8 h left, each with whether its moment has passed. */
  reminders: readonly { hoursLeft: number; isDue: boolean }[];
  isOverdue: boolean;
  isAuthorityNotified: boolean;
  /** The decision on notifying the authority, when one is recorded. */
  decidedToNotifyAuthority: boolean | null;
  sentOnceKeys: ReadonlySet<string>;
}

/**
 * The reminder to send now, if any: the most urgent one whose moment has passed, unless it went out already. An
 * incident recorded with 10 hours left gets the 8-hour reminder only at 8 hours, never a stale 24-hour one after it.
 * No reminders once the authority is notified, once the user decided not to notify it, or after the deadline (the
 * page and the dashboard show an overdue clock).
 */
export function dueClockReminder(facts: ReminderFacts): number | null {
  if (facts.isAuthorityNotified || facts.decidedToNotifyAuthority === false || facts.isOverdue) return null;
  const due = facts.reminders.filter((reminder) => reminder.isDue).map((reminder) => reminder.hoursLeft);
  if (due.length === 0) return null;
  const mostUrgent = Math.min(...due);
  return facts.sentOnceKeys.has(clockReminderOnceKey(mostUrgent)) ? null : mostUrgent;
}
