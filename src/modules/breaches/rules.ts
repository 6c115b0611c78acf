/**
 * Pure rules of the breach register: references and the standard playbook. The 72-hour clock and the checks on an
 * incident's moments are in clock-rules.ts, the triage in triage-rules.ts.
 */
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
