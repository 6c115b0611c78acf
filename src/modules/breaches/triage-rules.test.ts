import { describe, expect, it } from 'vitest';
import { type TTriageFactsInput, ZTriageFacts } from './contract.ts';
import { renderTriageReasons, severityOf, TRIAGE_MODEL_VERSION, triageBreach } from './triage-rules.ts';

const triage = (facts: TTriageFactsInput) => triageBreach(ZTriageFacts.parse(facts));
const outcome = (facts: TTriageFactsInput) => {
  const result = triage(facts);
  return { notifyAuthority: result.notifyAuthority, notifySubjects: result.notifySubjects };
};
const NOTIFY_BOTH = { notifyAuthority: true, notifySubjects: true };
const AUTHORITY_ONLY = { notifyAuthority: true, notifySubjects: false };
const NEITHER = { notifyAuthority: false, notifySubjects: false };

const STRONG_KEY_SAFE = { state: 'stateOfTheArt', keyCompromised: false } as const;

/**
 * EDPB Guidelines 01/2021 on examples regarding personal data breach notification (version 2.0, adopted
 * 14 December 2021). Each case's facts as the guidelines describe them; the expectation is the EDPB's conclusion
 * ("Actions necessary": notification to the SA, communication to the data subjects).
 */
describe('EDPB 01/2021 example cases', () => {
  it('Case 01, ransomware with proper backup and without exfiltration: neither', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 40,
        breachKinds: ['availability', 'confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'no' },
        encryption: STRONG_KEY_SAFE,
        availability: { backupAvailable: true, restoreHours: 4 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NEITHER);
  });

  it('Case 02, ransomware without proper backup (restored by hand in five days): the authority only', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 40,
        breachKinds: ['availability'],
        availability: { backupAvailable: false, restoreHours: 120 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(AUTHORITY_ONLY);
  });

  it('Case 03, ransomware with backup and without exfiltration in a hospital (two days down): both', () => {
    expect(
      outcome({
        dataCategories: ['special', 'basicIdentity'],
        peopleAffected: 1800,
        vulnerablePeople: true,
        breachKinds: ['availability'],
        availability: { backupAvailable: true, restoreHours: 48 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 04, ransomware without backup and with exfiltration (ID and card numbers): both', () => {
    expect(
      outcome({
        dataCategories: ['nationalId', 'financial', 'basicIdentity'],
        peopleAffected: 5000,
        breachKinds: ['confidentiality', 'availability'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        availability: { backupAvailable: false, restoreHours: null },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 05, exfiltration of job application data (CVs) from a website: both', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        allowsProfiling: true,
        peopleAffected: 213,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 06, exfiltration of salted strong password hashes (pseudonymous users): neither', () => {
    expect(
      outcome({
        dataCategories: ['credentials'],
        peopleAffected: 1200,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        encryption: STRONG_KEY_SAFE,
        maliciousIntent: true,
        easeOfIdentification: 'limited',
      }),
    ).toEqual(NEITHER);
  });

  it('Case 07, credential stuffing attack on a banking website: both', () => {
    expect(
      outcome({
        dataCategories: ['financial', 'credentials', 'basicIdentity'],
        peopleAffected: 2000,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 08, exfiltration of business (customer contact) data by a leaving employee: the authority only', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 500,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'knownRecipient', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(AUTHORITY_ONLY);
  });

  it('Case 09, accidental transmission to a trusted third party who confirmed deletion: neither', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity', 'financial'],
        peopleAffected: 15,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'trustedConfirmedDeletion', exfiltration: 'no' },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NEITHER);
  });

  it('Case 10, stolen tablets with encrypted data of children (backup available): neither, Art. 34(3)(a)', () => {
    const result = triage({
      dataCategories: ['children', 'basicIdentity'],
      peopleAffected: 50,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
      encryption: STRONG_KEY_SAFE,
      maliciousIntent: true,
      easeOfIdentification: 'full',
    });
    expect([result.notifyAuthority, result.notifySubjects, result.exception]).toEqual([false, false, 'unintelligible']);
  });

  it('Case 11, stolen notebook with unencrypted data of over 100,000 customers: both', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 100_000,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 12, stolen paper logbook of a rehabilitation centre (health data, no copy): both', () => {
    expect(
      outcome({
        dataCategories: ['special', 'basicIdentity'],
        peopleAffected: 100,
        vulnerablePeople: true,
        breachKinds: ['confidentiality', 'availability'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        availability: { backupAvailable: false, restoreHours: null },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 13, postal mail mistake (two customers received each other’s invoice): neither', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 2,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'knownRecipient', exfiltration: 'unknown' },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NEITHER);
  });

  it('Case 14, social security numbers of 60,000 job seekers e-mailed to all of them: both', () => {
    expect(
      outcome({
        dataCategories: ['nationalId', 'basicIdentity'],
        peopleAffected: 60_000,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'knownRecipient', exfiltration: 'unknown' },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 17, identity theft at a telecom contact centre (billing data handed to an impostor): both', () => {
    expect(
      outcome({
        dataCategories: ['financial', 'basicIdentity'],
        peopleAffected: 1,
        breachKinds: ['confidentiality', 'integrity'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        integrity: { recoverable: true },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  it('Case 18, e-mail exfiltration by forwarding rules (invoices, bank and card details): both', () => {
    expect(
      outcome({
        dataCategories: ['financial', 'basicIdentity', 'communicationContent'],
        peopleAffected: 99,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });
});

describe('Art. 34(3) exceptions', () => {
  const highRisk: TTriageFactsInput = {
    dataCategories: ['special'],
    peopleAffected: 300,
    breachKinds: ['confidentiality'],
    confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
    maliciousIntent: true,
    easeOfIdentification: 'full',
  };

  it('without an exception, a high risk means telling each person', () => {
    const result = triage(highRisk);
    expect([result.notifySubjects, result.subjectsChannel, result.exception]).toEqual([true, 'individual', null]);
  });

  it('(a) strongly encrypted data with a safe key: the people need not be told', () => {
    const result = triage({ ...highRisk, encryption: STRONG_KEY_SAFE });
    expect([result.notifySubjects, result.exception]).toEqual([false, 'unintelligible']);
    expect(result.reasons.map((r) => r.code)).toContain('art34_3_a');
  });

  it('(a) does not apply when the key was compromised too, or the encryption is weak', () => {
    expect(triage({ ...highRisk, encryption: { state: 'stateOfTheArt', keyCompromised: true } }).notifySubjects).toBe(
      true,
    );
    expect(triage({ ...highRisk, encryption: { state: 'weak', keyCompromised: false } }).notifySubjects).toBe(true);
  });

  it('(b) later measures removed the high risk: the authority still, the people not', () => {
    const result = triage({ ...highRisk, riskRemovedByMeasures: true });
    expect([result.notifyAuthority, result.notifySubjects, result.exception]).toEqual([true, false, 'riskRemoved']);
  });

  it('(c) disproportionate effort: a public communication instead', () => {
    const result = triage({ ...highRisk, canReachSubjectsIndividually: false });
    expect([result.notifySubjects, result.subjectsChannel, result.exception]).toEqual([
      true,
      'public',
      'disproportionateEffort',
    ]);
  });
});

describe('the ENISA score', () => {
  it('maps a score to a severity: < 2 low, < 3 medium, < 4 high, else very high', () => {
    expect([1.99, 2, 2.99, 3, 3.99, 4, 5.5].map(severityOf)).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'veryHigh',
      'veryHigh',
    ]);
  });

  it('is DPC × EI + CB, and is returned with the facts used and the model version', () => {
    const facts = ZTriageFacts.parse({
      dataCategories: ['financial'],
      peopleAffected: 10,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'public', exfiltration: 'unknown' },
      maliciousIntent: false,
      easeOfIdentification: 'significant',
    });
    const result = triageBreach(facts);
    expect(result.score).toMatchObject({ dataProcessingContext: 3, easeOfIdentification: 0.75, total: 2.75 });
    expect([result.severity, result.notifyAuthority, result.notifySubjects]).toEqual(['medium', true, false]);
    expect(result.facts).toEqual(facts);
    expect(result.version).toBe(TRIAGE_MODEL_VERSION);
  });

  it('caps the data processing context at 4', () => {
    expect(
      triage({
        dataCategories: ['special'],
        allowsProfiling: true,
        vulnerablePeople: true,
        peopleAffected: 50_000,
        breachKinds: ['integrity'],
        integrity: { recoverable: true },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }).score.dataProcessingContext,
    ).toBe(4);
  });

  it('treats an exfiltration that cannot be ruled out as one that happened', () => {
    const base: TTriageFactsInput = {
      dataCategories: ['basicIdentity'],
      peopleAffected: 10,
      breachKinds: ['confidentiality'],
      maliciousIntent: true,
      easeOfIdentification: 'full',
    };
    const unknown = triage({ ...base, confidentiality: { recipient: 'unknown', exfiltration: 'unknown' } });
    const taken = triage({ ...base, confidentiality: { recipient: 'unknown', exfiltration: 'yes' } });
    expect(unknown.score.total).toBe(taken.score.total);
  });
});

describe('facts', () => {
  it('require the details of every kind of breach named', () => {
    const parsed = ZTriageFacts.safeParse({
      dataCategories: ['basicIdentity'],
      peopleAffected: 1,
      breachKinds: ['confidentiality', 'availability', 'integrity'],
      maliciousIntent: false,
      easeOfIdentification: 'full',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['confidentiality', 'validation.required'],
      ['availability', 'validation.required'],
      ['integrity', 'validation.required'],
    ]);
  });

  it('reject negative counts and unknown fields', () => {
    const parsed = ZTriageFacts.safeParse({
      dataCategories: ['basicIdentity'],
      peopleAffected: -3,
      breachKinds: ['integrity'],
      integrity: { recoverable: true },
      maliciousIntent: false,
      easeOfIdentification: 'full',
      notifyAnyway: true,
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.') || issue.code)).toEqual([
      'peopleAffected',
      'unrecognized_keys',
    ]);
  });
});

describe('reasons in plain language', () => {
  const result = triage({
    dataCategories: ['special'],
    peopleAffected: 12_000,
    breachKinds: ['confidentiality'],
    confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
    maliciousIntent: true,
    easeOfIdentification: 'full',
    canReachSubjectsIndividually: false,
  });

  it('render in English with labels and numbers filled in', () => {
    const text = renderTriageReasons(result.reasons, 'en');
    expect(text[0]).toBe(
      'The most sensitive data involved are special categories of personal data (Art. 9: health, ethnicity, religion, biometric and similar): base score 4 for the data processing context.',
    );
    expect(text).toContain('About 12,000 people are affected, a large scale: one point more.');
    expect(text).toContain('Severity score 5 by the ENISA method: very high.');
  });

  it('render in Dutch', () => {
    const text = renderTriageReasons(result.reasons, 'nl');
    expect(text).toContain('Het gaat om ongeveer 12.000 mensen, een grote omvang: één punt erbij.');
    expect(text).toContain('De betrokkenen zijn uit de gegevens te herkennen met volledig gemak (factor 1).');
    expect(text.at(-1)).toMatch(/openbare mededeling/);
  });

  it('never leave a key or placeholder unrendered', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const line of renderTriageReasons(result.reasons, locale)) {
        expect(line).not.toMatch(/breaches\.triage|\{\{/);
      }
    }
  });
});
