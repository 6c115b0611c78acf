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
  ZTriageFacts,
  ZTriageResult,
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
  initialTriageValues,
  notificationBody,
  STANDARD_STEP_KEYS,
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
});
