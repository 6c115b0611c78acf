import { type Locale, translate } from '../../platform/i18n/index.ts';
import type {
  TDataCategory,
  TEaseOfIdentification,
  TSeverity,
  TTriageFacts,
  TTriageReason,
  TTriageResult,
} from './contract.ts';

/**
 * The breach triage: from the facts of a breach, a recommendation whether to notify the Autoriteit
 * Persoonsgegevens (Art. 33: a risk) and the people affected (Art. 34: a high risk), with its reasons.
 * The score is ENISA's (2013): severity = DPC × EI + CB; thresholds and adjustments in docs/breach-triage.md.
 * The user decides; this only recommends. Pure: no I/O, no clock.
 */

export const TRIAGE_MODEL_VERSION = 'breach-triage/2 (ENISA 2013; EDPB 9/2022, 01/2021)';

/** ENISA's data processing context base score per kind of data (1 simple, 2 behavioural, 3 financial, 4 sensitive). */
const DPC_BASE: Record<TDataCategory, number> = {
  basicIdentity: 1,
  children: 1,
  location: 2,
  communicationContent: 2,
  financial: 3,
  credentials: 3,
  nationalId: 3,
  criminal: 4,
  special: 4,
};

const EI_VALUE: Record<TEaseOfIdentification, number> = { negligible: 0.25, limited: 0.5, significant: 0.75, full: 1 };

/**
 * From this many people on, the scale of a breach raises the data processing context by one. EDPB 9/2022 names the
 * number of people as a factor but gives no number: this one is privacydesk's choice (docs/breach-triage.md).
 */
export const LARGE_SCALE_PEOPLE = 10_000;
/**
 * A restore from backup within this many hours scores as a short loss of availability: EDPB 01/2021 para. 24 calls
 * exceeding 72 hours "unadvisable in any case" (and not enough for high-risk cases, which the data context covers).
 */
export const QUICK_RESTORE_HOURS = 72;

const reason = (code: string, params: Record<string, string | number> = {}): TTriageReason => ({ code, params });

/** Records why a part of the score has its value, and returns the value. */
function noted(reasons: TTriageReason[], why: TTriageReason, value: number): number {
  reasons.push(why);
  return value;
}

/** ENISA severity from a score: < 2 low, < 3 medium, < 4 high, else very high. */
export function severityOf(score: number): TSeverity {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'veryHigh';
}

/** The data processing context: the most sensitive kind of data, adjusted for profiling, vulnerability and scale. */
function dataProcessingContext(facts: TTriageFacts, reasons: TTriageReason[]): number {
  const [category, base] = facts.dataCategories
    .map((c) => [c, DPC_BASE[c]] as const)
    .reduce((best, next) => (next[1] > best[1] ? next : best));
  reasons.push(reason('dpc_base', { category, score: base }));
  let dpc = base;
  if (facts.allowsProfiling && base < 4) {
    dpc += 1;
    reasons.push(reason('dpc_profiling'));
  }
  if (facts.vulnerablePeople || facts.dataCategories.includes('children')) {
    dpc += 1;
    reasons.push(reason('dpc_vulnerable'));
  }
  if (facts.peopleAffected >= LARGE_SCALE_PEOPLE) {
    dpc += 1;
    reasons.push(reason('dpc_large_scale', { people: facts.peopleAffected }));
  }
  return Math.min(dpc, 4);
}

/** Whether data seen by others is unintelligible to them (Art. 34(3)(a)): strong encryption, key safe. */
export function isUnintelligible(facts: TTriageFacts): boolean {
  return facts.encryption.state === 'stateOfTheArt' && !facts.encryption.keyCompromised;
}

/** ENISA's confidentiality circumstance: 0 (nobody untrusted can read it) to 0.5 (taken, or public). */
function confidentialityScore(facts: TTriageFacts, reasons: TTriageReason[]): number {
  const loss = facts.confidentiality;
  if (!facts.breachKinds.includes('confidentiality') || !loss) return 0;
  if (isUnintelligible(facts)) return noted(reasons, reason('conf_unintelligible'), 0);
  switch (loss.recipient) {
    case 'trustedConfirmedDeletion':
      return noted(reasons, reason('conf_trusted_recipient'), 0);
    case 'public':
      return noted(reasons, reason('conf_public'), 0.5);
    case 'knownRecipient':
      if (loss.exfiltration === 'yes') return noted(reasons, reason('conf_known_recipient_taken'), 0.5);
      return noted(reasons, reason('conf_known_recipient'), 0.25);
    case 'unknown':
      if (loss.exfiltration === 'no') return noted(reasons, reason('conf_unknown_not_taken'), 0.25);
      if (loss.exfiltration === 'unknown') return noted(reasons, reason('conf_unknown_maybe_taken'), 0.5);
      return noted(reasons, reason('conf_unknown_taken'), 0.5);
  }
}

function integrityScore(facts: TTriageFacts, reasons: TTriageReason[]): number {
  if (!facts.breachKinds.includes('integrity') || !facts.integrity) return 0;
  if (facts.integrity.recoverable) return noted(reasons, reason('integrity_recoverable'), 0.25);
  return noted(reasons, reason('integrity_irreversible'), 0.5);
}

function availabilityScore(facts: TTriageFacts, reasons: TTriageReason[]): number {
  const loss = facts.availability;
  if (!facts.breachKinds.includes('availability') || !loss) return 0;
  const hours = loss.restoreHours;
  if (!loss.backupAvailable) {
    reasons.push(hours === null ? reason('availability_lost') : reason('availability_no_backup', { hours }));
    return 0.5;
  }
  if (hours !== null && hours <= QUICK_RESTORE_HOURS)
    return noted(reasons, reason('availability_backup_quick', { hours }), 0.25);
  reasons.push(hours === null ? reason('availability_lost') : reason('availability_backup_slow', { hours }));
  return 0.5;
}

/**
 * Whether nobody who could misuse the data can read it: a confidentiality-only breach of unintelligible data, or
 * of data a trusted recipient deleted. Then identification is negligible, whatever the data says.
 */
function isContained(facts: TTriageFacts): boolean {
  const onlyConfidentiality = facts.breachKinds.every((kind) => kind === 'confidentiality');
  return (
    onlyConfidentiality && (isUnintelligible(facts) || facts.confidentiality?.recipient === 'trustedConfirmedDeletion')
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

interface Score {
  dpc: number;
  ei: number;
  confidentiality: number;
  integrity: number;
  availability: number;
  malicious: number;
  total: number;
}

function score(facts: TTriageFacts, reasons: TTriageReason[]): Score {
  const dpc = dataProcessingContext(facts, reasons);
  const contained = isContained(facts);
  const ei = contained ? EI_VALUE.negligible : EI_VALUE[facts.easeOfIdentification];
  reasons.push(contained ? reason('ei_contained') : reason('ei', { ease: facts.easeOfIdentification, value: ei }));
  const confidentiality = confidentialityScore(facts, reasons);
  const integrity = integrityScore(facts, reasons);
  const availability = availabilityScore(facts, reasons);
  const malicious = facts.maliciousIntent ? 0.5 : 0;
  if (facts.maliciousIntent) reasons.push(reason('malicious'));
  const total = round(dpc * ei + confidentiality + integrity + availability + malicious);
  return { dpc, ei, confidentiality, integrity, availability, malicious, total };
}

/** The severity the same breach would have had if the data had been readable: shows what encryption prevented. */
function severityIfReadable(facts: TTriageFacts): TSeverity {
  return severityOf(score({ ...facts, encryption: { state: 'none', keyCompromised: false } }, []).total);
}

type SubjectsOutcome = Pick<TTriageResult, 'notifySubjects' | 'subjectsChannel' | 'exception'>;

/** Art. 34: tell the people at a high risk, unless an exception of Art. 34(3) applies. */
function subjectsOutcome(facts: TTriageFacts, severity: TSeverity, reasons: TTriageReason[]): SubjectsOutcome {
  const isHighRisk = severity === 'high' || severity === 'veryHigh';
  if (!isHighRisk) {
    if (isUnintelligible(facts) && facts.breachKinds.includes('confidentiality')) {
      const readable = severityIfReadable(facts);
      if (readable === 'high' || readable === 'veryHigh') {
        reasons.push(reason('art34_3_a', { level: readable }));
        return { notifySubjects: false, subjectsChannel: 'none', exception: 'unintelligible' };
      }
    }
    reasons.push(reason('subjects_not_needed'));
    return { notifySubjects: false, subjectsChannel: 'none', exception: null };
  }
  if (facts.riskRemovedByMeasures) {
    reasons.push(reason('art34_3_b'));
    return { notifySubjects: false, subjectsChannel: 'none', exception: 'riskRemoved' };
  }
  if (!facts.canReachSubjectsIndividually) {
    reasons.push(reason('art34_3_c'));
    return { notifySubjects: true, subjectsChannel: 'public', exception: 'disproportionateEffort' };
  }
  reasons.push(reason('subjects_notify'));
  return { notifySubjects: true, subjectsChannel: 'individual', exception: null };
}

/**
 * Recommends whether to notify the authority (severity medium or more: a risk) and the people (high or more: a
 * high risk, minus the Art. 34(3) exceptions), with the reasons in order: the score's parts, then the conclusions.
 */
export function triageBreach(facts: TTriageFacts): TTriageResult {
  const reasons: TTriageReason[] = [];
  const parts = score(facts, reasons);
  const severity = severityOf(parts.total);
  reasons.push(reason('severity', { score: parts.total, level: severity }));
  const notifyAuthority = severity !== 'low';
  reasons.push(reason(notifyAuthority ? 'authority_notify' : 'authority_not_needed'));
  const subjects = subjectsOutcome(facts, severity, reasons);
  return {
    version: TRIAGE_MODEL_VERSION,
    notifyAuthority,
    ...subjects,
    severity,
    score: {
      dataProcessingContext: parts.dpc,
      easeOfIdentification: parts.ei,
      confidentiality: parts.confidentiality,
      integrity: parts.integrity,
      availability: parts.availability,
      maliciousIntent: parts.malicious,
      total: parts.total,
    },
    reasons,
    facts,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons as sentences
// ---------------------------------------------------------------------------------------------------------------

/** Params holding a code are shown by their translated label. */
const LABELLED_PARAMS: Record<string, string> = {
  category: 'breaches.triage.categories',
  level: 'breaches.triage.levels',
  ease: 'breaches.triage.ease',
};

function presentParam(locale: Locale, key: string, value: string | number): string {
  const labels = LABELLED_PARAMS[key];
  if (labels && typeof value === 'string') return translate(locale, `${labels}.${value}`);
  if (typeof value === 'number') return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(value);
  return value;
}

/** Renders the triage's reasons as plain sentences in a locale. */
export function renderTriageReasons(reasons: readonly TTriageReason[], locale: Locale): string[] {
  return reasons.map(({ code, params }) => {
    const shown = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, presentParam(locale, key, value)]),
    );
    return translate(locale, `breaches.triage.reasons.${code}`, shown);
  });
}
