/**
 * The notification to the Autoriteit Persoonsgegevens (Art. 33(3) GDPR) assembled from an incident: section by
 * section, in the order of the AP's online notification form ("Meldformulier datalekken": the organisation and its
 * contact, the breach, the people and data, the consequences, the measures, informing the people, timing), each
 * answer as text to copy into its field, and what is still missing. The items of Art. 33(3) come from
 * reference/gdpr-items.json (`art33_3_breach_notification`). Pure: the caller gathers the facts.
 */
import { type Locale, translate } from '../../platform/i18n/index.ts';
import { gdprItems } from '../../reference/index.ts';
import { localMoment } from './clock-rules.ts';
import type { TAuthorityReport, TIncident } from './contract.ts';
import { momentText } from './letters.ts';

export interface AuthorityReportFacts {
  incident: TIncident;
  organisation: {
    name: string;
    kvkNumber: string | null;
    address: string;
    contact: { kind: 'dpo' | 'privacy_officer'; name: string; email: string; phone: string | null } | null;
  };
  /** From the register activities the incident touches. */
  dataCategories: readonly string[];
  subjectCategories: readonly string[];
  now: Date;
}

type Field = TAuthorityReport['sections'][number]['fields'][number];

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `breaches.report.${key}`, params);

function field(locale: Locale, key: string, value: string | null | undefined, article: string | null = null): Field {
  const text = value?.trim() ?? '';
  return { key, label: say(locale, `fields.${key}`), value: text, isMissing: text === '', article };
}

const when = (locale: Locale, iso: string | null) => (iso ? momentText(locale, localMoment(new Date(iso))) : '');
const list = (values: readonly string[]) => values.join(', ');
const yesNo = (locale: Locale, value: boolean) => say(locale, value ? 'yes' : 'no');

function organisationSection(locale: Locale, facts: AuthorityReportFacts) {
  const { organisation } = facts;
  const contact = organisation.contact;
  return [
    {
      key: 'organisation',
      fields: [
        field(locale, 'organisationName', organisation.name),
        field(locale, 'kvkNumber', organisation.kvkNumber),
        field(locale, 'address', organisation.address),
      ],
    },
    {
      key: 'contact',
      fields: [
        field(locale, 'contactName', contact?.name, 'b'),
        field(locale, 'contactRole', contact ? say(locale, `contactKinds.${contact.kind}`) : '', 'b'),
        field(locale, 'contactEmail', contact?.email, 'b'),
        field(locale, 'contactPhone', contact?.phone),
      ],
    },
  ];
}

function breachSection(locale: Locale, incident: TIncident) {
  const kinds = [
    incident.isConfidentialityBreach ? say(locale, 'kinds.confidentiality') : null,
    incident.isIntegrityBreach ? say(locale, 'kinds.integrity') : null,
    incident.isAvailabilityBreach ? say(locale, 'kinds.availability') : null,
  ].filter((kind): kind is string => kind !== null);
  const discovered = [incident.reportedBy, say(locale, `sources.${incident.source}`)].filter(Boolean).join(' — ');
  return {
    key: 'breach',
    fields: [
      field(locale, 'summary', incident.title, 'a'),
      field(locale, 'description', incident.description, 'a'),
      field(locale, 'occurredAt', when(locale, incident.occurredAt)),
      field(locale, 'awareAt', when(locale, incident.awareAt)),
      field(locale, 'discovered', discovered),
      field(locale, 'kinds', list(kinds), 'a'),
      field(locale, 'systems', list([...incident.systems, ...incident.vendors].map((ref) => ref.name))),
    ],
  };
}

function peopleSection(locale: Locale, facts: AuthorityReportFacts) {
  const { incident } = facts;
  const triageFacts = incident.triage?.facts;
  const sensitive = (triageFacts?.dataCategories ?? [])
    .filter((category) => category !== 'basicIdentity')
    .map((category) => translate(locale, `breaches.triage.categories.${category}`));
  const count = (value: number | null) => (value === null ? '' : String(value));
  return {
    key: 'people',
    fields: [
      field(locale, 'approxPeople', count(incident.approxPeople), 'a'),
      field(locale, 'approxRecords', count(incident.approxRecords)),
      field(locale, 'subjectCategories', list(facts.subjectCategories), 'a'),
      field(locale, 'dataCategories', list(facts.dataCategories), 'a'),
      field(locale, 'sensitiveData', triageFacts ? list(sensitive) || say(locale, 'none') : ''),
      field(locale, 'vulnerablePeople', triageFacts ? yesNo(locale, triageFacts.vulnerablePeople) : ''),
    ],
  };
}

function consequencesSection(locale: Locale, incident: TIncident) {
  const triage = incident.triage;
  return {
    key: 'consequences',
    fields: [
      field(locale, 'consequences', incident.consequences, 'c'),
      field(
        locale,
        'riskAssessment',
        triage
          ? say(locale, 'riskText', { severity: translate(locale, `breaches.triage.levels.${triage.severity}`) })
          : '',
      ),
    ],
  };
}

function measuresSection(locale: Locale, incident: TIncident) {
  const encryption = incident.triage?.facts.encryption;
  return {
    key: 'measures',
    fields: [
      field(locale, 'measuresTaken', incident.measuresTaken, 'd'),
      field(locale, 'encryption', encryption ? say(locale, `encryption.${encryption.state}`) : ''),
    ],
  };
}

function subjectsSection(locale: Locale, incident: TIncident) {
  const decision = incident.decisionDetail;
  const told = incident.notifications.find((notification) => notification.recipient === 'subjects');
  return {
    key: 'subjects',
    fields: [
      field(locale, 'subjectsInformed', decision ? yesNo(locale, decision.notifySubjects) : ''),
      field(locale, 'decisionReason', decision?.reason),
      field(
        locale,
        'subjectsInformedAt',
        told ? when(locale, told.sentAt) : decision?.notifySubjects === false ? say(locale, 'notApplicable') : '',
      ),
    ],
  };
}

function timingSection(locale: Locale, incident: TIncident) {
  const fields = [field(locale, 'deadline', when(locale, incident.clock.deadline))];
  if (incident.clock.needsLateReason) fields.push(field(locale, 'lateReason', incident.lateReason));
  return { key: 'timing', fields };
}

/** The form's content for this incident, in the reader's language. */
export function authorityReport(facts: AuthorityReportFacts, locale: Locale): TAuthorityReport {
  const { incident } = facts;
  const sections = [
    ...organisationSection(locale, facts),
    breachSection(locale, incident),
    peopleSection(locale, facts),
    consequencesSection(locale, incident),
    measuresSection(locale, incident),
    subjectsSection(locale, incident),
    timingSection(locale, incident),
  ].map((section) => ({ ...section, title: say(locale, `sections.${section.key}`) }));
  const fields = sections.flatMap((section) => section.fields);
  const missingItems = gdprItems.art33_3_breach_notification
    .filter((item) => fields.some((f) => f.article === item.id && f.isMissing))
    .map((item) => ({ article: item.id, label: item[locale] }));
  const hasNotifiedAuthority = incident.notifications.some((notification) => notification.recipient === 'authority');
  return {
    reference: incident.reference,
    phase: hasNotifiedAuthority ? 'supplementary' : 'initial',
    generatedAt: facts.now.toISOString(),
    deadline: when(locale, incident.clock.deadline),
    isLate: incident.clock.needsLateReason,
    sections,
    missingItems,
  };
}
