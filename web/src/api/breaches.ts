import type { z } from 'zod';
import type {
  TAuthorityReport,
  TIncident,
  TIncidentSummary,
  TPlaybookTemplate,
  TTriageFactsInput,
  ZAddStep,
  ZCreateIncident,
  ZDecideIncident,
  ZRecordNotification,
  ZSavePlaybook,
  ZSendSubjectLetters,
  ZSentSubjectLetters,
  ZSubjectLetterContent,
  ZSubjectLetterPreview,
  ZUpdateIncident,
  ZUpdateStep,
} from '../../../src/modules/breaches/contract.ts';
import { http } from './http.ts';

export type { TClock, TIncident, TIncidentSummary, TTriageFactsInput } from '../../../src/modules/breaches/contract.ts';
export type TCreateIncidentInput = z.input<typeof ZCreateIncident>;
export type TUpdateIncidentInput = z.input<typeof ZUpdateIncident>;
export type TDecideIncidentInput = z.input<typeof ZDecideIncident>;
export type TRecordNotificationInput = z.input<typeof ZRecordNotification>;
export type TUpdateStepInput = z.input<typeof ZUpdateStep>;
export type TAddStepInput = z.input<typeof ZAddStep>;
export type TSavePlaybookInput = z.input<typeof ZSavePlaybook>;
export type { TPlaybookTemplate } from '../../../src/modules/breaches/contract.ts';
export type TIncidentTriage = NonNullable<TIncident['triage']>;
export type TPlaybookStep = TIncident['playbook'][number];
export type TIncidentEvent = TIncident['timeline'][number];
export type { TAuthorityReport };
export type TSubjectLetterInput = z.input<typeof ZSubjectLetterContent>;
export type TSendSubjectLettersInput = z.input<typeof ZSendSubjectLetters>;
export type TSubjectLetterPreview = z.output<typeof ZSubjectLetterPreview>;
export type TSentSubjectLetters = z.output<typeof ZSentSubjectLetters>;
export type TReportLocale = 'nl' | 'en';

/** The contract's enums, written out so zod stays out of the pages' chunks (the `satisfies` keeps them in step). */
export const DATA_CATEGORIES = [
  'special',
  'criminal',
  'nationalId',
  'financial',
  'credentials',
  'children',
  'location',
  'communicationContent',
  'basicIdentity',
] as const satisfies readonly TTriageFactsInput['dataCategories'][number][];
export const BREACH_KINDS = [
  'confidentiality',
  'integrity',
  'availability',
] as const satisfies readonly TTriageFactsInput['breachKinds'][number][];
export const RECIPIENTS = [
  'trustedConfirmedDeletion',
  'knownRecipient',
  'unknown',
  'public',
] as const satisfies readonly NonNullable<TTriageFactsInput['confidentiality']>['recipient'][];
export const EXFILTRATIONS = ['no', 'unknown', 'yes'] as const satisfies readonly NonNullable<
  TTriageFactsInput['confidentiality']
>['exfiltration'][];
export const ENCRYPTION_STATES = ['none', 'weak', 'stateOfTheArt'] as const satisfies readonly NonNullable<
  TTriageFactsInput['encryption']
>['state'][];
export const EASE_OF_IDENTIFICATION = [
  'negligible',
  'limited',
  'significant',
  'full',
] as const satisfies readonly TTriageFactsInput['easeOfIdentification'][];
export const INCIDENT_SOURCES = [
  'internal',
  'processor_notice',
  'provider',
] as const satisfies readonly TIncident['source'][];
export const NOTIFICATION_RECIPIENTS = [
  'authority',
  'subjects',
  'controller',
] as const satisfies readonly TRecordNotificationInput['recipient'][];
export const NOTIFICATION_PHASES = [
  'initial',
  'supplementary',
  'final',
] as const satisfies readonly TRecordNotificationInput['phase'][];
export const PLAYBOOK_PHASES = [
  'contain',
  'assess',
  'notify',
  'communicate',
  'evaluate',
] as const satisfies readonly TAddStepInput['phase'][];
/** The timeline's kinds the pages name (the service records these). */
export const EVENT_KINDS = [
  'recorded',
  'updated',
  'triaged',
  'decided',
  'notified',
  'step_done',
  'step_reopened',
  'step_added',
  'closed',
  'reminder_sent',
  'subjects_letters_sent',
] as const;

/** TanStack Query keys of breaches, all under ['org', org, 'breaches']. */
export const breachKeys = {
  all: (org: string) => ['org', org, 'breaches'] as const,
  list: (org: string) => ['org', org, 'breaches', 'list'] as const,
  one: (org: string, id: string) => ['org', org, 'breaches', 'one', id] as const,
  authorityReports: (org: string, id: string) => ['org', org, 'breaches', 'one', id, 'authority-report'] as const,
  authorityReport: (org: string, id: string, locale: TReportLocale) =>
    ['org', org, 'breaches', 'one', id, 'authority-report', locale] as const,
  playbook: (org: string) => ['org', org, 'breaches', 'playbook'] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}/breaches`;
const one = (ref: string, id: string) => `${org(ref)}/${encodeURIComponent(id)}`;

export const breachesApi = {
  list: async (ref: string) => (await http.get<{ items: TIncidentSummary[] }>(org(ref))).items,
  create: (ref: string, body: TCreateIncidentInput) => http.post<TIncident>(org(ref), body),
  get: (ref: string, id: string) => http.get<TIncident>(one(ref, id)),
  update: (ref: string, id: string, body: TUpdateIncidentInput) => http.patch<TIncident>(one(ref, id), body),
  triage: (ref: string, id: string, facts: TTriageFactsInput) =>
    http.post<TIncident>(`${one(ref, id)}/triage`, { facts }),
  decide: (ref: string, id: string, body: TDecideIncidentInput) =>
    http.post<TIncident>(`${one(ref, id)}/decision`, body),
  notify: (ref: string, id: string, body: TRecordNotificationInput) =>
    http.post<TIncident>(`${one(ref, id)}/notifications`, body),
  addStep: (ref: string, id: string, body: TAddStepInput) => http.post<TIncident>(`${one(ref, id)}/steps`, body),
  updateStep: (ref: string, id: string, stepId: string, body: TUpdateStepInput) =>
    http.patch<TIncident>(`${one(ref, id)}/steps/${encodeURIComponent(stepId)}`, body),
  close: (ref: string, id: string) => http.post<TIncident>(`${one(ref, id)}/close`),
  authorityReport: (ref: string, id: string, locale: TReportLocale) =>
    http.get<TAuthorityReport>(`${one(ref, id)}/authority-report?locale=${locale}`),
  /** A plain link (the browser downloads it itself). */
  authorityReportPdfUrl: (ref: string, id: string, locale: TReportLocale) =>
    `${one(ref, id)}/authority-report.pdf?locale=${locale}`,
  previewLetters: (ref: string, id: string, body: TSubjectLetterInput) =>
    http.post<TSubjectLetterPreview>(`${one(ref, id)}/subject-letters/preview`, body),
  sendLetters: (ref: string, id: string, body: TSendSubjectLettersInput) =>
    http.post<TSentSubjectLetters>(`${one(ref, id)}/subject-letters`, body),
  playbook: (ref: string) => http.get<TPlaybookTemplate>(`/api/orgs/${encodeURIComponent(ref)}/breach-playbook`),
  savePlaybook: (ref: string, body: TSavePlaybookInput) =>
    http.put<TPlaybookTemplate>(`/api/orgs/${encodeURIComponent(ref)}/breach-playbook`, body),
};
