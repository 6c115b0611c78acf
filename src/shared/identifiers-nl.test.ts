import { describe, expect, it } from 'vitest';
import reference from '../../reference/identifiers-nl.json' with { type: 'json' };
import {
  isValidBsn,
  isValidDutchVatNumber,
  isValidIban,
  isValidKvkNumber,
  isValidPostcode,
  normaliseDutchPhone,
  normaliseEmail,
  normalisePostcode,
} from './identifiers-nl.ts';

/** Every value in reference/identifiers-nl.json is a test case; none is restated here. */
describe('Dutch identifiers, driven by reference/identifiers-nl.json', () => {
  describe('KvK number', () => {
    it.each(reference.kvk.valid)('%s is valid', (value) => expect(isValidKvkNumber(value)).toBe(true));
    it.each(reference.kvk.invalid)('%s is invalid', (value) => expect(isValidKvkNumber(value)).toBe(false));
  });

  describe('postcode', () => {
    it.each(reference.postcode.valid)('%s is valid', (value) => expect(isValidPostcode(value)).toBe(true));
    it.each(reference.postcode.invalid)('%s is invalid', (value) => expect(isValidPostcode(value)).toBe(false));
    it.each(reference.postcode.valid)('%s normalises to "1234 AB" form', (value) => {
      expect(normalisePostcode(value)).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      expect(isValidPostcode(normalisePostcode(value))).toBe(true);
    });
  });

  describe('BSN (eleven test)', () => {
    it.each(reference.bsn.valid)('%s is valid', (value) => expect(isValidBsn(value)).toBe(true));
    it.each(reference.bsn.invalid)('%s is invalid', (value) => expect(isValidBsn(value)).toBe(false));
    it('pads an 8-digit number with a leading 0', () => {
      const nineDigits = reference.bsn.valid.find((value) => value.startsWith('0')) as string;
      expect(isValidBsn(nineDigits.slice(1))).toBe(true);
    });
  });

  describe('IBAN', () => {
    it.each(reference.iban.valid)('%s is valid', (value) => expect(isValidIban(value)).toBe(true));
    it.each(reference.iban.invalid)('%s is invalid', (value) => expect(isValidIban(value)).toBe(false));
  });

  describe('phone numbers', () => {
    const mobile = reference.phone.sameNumber.map(normaliseDutchPhone);
    const landline = reference.phone.landlineSameNumber.map(normaliseDutchPhone);

    it('normalises every form of the same mobile number to one E.164 number', () => {
      expect(new Set(mobile)).toEqual(new Set(['+31612345678']));
    });

    it('normalises every form of the same landline number to one E.164 number', () => {
      expect(new Set(landline)).toEqual(new Set(['+31201234567']));
    });

    it.each(reference.phone.invalid)('%s is not a Dutch number', (value) => {
      expect(normaliseDutchPhone(value)).toBeUndefined();
    });
  });

  describe('e-mail addresses', () => {
    it('treats every sameAddress form as one address', () => {
      expect(new Set(reference.email.sameAddress.map(normaliseEmail)).size).toBe(1);
    });

    it('keeps +tags and dots, so differentAddress values stay different', () => {
      const same = normaliseEmail(reference.email.sameAddress[0] as string);
      for (const other of reference.email.differentAddress) expect(normaliseEmail(other)).not.toBe(same);
    });
  });

  describe('VAT number', () => {
    it.each(reference.vatNumber.valid)('%s is valid', (value) => expect(isValidDutchVatNumber(value)).toBe(true));
    it.each(reference.vatNumber.invalid)('%s is invalid', (value) => expect(isValidDutchVatNumber(value)).toBe(false));
  });
});
