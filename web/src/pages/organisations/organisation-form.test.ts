import { describe, expect, it } from 'vitest';
import {
  changedFields,
  emptyOrganisation,
  privacyContactValuesOf,
  toOrganisationInput,
  toPrivacyContact,
} from './organisation-form.ts';

describe('organisation form values', () => {
  it('sends an empty KvK number as none', () => {
    expect(toOrganisationInput({ ...emptyOrganisation('nl'), kvkNumber: '  ' }).kvkNumber).toBeNull();
    expect(toOrganisationInput({ ...emptyOrganisation('nl'), kvkNumber: '12345678' }).kvkNumber).toBe('12345678');
  });

  it('sends no privacy contact when none is designated, whatever was typed', () => {
    const values = { ...privacyContactValuesOf(null), name: 'Iemand', email: 'iemand@example.nl' };
    expect(toPrivacyContact(values)).toBeNull();
  });

  it('sends the firm only for an external officer, and an empty phone as none', () => {
    const internal = {
      ...privacyContactValuesOf(null),
      hasContact: true,
      kind: 'dpo' as const,
      name: 'Fatima El Amrani',
      email: 'fg@example.nl',
      phone: '',
      organisation: 'Privacy Partners BV',
    };
    expect(toPrivacyContact(internal)).toEqual({
      kind: 'dpo',
      name: 'Fatima El Amrani',
      email: 'fg@example.nl',
      phone: null,
      isExternal: false,
      organisation: null,
    });
    expect(toPrivacyContact({ ...internal, isExternal: true })?.organisation).toBe('Privacy Partners BV');
  });
});

describe('changedFields', () => {
  it('keeps only what differs, comparing nested values by content', () => {
    const before = { name: 'A', city: 'Utrecht', privacyContact: { name: 'X' }, requireMfa: false };
    const after = { name: 'A', city: 'Amersfoort', privacyContact: { name: 'X' }, requireMfa: false };
    expect(changedFields(before, after)).toEqual({ city: 'Amersfoort' });
  });

  it('is empty when nothing changed', () => {
    expect(changedFields({ slug: 'de-wit' }, { slug: 'de-wit' })).toEqual({});
  });
});
