/** What the breach forms hold and what they send: pure, so the pages' rules are tested without a browser. */
import {
  BREACH_KINDS,
  type ENCRYPTION_STATES,
  type EXFILTRATIONS,
  type RECIPIENTS,
  type TCreateIncidentInput,
  type TIncident,
  type TRecordNotificationInput,
  type TSendSubjectLettersInput,
  type TTriageFactsInput,
  type TUpdateIncidentInput,
} from '../../api/breaches.ts';
import { amsterdamInputToIso, isoToAmsterdamInput } from './breach-format.ts';

export interface IncidentFormValues {
  title: string;
  description: string;
  occurredAt: string;
  awareAt: string;
  reportedBy: string;
  source: string;
  systemIds: string[];
  vendorIds: string[];
  activityIds: string[];
  isConfidentialityBreach: boolean;
  isIntegrityBreach: boolean;
  isAvailabilityBreach: boolean;
  approxPeople: number | string;
  approxRecords: number | string;
  consequences: string;
  measuresTaken: string;
}

const count = (value: number | string) => (typeof value === 'number' ? value : value.trim() ? Number(value) : null);

/** What the form sends: moments typed in Amsterdam time with their offset, empty counts as null. */
export function incidentBody(values: IncidentFormValues): TCreateIncidentInput {
  return {
    ...values,
    source: values.source as TCreateIncidentInput['source'],
    occurredAt: amsterdamInputToIso(values.occurredAt),
    awareAt: amsterdamInputToIso(values.awareAt) ?? values.awareAt,
    approxPeople: count(values.approxPeople),
    approxRecords: count(values.approxRecords),
  };
}

/** The edit form: the incident's fields, and the reason for a late notification. */
export interface EditIncidentValues extends IncidentFormValues {
  lateReason: string;
}

/** The edit form's starting values: the incident as it stands, moments in Amsterdam time. */
export function incidentFormValues(incident: TIncident): EditIncidentValues {
  const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id);
  return {
    title: incident.title,
    description: incident.description,
    occurredAt: incident.occurredAt ? isoToAmsterdamInput(incident.occurredAt) : '',
    awareAt: isoToAmsterdamInput(incident.awareAt),
    reportedBy: incident.reportedBy,
    source: incident.source,
    systemIds: ids(incident.systems),
    vendorIds: ids(incident.vendors),
    activityIds: ids(incident.activities),
    isConfidentialityBreach: incident.isConfidentialityBreach,
    isIntegrityBreach: incident.isIntegrityBreach,
    isAvailabilityBreach: incident.isAvailabilityBreach,
    approxPeople: incident.approxPeople ?? '',
    approxRecords: incident.approxRecords ?? '',
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    lateReason: incident.lateReason ?? '',
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the person changed, as the server takes it: a change names no field it leaves alone. */
export function incidentChanges(initial: EditIncidentValues, values: EditIncidentValues): TUpdateIncidentInput {
  const { lateReason: lateBefore, ...before } = initial;
  const { lateReason: lateAfter, ...after } = values;
  const bodyBefore = incidentBody(before);
  const bodyAfter = incidentBody(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(bodyAfter) as (keyof TCreateIncidentInput)[]) {
    if (!sameValue(bodyBefore[key], bodyAfter[key])) changes[key] = bodyAfter[key];
  }
  if (lateBefore.trim() !== lateAfter.trim()) changes.lateReason = lateAfter.trim() || null;
  return changes as TUpdateIncidentInput;
}

export interface SubjectLetterValues {
  whatHappened: string;
  consequences: string;
  measures: string;
  advice: string;
  contact: string;
  phase: string;
  recipients: string;
}

/** The letter's starting text, from what the incident says. */
export function subjectLetterValues(incident: TIncident): SubjectLetterValues {
  const toldBefore = incident.notifications.some((notification) => notification.recipient === 'subjects');
  return {
    whatHappened: incident.description,
    consequences: incident.consequences,
    measures: incident.measuresTaken,
    advice: '',
    contact: '',
    phase: toldBefore ? 'supplementary' : 'initial',
    recipients: '',
  };
}

export type LetterRecipient = TSendSubjectLettersInput['recipients'][number];

export interface ParsedRecipients {
  recipients: LetterRecipient[];
  /** The line (from 1) each recipient came from, to point a problem at it. */
  lines: number[];
  /** The lines that are not an e-mail address, optionally followed by `;nl` or `;en`. */
  invalidLines: number[];
}

const EMAIL = /^[^\s@;,<>]+@[^\s@;,<>]+\.[^\s@;,<>]+$/;

/** One address a line, optionally followed by `;en` (or `;nl`, the default); empty lines are skipped. */
export function parseRecipients(text: string): ParsedRecipients {
  const parsed: ParsedRecipients = { recipients: [], lines: [], invalidLines: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const [address = '', language, ...rest] = line.split(';').map((part) => part.trim());
    const locale = (language ?? 'nl').toLowerCase();
    if (!EMAIL.test(address) || rest.length > 0 || (locale !== 'nl' && locale !== 'en')) {
      parsed.invalidLines.push(index + 1);
      return;
    }
    parsed.recipients.push({ email: address, locale: locale as LetterRecipient['locale'] });
    parsed.lines.push(index + 1);
  });
  return parsed;
}

/** The line of the recipients' text a server problem (`recipients.<n>.email`) is about, or null. */
export function recipientLine(path: string, lines: readonly number[]): number | null {
  const match = /^recipients\.(\d+)(\.|$)/.exec(path);
  if (!match) return null;
  return lines[Number(match[1])] ?? null;
}

/** What the send button sends. */
export function subjectLettersBody(
  values: SubjectLetterValues,
  recipients: LetterRecipient[],
): TSendSubjectLettersInput {
  return {
    whatHappened: values.whatHappened,
    consequences: values.consequences,
    measures: values.measures,
    advice: values.advice,
    contact: values.contact,
    phase: values.phase as TSendSubjectLettersInput['phase'],
    recipients,
  };
}

export interface TriageFormValues {
  dataCategories: string[];
  allowsProfiling: boolean;
  peopleAffected: number | string;
  recordsAffected: number | string;
  vulnerablePeople: boolean;
  breachKinds: string[];
  recipient: string;
  exfiltration: string;
  encryptionState: string;
  keyCompromised: boolean;
  backupAvailable: boolean;
  restoreHours: number | string;
  recoverable: boolean;
  maliciousIntent: boolean;
  easeOfIdentification: string;
  riskRemovedByMeasures: boolean;
  canReachSubjectsIndividually: boolean;
}

/** The form's answers as ZTriageFacts: the parts for a kind of breach only when that kind applies. */
export function triageFacts(values: TriageFormValues): TTriageFactsInput {
  const kinds = values.breachKinds as TTriageFactsInput['breachKinds'];
  return {
    dataCategories: values.dataCategories as TTriageFactsInput['dataCategories'],
    allowsProfiling: values.allowsProfiling,
    peopleAffected: count(values.peopleAffected) ?? 0,
    recordsAffected: count(values.recordsAffected),
    vulnerablePeople: values.vulnerablePeople,
    breachKinds: kinds,
    confidentiality: kinds.includes('confidentiality')
      ? {
          recipient: values.recipient as (typeof RECIPIENTS)[number],
          exfiltration: values.exfiltration as (typeof EXFILTRATIONS)[number],
        }
      : null,
    encryption: {
      state: values.encryptionState as (typeof ENCRYPTION_STATES)[number],
      keyCompromised: values.keyCompromised,
    },
    availability: kinds.includes('availability')
      ? { backupAvailable: values.backupAvailable, restoreHours: count(values.restoreHours) }
      : null,
    integrity: kinds.includes('integrity') ? { recoverable: values.recoverable } : null,
    maliciousIntent: values.maliciousIntent,
    easeOfIdentification: values.easeOfIdentification as TTriageFactsInput['easeOfIdentification'],
    riskRemovedByMeasures: values.riskRemovedByMeasures,
    canReachSubjectsIndividually: values.canReachSubjectsIndividually,
  };
}

/** The form's starting answers: the last triage's facts, else what the incident already says. */
export function initialTriageValues(incident: TIncident): TriageFormValues {
  const facts = incident.triage?.facts;
  if (facts)
    return {
      dataCategories: facts.dataCategories,
      allowsProfiling: facts.allowsProfiling,
      peopleAffected: facts.peopleAffected,
      recordsAffected: facts.recordsAffected ?? '',
      vulnerablePeople: facts.vulnerablePeople,
      breachKinds: facts.breachKinds,
      recipient: facts.confidentiality?.recipient ?? 'unknown',
      exfiltration: facts.confidentiality?.exfiltration ?? 'unknown',
      encryptionState: facts.encryption.state,
      keyCompromised: facts.encryption.keyCompromised,
      backupAvailable: facts.availability?.backupAvailable ?? true,
      restoreHours: facts.availability?.restoreHours ?? '',
      recoverable: facts.integrity?.recoverable ?? true,
      maliciousIntent: facts.maliciousIntent,
      easeOfIdentification: facts.easeOfIdentification,
      riskRemovedByMeasures: facts.riskRemovedByMeasures,
      canReachSubjectsIndividually: facts.canReachSubjectsIndividually,
    };
  return {
    dataCategories: [],
    allowsProfiling: false,
    peopleAffected: incident.approxPeople ?? '',
    recordsAffected: incident.approxRecords ?? '',
    vulnerablePeople: false,
    breachKinds: BREACH_KINDS.filter(
      (kind) => incident[`is${kind[0]?.toUpperCase()}${kind.slice(1)}Breach` as 'isIntegrityBreach'],
    ),
    recipient: 'unknown',
    exfiltration: 'unknown',
    encryptionState: 'none',
    keyCompromised: false,
    backupAvailable: true,
    restoreHours: '',
    recoverable: true,
    maliciousIntent: false,
    easeOfIdentification: 'full',
    riskRemovedByMeasures: false,
    canReachSubjectsIndividually: true,
  };
}

export interface NotificationValues {
  recipient: string;
  phase: string;
  sentAt: string;
  reference: string;
  note: string;
  lateReason: string;
}

/** What the notification form sends: the moment in Amsterdam time, the reason for delay only when asked. */
export function notificationBody(values: NotificationValues, asksLateReason: boolean): TRecordNotificationInput {
  return {
    recipient: values.recipient as TRecordNotificationInput['recipient'],
    phase: values.phase as TRecordNotificationInput['phase'],
    sentAt: amsterdamInputToIso(values.sentAt) ?? values.sentAt,
    reference: values.reference,
    note: values.note,
    ...(asksLateReason && values.lateReason.trim() ? { lateReason: values.lateReason } : {}),
  };
}

/** The standard playbook's step keys (src/modules/breaches/rules.ts), whose texts are `breaches.playbook.steps.<key>`. */
export const STANDARD_STEP_KEYS: ReadonlySet<string> = new Set([
  'stop_leak',
  'secure_evidence',
  'scope',
  'triage',
  'decide_authority',
  'notify_authority',
  'inform_controllers',
  'inform_subjects',
  'root_cause',
  'measures',
]);
