import { z } from 'zod';

// The breach triage's facts and result (docs/breach-triage.md). No Node imports: the web client and the CLI use it.

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
] as const;
export const ZDataCategory = z
  .enum(DATA_CATEGORIES)
  .describe(
    'special: Art. 9 data (health, ethnicity, religion, sexual life, biometric, genetic, political, union); criminal: Art. 10 data; nationalId: BSN, passport or ID-card number; financial: bank or card details, income, debts; credentials: passwords, tokens, security answers; children: data of children; location: whereabouts or movements; communicationContent: the content of messages or calls; basicIdentity: name, address, e-mail, phone, date of birth',
  );
export type TDataCategory = z.infer<typeof ZDataCategory>;

export const BREACH_KINDS = ['confidentiality', 'integrity', 'availability'] as const;
export const ZBreachKind = z.enum(BREACH_KINDS);
export type TBreachKind = z.infer<typeof ZBreachKind>;

export const ZRecipient = z
  .enum(['trustedConfirmedDeletion', 'knownRecipient', 'unknown', 'public'])
  .describe(
    'Who could see the data: trustedConfirmedDeletion: a known, trusted recipient who confirmed deleting it; knownRecipient: identified recipients (a wrong addressee, a former employee); unknown: an unknown party (an attacker, a thief); public: published or openly reachable',
  );
export const ZExfiltration = z
  .enum(['no', 'unknown', 'yes'])
  .describe(
    'Whether the data was copied or taken away: no (ruled out, e.g. by logs), unknown (cannot be ruled out), yes',
  );

export const ZEaseOfIdentification = z
  .enum(['negligible', 'limited', 'significant', 'full'])
  .describe(
    "ENISA's ease of identification: how easily someone holding the data can tell who the people are (full: names or e-mail addresses; negligible: practically impossible)",
  );
export type TEaseOfIdentification = z.infer<typeof ZEaseOfIdentification>;

const ZCount = z.int().min(0, { error: 'validation.breach_count_negative' });

export const ZTriageFacts = z
  .strictObject({
    dataCategories: z.array(ZDataCategory).min(1).describe('Every kind of personal data involved'),
    allowsProfiling: z
      .boolean()
      .default(false)
      .describe('The data per person is extensive enough to build a profile (a CV, a purchase history)'),
    peopleAffected: ZCount.describe('Approximate number of people affected'),
    recordsAffected: ZCount.nullable().default(null).describe('Approximate number of records, if known'),
    vulnerablePeople: z
      .boolean()
      .default(false)
      .describe('The people are vulnerable: children, patients, employees towards their employer, people in care'),
    breachKinds: z.array(ZBreachKind).min(1).describe('Confidentiality, integrity and/or availability'),
    confidentiality: z
      .strictObject({ recipient: ZRecipient, exfiltration: ZExfiltration })
      .nullable()
      .default(null)
      .describe('Required when breachKinds includes confidentiality'),
    encryption: z
      .strictObject({
        state: z
          .enum(['none', 'weak', 'stateOfTheArt'])
          .describe('stateOfTheArt: strong encryption, or a salted strong password hash'),
        keyCompromised: z.boolean().describe('The key (or salt) was exposed too, or could be found'),
      })
      .default({ state: 'none', keyCompromised: false }),
    availability: z
      .strictObject({
        backupAvailable: z.boolean().describe('A usable, up-to-date backup exists'),
        restoreHours: z.number().min(0).nullable().describe('Hours until the data is (or will be) back; null if never'),
      })
      .nullable()
      .default(null)
      .describe('Required when breachKinds includes availability'),
    integrity: z
      .strictObject({ recoverable: z.boolean().describe('The correct data can be restored') })
      .nullable()
      .default(null)
      .describe('Required when breachKinds includes integrity'),
    maliciousIntent: z.boolean().describe('An attacker, thief or insider acted on purpose'),
    easeOfIdentification: ZEaseOfIdentification,
    riskRemovedByMeasures: z
      .boolean()
      .default(false)
      .describe('Art. 34(3)(b): measures taken after the breach make a high risk no longer likely'),
    canReachSubjectsIndividually: z
      .boolean()
      .default(true)
      .describe('Art. 34(3)(c): false when telling each person would take disproportionate effort'),
  })
  .superRefine((facts, ctx) => {
    for (const kind of ['confidentiality', 'availability', 'integrity'] as const) {
      if (facts.breachKinds.includes(kind) && facts[kind] === null)
        ctx.addIssue({ code: 'custom', path: [kind], message: 'validation.required' });
    }
  });
export type TTriageFacts = z.infer<typeof ZTriageFacts>;
export type TTriageFactsInput = z.input<typeof ZTriageFacts>;

export const SEVERITY_LEVELS = ['low', 'medium', 'high', 'veryHigh'] as const;
export const ZSeverity = z.enum(SEVERITY_LEVELS);
export type TSeverity = z.infer<typeof ZSeverity>;

export const ZTriageReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type TTriageReason = z.infer<typeof ZTriageReason>;

export const ZTriageResult = z.object({
  version: z.string(),
  notifyAuthority: z.boolean(),
  notifySubjects: z.boolean(),
  /** How to tell the people: each of them, a public communication (Art. 34(3)(c)), or not at all. */
  subjectsChannel: z.enum(['individual', 'public', 'none']),
  /** The Art. 34(3) exception that lifts the duty to tell the people, when one applies. */
  exception: z.enum(['unintelligible', 'riskRemoved', 'disproportionateEffort']).nullable(),
  severity: ZSeverity,
  score: z.object({
    dataProcessingContext: z.number(),
    easeOfIdentification: z.number(),
    confidentiality: z.number(),
    integrity: z.number(),
    availability: z.number(),
    maliciousIntent: z.number(),
    total: z.number(),
  }),
  reasons: z.array(ZTriageReason),
  facts: ZTriageFacts,
});
export type TTriageResult = z.infer<typeof ZTriageResult>;

/** The JSON Schema of a facts file (`privacydesk breaches triage --facts <file.json>`), kept in docs/. */
export function triageFactsJsonSchema() {
  return {
    ...z.toJSONSchema(ZTriageFacts, { io: 'input' }),
    title: 'privacydesk breach triage facts',
    description:
      'The facts of one personal data breach from which privacydesk recommends whether to notify the Autoriteit Persoonsgegevens and the people affected (docs/breach-triage.md).',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The register of incidents: the 72-hour clock, notifications in phases, the playbook
// ---------------------------------------------------------------------------------------------------------------

const ZTitle = z.string().trim().min(1, { error: 'validation.required' }).max(200);
const ZLongText = z.string().trim().max(10_000);
const ZInstant = z.iso.datetime({ offset: true });
const ZIncidentCount = ZCount.max(1_000_000_000);

export const INCIDENT_SOURCES = ['internal', 'processor_notice', 'provider'] as const;
export const NOTIFICATION_RECIPIENTS = ['authority', 'subjects', 'controller'] as const;
export const NOTIFICATION_PHASES = ['initial', 'supplementary', 'final'] as const;
export const PLAYBOOK_PHASES = ['contain', 'assess', 'notify', 'communicate', 'evaluate'] as const;

/** What an incident says; a change names only what it changes (no defaults, or a change would reset the rest). */
const incidentFields = {
  title: ZTitle,
  description: ZLongText,
  occurredAt: ZInstant.nullable(),
  awareAt: ZInstant,
  reportedBy: z.string().trim().max(200),
  source: z.enum(INCIDENT_SOURCES),
  systemIds: z.array(z.uuid()).max(200),
  vendorIds: z.array(z.uuid()).max(200),
  activityIds: z.array(z.uuid()).max(500),
  isConfidentialityBreach: z.boolean(),
  isIntegrityBreach: z.boolean(),
  isAvailabilityBreach: z.boolean(),
  approxPeople: ZIncidentCount.nullable(),
  approxRecords: ZIncidentCount.nullable(),
  consequences: ZLongText,
  measuresTaken: ZLongText,
};

export const ZCreateIncident = z.strictObject({
  ...incidentFields,
  description: incidentFields.description.default(''),
  occurredAt: incidentFields.occurredAt.default(null),
  reportedBy: incidentFields.reportedBy.default(''),
  source: incidentFields.source.default('internal'),
  systemIds: incidentFields.systemIds.default([]),
  vendorIds: incidentFields.vendorIds.default([]),
  activityIds: incidentFields.activityIds.default([]),
  isConfidentialityBreach: incidentFields.isConfidentialityBreach.default(false),
  isIntegrityBreach: incidentFields.isIntegrityBreach.default(false),
  isAvailabilityBreach: incidentFields.isAvailabilityBreach.default(false),
  approxPeople: incidentFields.approxPeople.default(null),
  approxRecords: incidentFields.approxRecords.default(null),
  consequences: incidentFields.consequences.default(''),
  measuresTaken: incidentFields.measuresTaken.default(''),
});
export type TCreateIncident = z.output<typeof ZCreateIncident>;

export const ZUpdateIncident = z
  .strictObject({ ...incidentFields, lateReason: ZLongText.nullable() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateIncident = z.output<typeof ZUpdateIncident>;

export const ZClock = z.object({
  awareAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  /** The deadline in Europe/Amsterdam, e.g. `2026-10-26T09:00+01:00`. */
  deadlineLocal: z.string(),
  /** Minutes until the deadline; negative once passed. */
  minutesLeft: z.number().int(),
  isOverdue: z.boolean(),
  /** Notified the authority after the 72 hours (or not yet and overdue): Art. 33(1) asks the reason for the delay. */
  needsLateReason: z.boolean(),
  authorityNotifiedAt: z.iso.datetime().nullable(),
});
export type TClock = z.infer<typeof ZClock>;

const ZRef = z.object({ id: z.uuid(), name: z.string() });

export const ZIncidentSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  awareAt: z.iso.datetime(),
  clock: ZClock,
  approxPeople: z.number().int().nullable(),
  decision: z.object({ notifyAuthority: z.boolean(), notifySubjects: z.boolean() }).nullable(),
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;
export const ZIncidentList = z.object({ items: z.array(ZIncidentSummary) });

export const ZNotification = z.object({
  id: z.uuid(),
  recipient: z.enum(NOTIFICATION_RECIPIENTS),
  phase: z.enum(NOTIFICATION_PHASES),
  sentAt: z.iso.datetime(),
  reference: z.string(),
  note: z.string(),
});

export const ZPlaybookStep = z.object({
  id: z.uuid(),
  phase: z.enum(PLAYBOOK_PHASES),
  stepKey: z.string().nullable(),
  title: z.string(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: ZRef.nullable(),
  note: z.string(),
});

export const ZIncidentEvent = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
});

/** The triage as run on an incident: the result with its reasons in words, when and by whom. */
export const ZIncidentTriage = ZTriageResult.extend({
  reasonTexts: z.array(z.string()),
  at: z.iso.datetime(),
  by: ZRef.nullable(),
});

export const ZRunTriage = z.strictObject({ facts: ZTriageFacts });

export const ZIncident = ZIncidentSummary.extend({
  triage: ZIncidentTriage.nullable(),
  description: z.string(),
  occurredAt: z.iso.datetime().nullable(),
  reportedBy: z.string(),
  source: z.enum(INCIDENT_SOURCES),
  systems: z.array(ZRef),
  vendors: z.array(ZRef),
  activities: z.array(ZRef),
  isConfidentialityBreach: z.boolean(),
  isIntegrityBreach: z.boolean(),
  isAvailabilityBreach: z.boolean(),
  approxRecords: z.number().int().nullable(),
  consequences: z.string(),
  measuresTaken: z.string(),
  lateReason: z.string().nullable(),
  decisionDetail: z
    .object({
      notifyAuthority: z.boolean(),
      notifySubjects: z.boolean(),
      reason: z.string(),
      at: z.iso.datetime(),
      by: ZRef.nullable(),
    })
    .nullable(),
  notifications: z.array(ZNotification),
  /** For a client's incident recorded by its ICT provider (Art. 33(2)): the provider and its incident. */
  provider: z.object({ name: z.string(), reference: z.string() }).nullable(),
  /** For a provider's incident: the incidents it created in its clients' registers, each with its own clock. */
  clientIncidents: z.array(
    z.object({
      organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
      incidentId: z.uuid(),
      reference: z.string(),
      status: z.enum(['open', 'closed']),
      clock: ZClock,
    }),
  ),
  playbook: z.array(ZPlaybookStep),
  timeline: z.array(ZIncidentEvent),
});
export type TIncident = z.infer<typeof ZIncident>;

export const ZRecordNotification = z.strictObject({
  recipient: z.enum(NOTIFICATION_RECIPIENTS),
  phase: z.enum(NOTIFICATION_PHASES),
  sentAt: ZInstant,
  reference: z.string().trim().max(200).default(''),
  note: ZLongText.default(''),
  /** Required when the authority is told after the 72 hours and no reason is recorded yet (Art. 33(1)). */
  lateReason: ZLongText.optional(),
});

export const ZDecideIncident = z.strictObject({
  notifyAuthority: z.boolean(),
  notifySubjects: z.boolean(),
  reason: z.string().trim().min(1, { error: 'validation.required' }).max(5000),
});

export const ZUpdateStep = z.strictObject({ isDone: z.boolean(), note: z.string().trim().max(2000).optional() });
export const ZAddStep = z.strictObject({ phase: z.enum(PLAYBOOK_PHASES), title: ZTitle });

// ---------------------------------------------------------------------------------------------------------------
// The notification to the authority (Art. 33(3)) and the letter to the people affected (Art. 34(2))
// ---------------------------------------------------------------------------------------------------------------

export const ZAuthorityReportField = z.object({
  key: z.string(),
  label: z.string(),
  /** The answer as text to copy into the form; empty when the incident does not say. */
  value: z.string(),
  isMissing: z.boolean(),
  /** The item of Art. 33(3) the field answers (a–d), if any. */
  article: z.string().nullable(),
});

export const ZAuthorityReport = z.object({
  reference: z.string(),
  phase: z.enum(NOTIFICATION_PHASES),
  generatedAt: z.iso.datetime(),
  deadline: z.string(),
  isLate: z.boolean(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), fields: z.array(ZAuthorityReportField) })),
  /** The Art. 33(3) items the incident cannot answer yet (they may follow in phases, Art. 33(4)). */
  missingItems: z.array(z.object({ article: z.string(), label: z.string() })),
});
export type TAuthorityReport = z.infer<typeof ZAuthorityReport>;

const ZLetterPart = z.string().trim().max(5000);

export const ZSubjectLetterContent = z.strictObject({
  whatHappened: ZLetterPart.min(1, { error: 'validation.required' }),
  consequences: ZLetterPart.min(1, { error: 'validation.required' }),
  measures: ZLetterPart.min(1, { error: 'validation.required' }),
  advice: ZLetterPart.default(''),
  /** Who answers questions; the organisation's privacy contact when empty. */
  contact: ZLetterPart.default(''),
});

export const ZSubjectLetterPreview = z.object({
  letters: z.array(z.object({ locale: z.enum(['nl', 'en']), subject: z.string(), text: z.string() })),
});

export const ZSendSubjectLetters = ZSubjectLetterContent.extend({
  phase: z.enum(NOTIFICATION_PHASES).default('initial'),
  recipients: z
    .array(
      z.strictObject({
        email: z.email({ error: 'validation.invalid_email' }).max(254),
        locale: z.enum(['nl', 'en']).default('nl'),
      }),
    )
    .min(1, { error: 'validation.required' })
    .max(10_000),
});
export const ZSentSubjectLetters = z.object({ queued: z.number().int() });

/** A provider tells the clients a breach in its systems affects (Art. 33(2)); each gets an incident of its own. */
export const ZNotifyClients = z.strictObject({
  clientOrgIds: z.array(z.uuid()).min(1, { error: 'validation.required' }).max(500),
});

/** A step of the organisation's playbook: a standard one by its key, or one it wrote (title). */
const ZPlaybookTemplateStep = z.strictObject({
  phase: z.enum(PLAYBOOK_PHASES),
  stepKey: z.string().max(60).nullable().default(null),
  title: z.string().trim().max(200).default(''),
});

export const ZPlaybookTemplate = z.object({
  /** True while the organisation uses the standard playbook. */
  isStandard: z.boolean(),
  steps: z.array(z.object({ phase: z.enum(PLAYBOOK_PHASES), stepKey: z.string().nullable(), title: z.string() })),
});
export type TPlaybookTemplate = z.infer<typeof ZPlaybookTemplate>;

export const ZSavePlaybook = z.strictObject({ steps: z.array(ZPlaybookTemplateStep).max(60) });
