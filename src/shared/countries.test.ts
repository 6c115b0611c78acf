import { describe, expect, it } from 'vitest';
import reference from '../../reference/countries.json' with { type: 'json' };
import { COUNTRY_CODES, normaliseCountryCode } from './countries.ts';

describe('COUNTRY_CODES', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, unique, sorted, upper case', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect([...COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES]);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('contains every country reference/countries.json names', () => {
    const named = [...reference.eu, ...reference.eeaNonEu, ...reference.adequacy.map((entry) => entry.code)];
    for (const code of named) expect(normaliseCountryCode(code), code).toBe(code);
  });
});

describe('normaliseCountryCode, driven by the testCases of reference/countries.json', () => {
  const cases = reference.testCases.map((testCase) => [testCase.country, testCase.expect] as const);

  it.each(cases.filter(([, expected]) => expected === 'invalid-country-code'))('%s is no country code', (input) => {
    expect(normaliseCountryCode(input)).toBeUndefined();
  });

  it.each(cases.filter(([, expected]) => expected !== 'invalid-country-code'))('%s is a country code', (input) => {
    const code = normaliseCountryCode(input);
    expect(code).toMatch(/^[A-Z]{2}$/);
    expect(COUNTRY_CODES).toContain(code);
  });

  it('stores the ISO spelling of the EU and UK aliases (isoNotes)', () => {
    expect(normaliseCountryCode('EL')).toBe('GR');
    expect(normaliseCountryCode('UK')).toBe('GB');
    expect(normaliseCountryCode('el')).toBe('GR');
  });

  it('is case-insensitive and trims, storing upper case', () => {
    expect(normaliseCountryCode('nl')).toBe('NL');
    expect(normaliseCountryCode(' De ')).toBe('DE');
  });

  it.each(['XX', '', 'N', 'NLD', 'EU', '12'])('refuses %j', (input) => {
    expect(normaliseCountryCode(input)).toBeUndefined();
  });
});
