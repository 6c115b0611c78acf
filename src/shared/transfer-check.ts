import countries from '../../reference/countries.json' with { type: 'json' };
import { type CountryCode, normaliseCountryCode } from './countries.ts';

/**
 * The GDPR Chapter V transfer check, driven by reference/countries.json: a destination in the EEA needs no
 * safeguard; one with an adequacy decision (Art. 45) needs none within the decision's scope and dates; anything
 * else needs an Art. 46 safeguard or an Art. 49 derogation recorded.
 */
export type DestinationStatus = 'eea' | 'adequate' | 'safeguard-required' | 'invalid-country-code';

export interface AdequacyDecision {
  code: string;
  name: { en: string; nl: string };
  decided: string;
  expires?: string;
  scope?: { en: string; nl: string };
  requiresRecipientCertification?: boolean;
}

export interface DestinationCheck {
  status: DestinationStatus;
  country?: CountryCode;
  /** The decision that makes it adequate, or that would if its condition (DPF certification) were met. */
  adequacy?: AdequacyDecision;
}

export const COUNTRIES_VALID_AS_OF: string = countries.validAsOf;
/** The outermost regions and Åland have ISO codes of their own but are part of the EU (Art. 355(1) and (4) TFEU). */
const EU_TERRITORIES_WITH_OWN_CODE: readonly string[] = Object.keys(countries.euTerritoriesWithOwnCode.codes);
const eea = new Set<string>([...countries.eu, ...countries.eeaNonEu, ...EU_TERRITORIES_WITH_OWN_CODE]);
const decisions = new Map<string, AdequacyDecision>(
  (countries.adequacy as AdequacyDecision[]).map((decision) => [decision.code, decision]),
);

/**
 * Decisions whose scope leaves part of the country out (Canada: PIPEDA only; Israel: automated processing; South
 * Korea: not FSC-supervised credit information, not religious or political bodies). Whether a recipient falls
 * inside is a question the organisation answers once per country; until then the transfer is not "covered". The
 * other scope notes (Japan's private sector, the UK renewal, Brazil's decision number, the US DPF condition) do
 * not ask anything of a small business that the check does not already know.
 */
export const SCOPE_QUESTION_COUNTRIES: readonly CountryCode[] = ['CA', 'IL', 'KR'];

export function isEeaCountry(code: string): boolean {
  return eea.has(code);
}

function isInForce(decision: AdequacyDecision, on: string | undefined): boolean {
  if (!on) return !decision.expires || decision.expires >= COUNTRIES_VALID_AS_OF;
  return decision.decided <= on && (!decision.expires || on <= decision.expires);
}

/**
 * Classifies a destination country on a calendar date (default: the list's own date). A US recipient is adequate
 * only when certified under the Data Privacy Framework on that day (see `isDpfCertifiedOn`).
 */
export function classifyDestination(
  input: string,
  options: { isDpfCertified?: boolean; on?: string } = {},
): DestinationCheck {
  const country = normaliseCountryCode(input);
  if (!country) return { status: 'invalid-country-code' };
  if (eea.has(country)) return { status: 'eea', country };
  const decision = decisions.get(country);
  if (!decision) return { status: 'safeguard-required', country };
  const meetsCondition = !decision.requiresRecipientCertification || options.isDpfCertified === true;
  const status = meetsCondition && isInForce(decision, options.on) ? 'adequate' : 'safeguard-required';
  return { status, country, adequacy: decision };
}

/** What a vendor records about its Data Privacy Framework certification. */
export interface DpfFacts {
  isDpfCertified: boolean;
  /** The first day it is on the DPF list; null for a certification recorded before it was dated. */
  dpfCertifiedSince: string | null;
  /** Whether its certification covers HR data (data about the organisation's own staff and applicants). */
  isDpfHrInScope: boolean;
}

/** Certified on the day: since that day or earlier, and for HR data only when HR data is in its scope. */
export function isDpfCertifiedOn(dpf: DpfFacts | null | undefined, on: string, isHrData = false): boolean {
  if (!dpf?.isDpfCertified || dpf.dpfCertifiedSince === null || dpf.dpfCertifiedSince > on) return false;
  return !isHrData || dpf.isDpfHrInScope;
}

/** A certification recorded before certifications were dated: the check cannot tell from when it holds. */
export function isDpfUndated(dpf: DpfFacts | null | undefined): boolean {
  return dpf?.isDpfCertified === true && dpf.dpfCertifiedSince === null;
}

/** True when a transfer to this destination is lawful only with a recorded safeguard and none is recorded. */
export function needsSafeguard(check: DestinationCheck, recordedSafeguard: string | null | undefined): boolean {
  return check.status === 'safeguard-required' && !recordedSafeguard;
}

/** A transfer impact assessment: when it was made and where it is (a document reference or a note). */
export interface TransferImpactAssessment {
  assessedOn: string;
  reference: string;
}

/**
 * How the data gets there. A storage location (primary, replica, backup) and a vendor holding data are lasting;
 * only an activity's own transfer can be occasional, the one case an Art. 49 derogation may cover (EDPB
 * Guidelines 2/2018).
 */
export type TransferKind = 'storage' | 'vendor' | 'occasional';

/** The organisation's answer to a scope question (`SCOPE_QUESTION_COUNTRIES`): undefined when not asked here. */
export type ScopeAnswer = 'within_scope' | 'outside_scope' | 'unanswered';

/**
 * The verdict on one destination. `eea`, `adequate` and `covered` need nothing; `safeguard_missing` and
 * `dpf_undated` are missing (Art. 44); the rest are warnings: not covered, but something is recorded.
 */
export type TransferVerdict =
  | 'eea'
  | 'adequate'
  | 'covered'
  | 'invalid_country'
  | 'safeguard_missing'
  | 'dpf_undated'
  | 'scope_unconfirmed'
  | 'derogation_not_occasional'
  | 'derogation_undocumented'
  | 'tia_missing';

export interface TransferFacts {
  country: string;
  kind: TransferKind;
  /** Whether the holder is DPF-certified on the day judged (with HR data in scope when it matters). */
  isDpfCertified: boolean;
  /** The holder recorded a DPF certification without a date (see `isDpfUndated`). */
  isDpfUndated?: boolean;
  safeguard: string | null;
  safeguardDetails: string;
  transferImpactAssessment: TransferImpactAssessment | null;
  scopeAnswer?: ScopeAnswer;
}

/** Safeguards that rely on the recipient's law being respected in practice: covered only with a TIA (Schrems II). */
const SAFEGUARDS_NEEDING_TIA = new Set(['scc', 'bcr']);

export function isCoveredVerdict(verdict: TransferVerdict): boolean {
  return verdict === 'eea' || verdict === 'adequate' || verdict === 'covered';
}

export function isMissingVerdict(verdict: TransferVerdict): boolean {
  return verdict === 'safeguard_missing' || verdict === 'dpf_undated' || verdict === 'invalid_country';
}

function safeguardVerdict(facts: TransferFacts): TransferVerdict {
  if (facts.safeguard === 'derogation') {
    if (facts.kind !== 'occasional') return 'derogation_not_occasional';
    return facts.safeguardDetails.trim() === '' ? 'derogation_undocumented' : 'covered';
  }
  if (SAFEGUARDS_NEEDING_TIA.has(facts.safeguard ?? '') && !facts.transferImpactAssessment) return 'tia_missing';
  return 'covered';
}

/** Judges one destination on a day: the check of its country, then what is recorded for it. */
export function judgeTransfer(facts: TransferFacts, on: string): { check: DestinationCheck; verdict: TransferVerdict } {
  const check = classifyDestination(facts.country, { isDpfCertified: facts.isDpfCertified, on });
  const verdict = verdictOf(check, facts);
  return { check, verdict };
}

function verdictOf(check: DestinationCheck, facts: TransferFacts): TransferVerdict {
  if (check.status === 'invalid-country-code') return 'invalid_country';
  if (check.status === 'eea') return 'eea';
  const isOutsideScope = facts.scopeAnswer === 'outside_scope';
  if (check.status === 'adequate' && !isOutsideScope) {
    if (facts.scopeAnswer === 'unanswered' && hasScopeQuestion(check)) {
      return facts.safeguard ? safeguardVerdict(facts) : 'scope_unconfirmed';
    }
    return 'adequate';
  }
  if (facts.safeguard) return safeguardVerdict(facts);
  return facts.isDpfUndated && check.adequacy?.requiresRecipientCertification ? 'dpf_undated' : 'safeguard_missing';
}

/** The country, when its adequacy decision asks the scope question; undefined otherwise. */
export function scopeQuestionCountry(input: string): CountryCode | undefined {
  const country = normaliseCountryCode(input);
  return country && SCOPE_QUESTION_COUNTRIES.includes(country) ? country : undefined;
}

/** Whether the country's adequacy decision has a scope limit the organisation must confirm. */
export function hasScopeQuestion(check: DestinationCheck): boolean {
  return check.country !== undefined && SCOPE_QUESTION_COUNTRIES.includes(check.country);
}

/** The transfer check as the API presents it (`ZTransferStatus` in shared/lists.ts). */
export interface TransferStatus {
  status: DestinationStatus;
  needsSafeguard: boolean;
  /** The adequacy decision's scope note, also when its condition (DPF) is not met: it says what is missing. */
  adequacyScope: { en: string; nl: string } | null;
  verdict: TransferVerdict;
}

/** The API's view of a judged destination. */
export function transferStatusFrom(judged: { check: DestinationCheck; verdict: TransferVerdict }): TransferStatus {
  return {
    status: judged.check.status,
    needsSafeguard: judged.verdict === 'safeguard_missing' || judged.verdict === 'dpf_undated',
    adequacyScope: judged.check.adequacy?.scope ?? null,
    verdict: judged.verdict,
  };
}

/** Judges a destination on a day, with what is recorded for it (if anything). */
export function transferStatusOf(
  country: string,
  options: {
    isDpfCertified?: boolean;
    isDpfUndated?: boolean;
    on?: string;
    recordedSafeguard?: string | null;
    safeguardDetails?: string;
    transferImpactAssessment?: TransferImpactAssessment | null;
    kind?: TransferKind;
  },
): TransferStatus {
  const facts: TransferFacts = {
    country,
    kind: options.kind ?? 'vendor',
    isDpfCertified: options.isDpfCertified ?? false,
    isDpfUndated: options.isDpfUndated ?? false,
    safeguard: options.recordedSafeguard ?? null,
    safeguardDetails: options.safeguardDetails ?? '',
    transferImpactAssessment: options.transferImpactAssessment ?? null,
  };
  return transferStatusFrom(judgeTransfer(facts, options.on ?? COUNTRIES_VALID_AS_OF));
}
