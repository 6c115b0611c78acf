import { z } from 'zod';
import { isValidBsn, isValidIban } from '../../shared/identifiers-nl.ts';

/**
 * A data subject's identities as discovery needs them (issue 11): each kind normalised, validated and expanded into
 * the forms a store may hold, so a connector can compare exactly (index-friendly) and still find `06-12345678` when
 * the person typed `+31 6 12345678`. Pure: no Node imports, no I/O; the web client imports the schema too.
 * Rules and test values: ../shared/reference/identifiers-nl.json.
 */

export const IDENTITY_KINDS = ['email', 'phone', 'name', 'customer_number', 'iban', 'bsn'] as const;
export type TIdentityKind = (typeof IDENTITY_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------------------------

const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\].]{2,}$/;

/**
 * The address trimmed and lower-cased, or null when it is no address. Matching is on the whole address: +tags and
 * dots are kept, or other people's mail would be found.
 */
export function normaliseEmail(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  return trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------------------------------------------

const PHONE_SEPARATORS = /[\s().\-/]/g;

/**
 * A phone number in E.164 (`+31612345678`), or null. Dutch national numbers have 10 digits starting with 0;
 * `+31`/`0031` is followed by 9 digits (a `(0)` after it is dropped); other countries need `+` or `00` and 8–15
 * digits in all. A number without a country or trunk prefix (`12345678`) is refused.
 */
export function normalisePhone(value: string): string | null {
  const compact = value.trim().replace(PHONE_SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let international: string;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (/^0[1-9]\d{8}$/.test(compact)) international = `31${compact.slice(1)}`;
  else return null;
  if (international.startsWith('310')) international = `31${international.slice(3)}`; // +31 (0)6 …
  if (international.startsWith('31')) return /^31[1-9]\d{8}$/.test(international) ? `+${international}` : null;
  return /^[1-9]\d{7,14}$/.test(international) ? `+${international}` : null;
}

/** Dutch area codes have 2 or 3 digits after the 0 (020, 0513); mobile numbers have `6`. Splits of the national number. */
function dutchSplits(national: string): [string, string][] {
  if (national.startsWith('06')) return [['06', national.slice(2)]];
  return [
    [national.slice(0, 3), national.slice(3)],
    [national.slice(0, 4), national.slice(4)],
  ];
}

/** `12345678` as `1234 5678`, `1234567` as `123 4567`, `123456` as `123 456`. */
const grouped = (digits: string) =>
  digits.length === 8 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : `${digits.slice(0, 3)} ${digits.slice(3)}`;
const pairs = (digits: string) => digits.match(/\d{1,2}/g)!.join(' ');

/**
 * The spellings of one number a store may hold, for exact comparison: compact national and international forms,
 * with dashes, spaces and parentheses as people write them. Every form has the same digits, so no form can be
 * another person's number.
 */
export function phoneStoredForms(e164: string): string[] {
  const digits = e164.slice(1);
  const forms = [e164, `00${digits}`, digits];
  if (digits.startsWith('31')) {
    const national = `0${digits.slice(2)}`;
    forms.push(national);
    for (const [area, rest] of dutchSplits(national)) {
      const short = area.slice(1);
      forms.push(
        `${area}-${rest}`,
        `${area} ${rest}`,
        `${area} ${grouped(rest)}`,
        `${area} ${pairs(rest)}`,
        `${area}-${grouped(rest)}`,
        `(${area}) ${rest}`,
        `(${area}) ${pairs(rest)}`,
        `(${area})-${rest}`,
        `+31 ${short} ${rest}`,
        `+31 ${short} ${grouped(rest)}`,
        `+31 ${short} ${pairs(rest)}`,
        `+31 (0)${short} ${rest}`,
        `+31-${short}-${rest}`,
        `+31 ${short}-${rest}`,
        `0031 ${short} ${rest}`,
        `+31 ${national.slice(1)}`,
      );
    }
  }
  return unique(forms);
}

// ---------------------------------------------------------------------------------------------------------------
// IBAN (ISO 13616)
// ---------------------------------------------------------------------------------------------------------------

/** IBAN lengths per country (SWIFT's IBAN registry). */
// biome-ignore format: a table reads better than one entry per line
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15,
  PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** The IBAN in compact upper case (`NL91ABNA0417164300`), or null when its country, length or check digits fail. */
export function normaliseIban(value: string): string | null {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return null;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return null;
  return isValidIban(compact) ? compact : null;
}

/** Compact and grouped by four (`NL91 ABNA 0417 1643 00`), each also in lower case. */
export function ibanStoredForms(compact: string): string[] {
  const groupedForm = compact.match(/.{1,4}/g)!.join(' ');
  return unique([compact, groupedForm, compact.toLowerCase(), groupedForm.toLowerCase()]);
}

// ---------------------------------------------------------------------------------------------------------------
// BSN (burgerservicenummer)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The BSN as 9 digits, or null when it fails the eleven test (elfproef). An 8-digit number is padded with a leading
 * 0 first; spaces, dots and dashes are ignored; 000000000 is refused.
 */
export function normaliseBsn(value: string): string | null {
  const compact = value.replace(/[\s.-]/g, '');
  return /^\d{8,9}$/.test(compact) && isValidBsn(compact) ? compact.padStart(9, '0') : null;
}

/** 9 digits, the 8 digits of a number stored without its leading 0, and the dotted form `1234.56.782`. */
export function bsnStoredForms(bsn: string): string[] {
  const forms = [bsn, `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`];
  if (bsn.startsWith('0')) forms.push(bsn.slice(1));
  return unique(forms);
}

// ---------------------------------------------------------------------------------------------------------------
// Names and customer numbers
// ---------------------------------------------------------------------------------------------------------------

/** A name trimmed with its inner white space collapsed; stores compare it case-insensitively. */
export function normaliseName(value: string): string | null {
  const collapsed = value.trim().replace(/\s+/g, ' ');
  return collapsed.length > 0 ? collapsed : null;
}

/** A customer number trimmed; the organisation's own format, so nothing else is assumed. */
export function normaliseCustomerNumber(value: string): string | null {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** As given, in upper and lower case, and for a number with leading zeros also without them (an integer column). */
export function customerNumberStoredForms(value: string): string[] {
  const forms = [value, value.toUpperCase(), value.toLowerCase()];
  if (/^0+\d+$/.test(value)) forms.push(value.replace(/^0+(?=\d)/, ''));
  return unique(forms);
}

// ---------------------------------------------------------------------------------------------------------------
// The input and its expansion
// ---------------------------------------------------------------------------------------------------------------

const MAX_PER_KIND = 10;

const validList = (check: (value: string) => string | null, message: string, max: number) =>
  z
    .array(z.string().max(max, { error: 'validation.too_long' }))
    .max(MAX_PER_KIND, { error: 'validation.too_many' })
    .default([])
    .superRefine((values, context) => {
      for (const [index, value] of values.entries())
        if (check(value) === null) context.addIssue({ code: 'custom', path: [index], message });
    });

/**
 * Who to look for: every list optional (`ZSubjectIdentityExtra`: what an officer adds to a request's own
 * identities), and in `ZSubjectIdentity` at least one value in all. Each value is validated for its kind (an IBAN by
 * its check digits, a BSN by the elfproef); error messages are i18n keys.
 */
export const ZSubjectIdentityExtra = z.strictObject({
  emails: validList(normaliseEmail, 'validation.invalid_email', 320),
  phones: validList(normalisePhone, 'validation.phone_format', 40),
  names: validList(normaliseName, 'validation.required', 200),
  customerNumbers: validList(normaliseCustomerNumber, 'validation.required', 100),
  ibans: validList(normaliseIban, 'validation.iban_invalid', 50),
  bsns: validList(normaliseBsn, 'validation.bsn_invalid', 20),
});

export const ZSubjectIdentity = ZSubjectIdentityExtra.refine(
  (identity) => Object.values(identity).some((list) => list.length > 0),
  {
    error: 'validation.identity_empty',
  },
);
export type TSubjectIdentity = z.output<typeof ZSubjectIdentity>;
export type TSubjectIdentityInput = z.input<typeof ZSubjectIdentity>;

/**
 * What connectors search for (the shape of `SubjectIdentity` in src/connectors/connector.ts): e-mail addresses and
 * names normalised (stores compare them case-insensitively), every other kind as the list of forms a store may hold
 * (compared exactly). `canonical` keeps the one normalised value per kind, for showing and hashing.
 */
export interface ExpandedIdentity {
  emails: string[];
  phones: string[];
  names: string[];
  customerNumbers: string[];
  ibans: string[];
  bsns: string[];
  canonical: Record<TIdentityKind, string[]>;
}

/** Expands a validated identity; values that do not normalise (when called on unvalidated input) are left out. */
export function expandIdentity(identity: Partial<Record<keyof TSubjectIdentity, readonly string[]>>): ExpandedIdentity {
  const canon = (values: readonly string[] | undefined, normalise: (value: string) => string | null) =>
    unique((values ?? []).flatMap((value) => normalise(value) ?? []));
  const canonical: Record<TIdentityKind, string[]> = {
    email: canon(identity.emails, normaliseEmail),
    phone: canon(identity.phones, normalisePhone),
    name: canon(identity.names, normaliseName),
    customer_number: canon(identity.customerNumbers, normaliseCustomerNumber),
    iban: canon(identity.ibans, normaliseIban),
    bsn: canon(identity.bsns, normaliseBsn),
  };
  return {
    emails: canonical.email,
    phones: unique(canonical.phone.flatMap(phoneStoredForms)),
    names: canonical.name,
    customerNumbers: unique(canonical.customer_number.flatMap(customerNumberStoredForms)),
    ibans: unique(canonical.iban.flatMap(ibanStoredForms)),
    bsns: unique(canonical.bsn.flatMap(bsnStoredForms)),
    canonical,
  };
}

/**
 * The canonical value a stored value stands for, or null when it is not of that kind: what a connector's match is
 * shown as, and how a caller checks that a found record really holds the person's value.
 */
export function canonicalOf(kind: TIdentityKind, stored: string): string | null {
  switch (kind) {
    case 'email':
      return normaliseEmail(stored);
    case 'phone':
      return normalisePhone(stored);
    case 'name':
      return normaliseName(stored)?.toLowerCase() ?? null;
    case 'customer_number':
      return normaliseCustomerNumber(stored);
    case 'iban':
      return normaliseIban(stored);
    case 'bsn':
      return normaliseBsn(stored);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
