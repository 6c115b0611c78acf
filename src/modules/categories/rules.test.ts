import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES } from './defaults.ts';
import { bothNames, canDelete, keyFromName, localName, nextFreeKey } from './rules.ts';

describe('keyFromName', () => {
  it('lower-cases, drops accents and joins words with dashes', () => {
    expect(keyFromName('Klantgegevens (CRM)')).toBe('klantgegevens-crm');
    expect(keyFromName('Financiële gegevens')).toBe('financiele-gegevens');
    expect(keyFromName('  BSN / burgerservicenummer  ')).toBe('bsn-burgerservicenummer');
  });

  it('falls back to "category" when nothing usable is left', () => {
    expect(keyFromName('!!!')).toBe('category');
    expect(keyFromName('日本語')).toBe('category');
  });

  it('keeps keys at most 60 characters without a trailing dash', () => {
    const key = keyFromName(`${'a'.repeat(59)} bcd`);
    expect(key).toBe('a'.repeat(59));
    expect(keyFromName('x'.repeat(80))).toHaveLength(60);
  });
});

describe('nextFreeKey', () => {
  it('keeps a free key and numbers a taken one from 2', () => {
    expect(nextFreeKey('health', new Set())).toBe('health');
    expect(nextFreeKey('health', new Set(['health']))).toBe('health-2');
    expect(nextFreeKey('health', new Set(['health', 'health-2', 'health-3']))).toBe('health-4');
  });
});

describe('bothNames and localName', () => {
  it('copies the one name given into the other language', () => {
    expect(bothNames({ nameNl: 'Klantdossier' })).toEqual({ nameNl: 'Klantdossier', nameEn: 'Klantdossier' });
    expect(bothNames({ nameEn: 'Client file' })).toEqual({ nameNl: 'Client file', nameEn: 'Client file' });
    expect(bothNames({ nameNl: 'Klantdossier', nameEn: 'Client file' })).toEqual({
      nameNl: 'Klantdossier',
      nameEn: 'Client file',
    });
  });

  it("shows the name in the reader's language", () => {
    const category = { nameNl: 'Gezondheidsgegevens', nameEn: 'Health data' };
    expect(localName(category, 'nl')).toBe('Gezondheidsgegevens');
    expect(localName(category, 'en')).toBe('Health data');
  });
});

describe('canDelete', () => {
  it('allows deleting only what nothing refers to', () => {
    expect(canDelete(0)).toBe(true);
    expect(canDelete(1)).toBe(false);
  });
});

describe('the default categories', () => {
  it('have unique keys that keyFromName would keep as they are', () => {
    for (const list of [DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES]) {
      const keys = list.map((category) => category.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(keyFromName(key)).toBe(key);
    }
  });

  it('are named in both languages and flag the special, criminal and national-id categories', () => {
    for (const category of [...DEFAULT_DATA_CATEGORIES, ...DEFAULT_SUBJECT_CATEGORIES]) {
      expect(category.nl.trim()).not.toBe('');
      expect(category.en.trim()).not.toBe('');
    }
    const flagged = (flag: 'isSpecial' | 'isCriminal' | 'isNationalId') =>
      DEFAULT_DATA_CATEGORIES.filter((category) => category.flags?.[flag]).map((category) => category.key);
    expect(flagged('isSpecial')).toContain('health');
    expect(flagged('isCriminal')).toContain('criminal');
    expect(flagged('isNationalId')).toContain('bsn');
  });
});
