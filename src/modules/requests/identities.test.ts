import { describe, expect, it } from 'vitest';
import reference from '../../../reference/identifiers-nl.json' with { type: 'json' };
import {
  bsnStoredForms,
  canonicalOf,
  customerNumberStoredForms,
  expandIdentity,
  ibanStoredForms,
  normaliseBsn,
  normaliseCustomerNumber,
  normaliseEmail,
  normaliseIban,
  normaliseName,
  normalisePhone,
  phoneStoredForms,
  ZSubjectIdentity,
} from './identities.ts';

/** Every value of reference/identifiers-nl.json for e-mail, phone, IBAN and BSN is a case; none is restated. */
describe('identities, driven by reference/identifiers-nl.json', () => {
  describe('e-mail', () => {
    it.each(reference.email.sameAddress)('%j is the same address', (value) => {
      expect(normaliseEmail(value)).toBe(normaliseEmail(reference.email.sameAddress[0]!));
    });
    it.each(reference.email.differentAddress)('%j is another address (no +tag or dot stripping)', (value) => {
      expect(normaliseEmail(value)).not.toBeNull();
      expect(normaliseEmail(value)).not.toBe(normaliseEmail(reference.email.sameAddress[0]!));
    });
    it.each(['', 'jan', 'jan@', '@example.nl', 'jan@example', 'a b@example.nl'])('%j is no address', (value) => {
      expect(normaliseEmail(value)).toBeNull();
    });
  });

  describe('phone', () => {
    it.each(reference.phone.sameNumber)('%j is +31612345678', (value) => {
      expect(normalisePhone(value)).toBe('+31612345678');
    });
    it.each(reference.phone.landlineSameNumber)('%j is +31201234567', (value) => {
      expect(normalisePhone(value)).toBe('+31201234567');
    });
    it.each(reference.phone.invalid)('%j is refused', (value) => expect(normalisePhone(value)).toBeNull());
    it.each([
      ['+31 (0)6 12345678', '+31612345678'],
      ['+49 30 1234567', '+49301234567'],
      ['0049301234567', '+49301234567'],
    ])('%j is %s', (value, e164) => expect(normalisePhone(value)).toBe(e164));
    it.each(['06-1234567a', '+', '0', '+31', '00', '+0123456789'])('%j is refused', (value) => {
      expect(normalisePhone(value)).toBeNull();
    });

    it('the stored forms hold every spelling of the reference, and nothing with other digits', () => {
      const forms = phoneStoredForms('+31612345678');
      for (const value of [...reference.phone.sameNumber, '06 12 34 56 78']) expect(forms).toContain(value);
      // The bare digits (a number column) are the only form without a prefix.
      for (const form of forms) expect(normalisePhone(form) ?? `+${form}`).toBe('+31612345678');
    });
    it('the stored forms of a landline hold its usual spellings', () => {
      const forms = phoneStoredForms('+31201234567');
      for (const value of reference.phone.landlineSameNumber) expect(forms).toContain(value);
      for (const form of forms) expect(normalisePhone(form) ?? `+${form}`).toBe('+31201234567');
    });
    it('a foreign number has its international forms only', () => {
      expect(phoneStoredForms('+49301234567')).toEqual(['+49301234567', '0049301234567', '49301234567']);
    });
  });

  describe('IBAN', () => {
    it.each(reference.iban.valid)('%j is valid', (value) => {
      expect(normaliseIban(value)).toBe(value.replace(/\s/g, ''));
    });
    it.each(reference.iban.invalid)('%j is invalid', (value) => expect(normaliseIban(value)).toBeNull());
    it('lower case and dashes are the same IBAN; the stored forms are compact and grouped', () => {
      expect(normaliseIban('nl91-abna-0417-1643-00')).toBe('NL91ABNA0417164300');
      expect(ibanStoredForms('NL91ABNA0417164300')).toEqual([
        'NL91ABNA0417164300',
        'NL91 ABNA 0417 1643 00',
        'nl91abna0417164300',
        'nl91 abna 0417 1643 00',
      ]);
    });
  });

  describe('BSN', () => {
    it.each(reference.bsn.valid)('%j is valid', (value) => expect(normaliseBsn(value)).toBe(value));
    it.each(reference.bsn.invalid)('%j is invalid', (value) => expect(normaliseBsn(value)).toBeNull());
    it('an 8-digit number is padded; a stored 8-digit or dotted form is listed', () => {
      expect(normaliseBsn('12345672')).toBe('012345672');
      expect(normaliseBsn('1234.56.782')).toBe('123456782');
      expect(bsnStoredForms('012345672')).toEqual(['012345672', '0123.45.672', '12345672']);
      expect(bsnStoredForms('123456782')).toEqual(['123456782', '1234.56.782']);
    });
  });

  describe('names and customer numbers', () => {
    it('a name is trimmed with its white space collapsed', () => {
      expect(normaliseName('  Jan   de  Vries ')).toBe('Jan de Vries');
      expect(normaliseName('   ')).toBeNull();
    });
    it('a customer number is trimmed; its forms add the cases and the number without leading zeros', () => {
      expect(normaliseCustomerNumber(' k-00042 ')).toBe('k-00042');
      expect(customerNumberStoredForms('k-00042')).toEqual(['k-00042', 'K-00042']);
      expect(customerNumberStoredForms('000420')).toEqual(['000420', '420']);
    });
  });
});

describe('ZSubjectIdentity', () => {
  it('accepts any one kind and defaults the others to empty lists', () => {
    expect(ZSubjectIdentity.parse({ phones: ['06-12345678'] })).toEqual({
      emails: [],
      phones: ['06-12345678'],
      names: [],
      customerNumbers: [],
      ibans: [],
      bsns: [],
    });
  });
  it('refuses an empty identity', () => {
    const result = ZSubjectIdentity.safeParse({ emails: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['validation.identity_empty']);
  });
  it('names each invalid value by its path and an i18n key', () => {
    const result = ZSubjectIdentity.safeParse({
      emails: ['jan@example.nl', 'not an address'],
      phones: ['12345678'],
      ibans: ['NL91ABNA0417164301'],
      bsns: ['123456789'],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['emails.1', 'validation.invalid_email'],
      ['phones.0', 'validation.phone_format'],
      ['ibans.0', 'validation.iban_invalid'],
      ['bsns.0', 'validation.bsn_invalid'],
    ]);
  });
  it('bounds the number and length of values', () => {
    expect(ZSubjectIdentity.safeParse({ names: Array.from({ length: 11 }, (_, i) => `n${i}`) }).success).toBe(false);
    expect(ZSubjectIdentity.safeParse({ names: ['x'.repeat(201)] }).success).toBe(false);
  });
});

describe('expandIdentity', () => {
  it('normalises, deduplicates and expands every kind into the forms stores hold', () => {
    const expanded = expandIdentity({
      emails: [' Jan.Jansen@Example.nl ', 'jan.jansen@example.nl'],
      phones: ['06-12345678', '+31 6 12345678'],
      names: ['Jan  Jansen'],
      customerNumbers: ['C-1001'],
      ibans: ['NL91 ABNA 0417 1643 00'],
      bsns: ['12345672'],
    });
    expect(expanded.canonical).toEqual({
      email: ['jan.jansen@example.nl'],
      phone: ['+31612345678'],
      name: ['Jan Jansen'],
      customer_number: ['C-1001'],
      iban: ['NL91ABNA0417164300'],
      bsn: ['012345672'],
    });
    expect(expanded.emails).toEqual(['jan.jansen@example.nl']);
    expect(expanded.phones).toEqual(phoneStoredForms('+31612345678'));
    expect(expanded.ibans).toContain('NL91 ABNA 0417 1643 00');
    expect(expanded.bsns).toContain('12345672');
    expect(expanded.customerNumbers).toEqual(['C-1001', 'c-1001']);
  });
  it('leaves out what does not normalise, when called on unvalidated input', () => {
    const expanded = expandIdentity({ phones: ['12345678'], bsns: ['123456789'], emails: ['x'] });
    expect([expanded.phones, expanded.bsns, expanded.emails]).toEqual([[], [], []]);
  });
  it('canonicalOf() maps a stored form back to the value it stands for', () => {
    expect(canonicalOf('phone', '0031 6 12345678')).toBe('+31612345678');
    expect(canonicalOf('iban', 'nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(canonicalOf('bsn', '12345672')).toBe('012345672');
    expect(canonicalOf('name', 'JAN  Jansen')).toBe('jan jansen');
    expect(canonicalOf('email', 'nope')).toBeNull();
  });
});
