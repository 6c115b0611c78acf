import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DATA_CATEGORIES as CONTRACT_CATEGORIES,
  NOTIFICATION_PHASES as CONTRACT_PHASES,
  PLAYBOOK_PHASES as CONTRACT_PLAYBOOK_PHASES,
  NOTIFICATION_RECIPIENTS as CONTRACT_RECIPIENTS,
  INCIDENT_SOURCES as CONTRACT_SOURCES,
  SEVERITY_LEVELS,
  ZEaseOfIdentification,
  ZExfiltration,
  ZRecipient,
  ZSendSubjectLetters,
  ZTriageFacts,
  ZTriageResult,
  ZUpdateIncident,
} from '../../../../src/modules/breaches/contract.ts';
import { STANDARD_PLAYBOOK } from '../../../../src/modules/breaches/rules.ts';
import {
  BREACH_KINDS,
  DATA_CATEGORIES,
  EASE_OF_IDENTIFICATION,
  ENCRYPTION_STATES,
  EVENT_KINDS,
  EXFILTRATIONS,
  INCIDENT_SOURCES,
  NOTIFICATION_PHASES,
  NOTIFICATION_RECIPIENTS,
  PLAYBOOK_PHASES,
  RECIPIENTS,
  type TIncident,
} from '../../api/breaches.ts';
import {
  incidentBody,
  incidentChanges,
  incidentFormValues,
  initialTriageValues,
  notificationBody,
  parseRecipients,
  recipientLine,
  STANDARD_STEP_KEYS,
  subjectLettersBody,
  subjectLetterValues,
  triageFacts,
} from './breach-forms.ts';

const i18nDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../i18n/breaches');
const catalog = (locale: 'nl' | 'en') => JSON.parse(readFileSync(path.join(i18nDir, `${locale}.json`), 'utf8'));

describe('the breach pages', () => {
  it('list the contract’s values, no more and no fewer', () => {
    expect([...DATA_CATEGORIES]).toEqual([...CONTRACT_CATEGORIES]);
    expect([...RECIPIENTS]).toEqual(ZRecipient.options);
    expect([...EXFILTRATIONS]).toEqual(ZExfiltration.options);
    expect([...EASE_OF_IDENTIFICATION]).toEqual(ZEaseOfIdentification.options);
    expect([...INCIDENT_SOURCES]).toEqual([...CONTRACT_SOURCES]);
    expect([...NOTIFICATION_RECIPIENTS]).toEqual([...CONTRACT_RECIPIENTS]);
    expect([...NOTIFICATION_PHASES]).toEqual([...CONTRACT_PHASES]);
    expect([...PLAYBOOK_PHASES]).toEqual([...CONTRACT_PLAYBOOK_PHASES]);
    expect([...STANDARD_STEP_KEYS].sort()).toEqual(STANDARD_PLAYBOOK.map((step) => step.key).sort());
  });

  it.each(['nl', 'en'] as const)('name every value they show in %s', (locale) => {
    const texts = catalog(locale);
    const missing = [
      ...DATA_CATEGORIES.map((value) => `triage.categories.${value}`),
      ...BREACH_KINDS.map((value) => `fields.${value}`),
      ...RECIPIENTS.map((value) => `triage.recipients.${value}`),
      ...EXFILTRATIONS.map((value) => `triage.exfiltrations.${value}`),
      ...ENCRYPTION_STATES.map((value) => `triage.encryptionStates.${value}`),
      ...EASE_OF_IDENTIFICATION.map((value) => `triage.ease.${value}`),
      ...SEVERITY_LEVELS.map((value) => `triage.severities.${value}`),
      ...ZTriageResult.shape.subjectsChannel.options.map((value) => `triage.channels.${value}`),
      ...ZTriageResult.shape.exception.unwrap().options.map((value) => `triage.exceptions.${value}`),
      ...INCIDENT_SOURCES.map((value) => `sources.${value}`),
      ...NOTIFICATION_RECIPIENTS.map((value) => `notifications.recipients.${value}`),
      ...NOTIFICATION_PHASES.map((value) => `notifications.phases.${value}`),
      ...PLAYBOOK_PHASES.map((value) => `playbook.phases.${value}`),
      ...STANDARD_PLAYBOOK.map((step) => `playbook.steps.${step.key}`),
      ...EVENT_KINDS.map((kind) => `timeline.kinds.${kind}`),
    ].filter((key) => typeof key.split('.').reduce((node, part) => node?.[part], texts) !== 'string');
    expect(missing).toEqual([]);
  });

  it('sends a new incident with its moments in Amsterdam time and empty counts as null', () => {
    const body = incidentBody({
      title: 'Laptop gestolen',
      description: '',
      occurredAt: '',
      awareAt: '2026-03-29T03:15',
      reportedBy: '',
      source: 'internal',
      systemIds: [],
      vendorIds: [],
      activityIds: [],
      isConfidentialityBreach: true,
      isIntegrityBreach: false,
      isAvailabilityBreach: false,
      approxPeople: 40,
      approxRecords: '',
      consequences: '',
      measuresTaken: '',
    });
    // 29 March 2026 is the spring change: 03:15 is summer time.
    expect(body).toMatchObject({ occurredAt: null, awareAt: '2026-03-29T03:15:00+02:00', approxRecords: null });
  });

  it('turns the triage answers into facts the contract accepts, with only the parts of the kinds chosen', () => {
    const incident = { approxPeople: 2000, approxRecords: null, triage: null } as unknown as TIncident;
    const values = {
      ...initialTriageValues({ ...incident, isConfidentialityBreach: true } as TIncident),
      dataCategories: ['financial', 'credentials'],
      exfiltration: 'yes',
      maliciousIntent: true,
    };
    const facts = triageFacts(values);
    expect(facts).toMatchObject({
      peopleAffected: 2000,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
      availability: null,
      integrity: null,
    });
    expect(ZTriageFacts.safeParse(facts).success).toBe(true);
  });

  it('sends the reason for a late notification only when the clock asks for it', () => {
    const values = {
      recipient: 'authority',
      phase: 'initial',
      sentAt: '2026-11-27T09:00',
      reference: 'AP-1',
      note: '',
      lateReason: 'Pas na het weekend duidelijk',
    };
    expect(notificationBody(values, true)).toMatchObject({
      sentAt: '2026-11-27T09:00:00+01:00',
      lateReason: 'Pas na het weekend duidelijk',
    });
    expect(notificationBody(values, false)).not.toHaveProperty('lateReason');
  });

  const incident = {
    title: 'Laptop gestolen',
    description: 'Uit de auto',
    occurredAt: null,
    awareAt: '2026-11-23T07:30:00.000Z',
    reportedBy: 'Servicedesk',
    source: 'internal',
    systems: [{ id: '0f7c1c6e-2a8e-4c55-9f0b-3d1f6a4e8b21', name: 'CRM' }],
    vendors: [],
    activities: [],
    isConfidentialityBreach: true,
    isIntegrityBreach: false,
    isAvailabilityBreach: false,
    approxPeople: 40,
    approxRecords: null,
    consequences: '',
    measuresTaken: 'Wachtwoorden gewijzigd',
    lateReason: null,
    notifications: [],
  } as unknown as TIncident;

  it('sends only what the edit changed, in the form the server takes', () => {
    const initial = incidentFormValues(incident);
    expect(initial).toMatchObject({ awareAt: '2026-11-23T08:30', occurredAt: '', approxRecords: '', lateReason: '' });
    expect(incidentChanges(initial, initial)).toEqual({});
    const changes = incidentChanges(initial, {
      ...initial,
      consequences: 'Phishing mogelijk',
      approxPeople: '',
      systemIds: [],
      lateReason: 'Weekend',
    });
    expect(changes).toEqual({
      consequences: 'Phishing mogelijk',
      approxPeople: null,
      systemIds: [],
      lateReason: 'Weekend',
    });
    expect(ZUpdateIncident.safeParse(changes).success).toBe(true);
    expect(incidentChanges(initial, { ...initial, awareAt: '2026-11-23T09:00' })).toEqual({
      awareAt: '2026-11-23T09:00:00+01:00',
    });
  });

  it('reads the recipients one a line, with ;en for English, and points at the lines that are not addresses', () => {
    const parsed = parseRecipients(
      'jan@voorbeeld.nl\n\n  piet@example.com ; EN \nniet-een-adres\nkees@voorbeeld.nl;fr\n',
    );
    expect(parsed.recipients).toEqual([
      { email: 'jan@voorbeeld.nl', locale: 'nl' },
      { email: 'piet@example.com', locale: 'en' },
    ]);
    expect(parsed.lines).toEqual([1, 3]);
    expect(parsed.invalidLines).toEqual([4, 5]);
    expect(recipientLine('recipients.1.email', parsed.lines)).toBe(3);
    expect(recipientLine('whatHappened', parsed.lines)).toBeNull();
  });

  it('starts the letter from the incident and sends what the contract accepts', () => {
    const values = subjectLetterValues(incident);
    expect(values).toMatchObject({ whatHappened: 'Uit de auto', measures: 'Wachtwoorden gewijzigd', phase: 'initial' });
    const body = subjectLettersBody(
      { ...values, consequences: 'Mogelijk misbruik' },
      parseRecipients('a@voorbeeld.nl\nb@voorbeeld.nl;en').recipients,
    );
    expect(ZSendSubjectLetters.safeParse(body).success).toBe(true);
  });
});
