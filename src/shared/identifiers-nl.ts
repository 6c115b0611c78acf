/**
 * Dutch identifiers as reference/identifiers-nl.json defines them: validation and normalisation for forms,
 * discovery and masking. Pure functions, usable on server and client.
 */

const stripSeparators = (value: string) => value.replace(/[\s.\-()]/g, '');

/** Chamber of Commerce number: exactly 8 digits, no check digit. */
export function isValidKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value.trim());
}

/** Postcode: 4 digits (not starting with 0), 2 letters (not SA, SD, SS), optionally one space. */
export function isValidPostcode(value: string): boolean {
  const match = value
    .trim()
    .toUpperCase()
    .match(/^([1-9]\d{3}) ?([A-Z]{2})$/);
  return match !== null && !['SA', 'SD', 'SS'].includes(match[2] as string);
}

export function normalisePostcode(value: string): string {
  const compact = value.trim().toUpperCase().replace(/\s+/g, '');
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** BSN (and RSIN): 9 digits passing the eleven test with weights 9..2 and -1; an 8-digit number gets a leading 0. */
export function isValidBsn(value: string): boolean {
  const digits = stripSeparators(value);
  if (!/^\d{8,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, '0');
  if (padded === '000000000') return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(padded[index]), 0);
  return sum % 11 === 0;
}

/** IBAN (ISO 13616): mod-97 check; Dutch IBANs are 18 characters. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** Dutch phone number in E.164 (+31…), or undefined when it is not one. */
export function normaliseDutchPhone(value: string): string | undefined {
  const compact = stripSeparators(value);
  let national: string | undefined;
  if (/^\+31\d{9}$/.test(compact)) national = compact.slice(3);
  else if (/^0031\d{9}$/.test(compact)) national = compact.slice(4);
  else if (/^0\d{9}$/.test(compact)) national = compact.slice(1);
  if (!national || national.startsWith('0')) return undefined;
  return `+31${national}`;
}

/** Dutch VAT id: NL, 9 digits, B, 2 digits. */
export function isValidDutchVatNumber(value: string): boolean {
  return /^NL\d{9}B\d{2}$/.test(value.replace(/\s+/g, '').toUpperCase());
}

/** E-mail addresses match case-insensitively on the whole trimmed address; +tags and dots are kept. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
