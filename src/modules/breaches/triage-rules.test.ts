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
 * EDPB Guidelines 01/2021 on examples regarding personal data breach notification, version 2.0 (adopted
 * 14 December 2021). Each test encodes a case's facts and expects the EDPB's "Actions necessary" table (notification to
 * the SA, communication to the data subjects). Titles and sections follow the v2.0 table of contents.
 *
 * Verification (docs/breach-triage.md, "The EDPB cases"): case 01 was checked against the v2.0 text (paras. 16-25).
 * For cases 02-18 the text could not be retrieved in this environment; their facts and conclusions are as recalled and
 * cite the section only. Where the guidelines give no number of people, the comment says so.
 */
describe('EDPB 01/2021 example cases', () => {
  // §2.1, paras. 16-25 (verified): clients and employees, "a few dozen individuals altogether" (16); encryption at
  // rest, key not compromised (16, 20); no exfiltration, established from the logs (16); restored "a few hours" after
  // the attack (16, 22). Para. 25: neither the SA nor the data subjects.
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

  // §2.2 (pp. 10-11; paras. not verified): an agricultural company; employees and clients, "a few dozen individuals";
  // no special categories; no encryption at rest, but the logs rule out exfiltration; no electronic backup, restored
  // from paper in 5 working days (120 h). SA yes, data subjects no.
  it('Case 02, ransomware without proper backup: the authority only', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 40,
        breachKinds: ['availability', 'confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'no' },
        availability: { backupAvailable: false, restoreHours: 120 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(AUTHORITY_ONLY);
  });

  // §2.3 (p. 12; paras. not verified): a hospital; employees and patients, "thousands of individuals" (3,000 taken);
  // health data; no exfiltration per the logs; restored from backup in 2 working days (48 h) with surgery postponed.
  // SA yes, data subjects yes.
  it('Case 03, ransomware with backup and without exfiltration in a hospital: both', () => {
    expect(
      outcome({
        dataCategories: ['special', 'basicIdentity'],
        peopleAffected: 3000,
        vulnerablePeople: true,
        breachKinds: ['availability', 'confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'no' },
        availability: { backupAvailable: true, restoreHours: 48 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  // §2.4 (pp. 13-14; paras. not verified): a public transport company; clients and employees, "several thousand"
  // people (5,000 taken); identity card numbers and credit card details; exfiltrated; the backup was encrypted too.
  // SA yes, data subjects yes.
  it('Case 04, ransomware without backup and with exfiltration: both', () => {
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

  // §3.1 (pp. 15-16; paras. not verified): malicious code on an employment agency's website; 213 application forms
  // possibly affected, no special categories; the toolkit could erase traces of exfiltration. SA yes, data subjects yes.
  it('Case 05, exfiltration of job application data from a website: both', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        allowsProfiling: true,
        peopleAffected: 213,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'unknown' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  // §3.2 (p. 17; paras. not verified): SQL injection on a cooking website; passwords of 1,200 users hashed with a strong
  // algorithm, salt not compromised; usernames are pseudonyms. SA no, data subjects no.
  it('Case 06, exfiltration of hashed password from a website: neither', () => {
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

  // §3.3 (p. 18; paras. not verified): identity data (name, birth data, fiscal code, user ids) of about 100,000 bank
  // customers leaked; about 2,000 accounts with a trivial password logged into. SA yes, data subjects yes.
  it('Case 07, credential stuffing attack on a banking website: both', () => {
    expect(
      outcome({
        dataCategories: ['financial', 'credentials', 'nationalId', 'basicIdentity'],
        peopleAffected: 100_000,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  // §4.1 (pp. 20-21; paras. not verified): an employee copies clients' basic contact data during his notice and later
  // uses it to entice them to his new business. The guidelines give no number of clients: 500 taken. SA yes, data
  // subjects no.
  it('Case 08, exfiltration of business data by an employee: the authority only', () => {
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

  // §4.2 (p. 22; paras. not verified): an insurance agent bound by professional secrecy receives data of two dozen
  // customers outside his scope (contact data, insurance type and amount: encoded as financial, the cautious reading)
  // and confirms deletion in writing. SA no, data subjects no.
  it('Case 09, accidental transmission of data to a trusted third party: neither', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity', 'financial'],
        peopleAffected: 24,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'trustedConfirmedDeletion', exfiltration: 'no' },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NEITHER);
  });

  // §5.1 (p. 24; paras. not verified): two tablets of a day-care centre stolen; children's names, birth dates and
  // education data; encrypted, switched off, strong password; backup readily available, so no loss of availability;
  // remotely wiped. The guidelines give no number of children: a few dozen (40). SA no, data subjects no.
  it('Case 10, stolen material storing encrypted personal data: neither, Art. 34(3)(a)', () => {
    const result = triage({
      dataCategories: ['children', 'basicIdentity'],
      peopleAffected: 40,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
      encryption: STRONG_KEY_SAFE,
      maliciousIntent: true,
      easeOfIdentification: 'full',
    });
    expect([result.notifyAuthority, result.notifySubjects, result.exception]).toEqual([false, false, 'unintelligible']);
  });

  // §5.2 (p. 25; paras. not verified): a notebook without password stolen; names, sex, addresses and birth dates of
  // more than 100,000 customers; restorable from daily backups (24 h taken). SA yes, data subjects yes.
  it('Case 11, stolen material storing non-encrypted personal data: both', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        peopleAffected: 100_000,
        breachKinds: ['confidentiality', 'availability'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        availability: { backupAvailable: true, restoreHours: 24 },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  // §5.3 (pp. 25-26; paras. not verified): a paper logbook stolen from a drug addiction rehabilitation centre; identity
  // and health data of its patients; no copy. The guidelines give no number of patients: a few dozen (40). SA yes,
  // data subjects yes.
  it('Case 12, stolen paper files with sensitive data: both', () => {
    expect(
      outcome({
        dataCategories: ['special', 'basicIdentity'],
        peopleAffected: 40,
        vulnerablePeople: true,
        breachKinds: ['confidentiality', 'availability'],
        confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
        availability: { backupAvailable: false, restoreHours: null },
        maliciousIntent: true,
        easeOfIdentification: 'full',
      }),
    ).toEqual(NOTIFY_BOTH);
  });

  // §6.1 (p. 27; paras. not verified): two customers of a shoe shop received each other's order and packing bill; the
  // controller recalled both. SA no, data subjects no.
  it('Case 13, postal mail mistake (packing bills mixed up): neither', () => {
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

  // §6.2 (p. 28; paras. not verified): an employment office e-mails a file with name, e-mail, postal address and social
  // security number of more than 60,000 job seekers to all of them. SA yes, data subjects yes.
  it('Case 14, highly confidential personal data sent by mail by mistake: both', () => {
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

  // Case 15 (§6.3, a participants' list with two participants' lactose intolerance) is not encoded: the facts cannot
  // express ENISA's lower data context for sensitive data that gives no real insight (docs/breach-triage.md).

  // §6.4 (pp. 29-30; paras. not verified): a car insurer's enveloping machine puts two policyholders' letters in one
  // envelope; name, address, birth date, unmasked registration number, this and next year's rates and annual mileage
  // of one policyholder reach another; no Art. 9, bank or financial data. The letter allows assumptions about the
  // policyholder's financial situation (ENISA's +1 for simple data: allowsProfiling). SA yes, data subjects no.
  it('Case 16, postal mail mistake (insurance letter in another policyholder’s envelope): the authority only', () => {
    expect(
      outcome({
        dataCategories: ['basicIdentity'],
        allowsProfiling: true,
        peopleAffected: 1,
        breachKinds: ['confidentiality'],
        confidentiality: { recipient: 'knownRecipient', exfiltration: 'unknown' },
        maliciousIntent: false,
        easeOfIdentification: 'full',
      }),
    ).toEqual(AUTHORITY_ONLY);
  });

  // §7.1 (p. 31; paras. not verified): an impostor who knew a client's fiscal number and address has a telecom
  // contact centre change the billing e-mail address and receives the invoices; the change is reverted. One client.
  // SA yes, data subjects yes.
  it('Case 17, identity theft: both', () => {
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

  // §7.2 (p. 32; paras. not verified): forwarding rules in a hypermarket chain's mailboxes send e-mails about invoices,
  // payments and bank details to an outside address; names and wages (and for some, salary slips) of 99 employees.
  // SA yes, data subjects yes.
  it('Case 18, email exfiltration: both', () => {
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

describe('the restore threshold', () => {
  // EDPB 01/2021 para. 24 (verified): exceeding 72 hours to restore from backup is "unadvisable in any case".
  const outage = (restoreHours: number) =>
    triage({
      dataCategories: ['basicIdentity'],
      peopleAffected: 40,
      breachKinds: ['availability'],
      availability: { backupAvailable: true, restoreHours },
      maliciousIntent: false,
      easeOfIdentification: 'full',
    }).score.availability;

  it('counts a restore from backup within 72 hours as short, a longer one as long', () => {
    expect([outage(4), outage(72), outage(73)]).toEqual([0.25, 0.25, 0.5]);
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
