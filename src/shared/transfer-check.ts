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
const eea = new Set<string>([...countries.eu, ...countries.eeaNonEu]);
const decisions = new Map<string, AdequacyDecision>(
  (countries.adequacy as AdequacyDecision[]).map((decision) => [decision.code, decision]),
);

export function isEeaCountry(code: string): boolean {
  return eea.has(code);
}

function isInForce(decision: AdequacyDecision, on: string | undefined): boolean {
  if (!on) return !decision.expires || decision.expires >= COUNTRIES_VALID_AS_OF;
  return decision.decided <= on && (!decision.expires || on <= decision.expires);
}

/**
 * Classifies a destination country on a calendar date (default: the list's own date). A US recipient is adequate
 * only when certified under the Data Privacy Framework.
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

/** True when a transfer to this destination is lawful only with a recorded safeguard and none is recorded. */
export function needsSafeguard(check: DestinationCheck, recordedSafeguard: string | null | undefined): boolean {
  return check.status === 'safeguard-required' && !recordedSafeguard;
}

/** The transfer check as the API presents it (`ZTransferStatus` in shared/lists.ts). */
export interface TransferStatus {
  status: DestinationStatus;
  needsSafeguard: boolean;
  /** The adequacy decision's scope note, also when its condition (DPF) is not met: it says what is missing. */
  adequacyScope: { en: string; nl: string } | null;
}

/** Judges a destination on a day, with the safeguard recorded for it (if any). */
export function transferStatusOf(
  country: string,
  options: { isDpfCertified?: boolean; on?: string; recordedSafeguard?: string | null },
): TransferStatus {
  const check = classifyDestination(country, { isDpfCertified: options.isDpfCertified, on: options.on });
  return {
    status: check.status,
    needsSafeguard: needsSafeguard(check, options.recordedSafeguard),
    adequacyScope: check.adequacy?.scope ?? null,
  };
}
