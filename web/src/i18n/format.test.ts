import { describe, expect, it } from 'vitest';
import { capitalise, countryName, toCalendarDate } from './format.ts';
import { browserLocale } from './index.ts';

describe('browserLocale', () => {
  it("takes the browser's first language we speak", () => {
    expect(browserLocale(['de-DE', 'en-GB', 'nl-NL'])).toBe('en');
    expect(browserLocale(['nl-BE'])).toBe('nl');
  });

  it('falls back to Dutch', () => {
    expect(browserLocale(['fr-FR', 'de'])).toBe('nl');
    expect(browserLocale([])).toBe('nl');
  });
});

describe('formatting', () => {
  it('names countries in the chosen language', () => {
    expect(countryName('DE', 'nl')).toBe('Duitsland');
    expect(countryName('DE', 'en')).toBe('Germany');
  });

  it('writes a calendar date as YYYY-MM-DD in local time', () => {
    expect(toCalendarDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('capitalises the first letter only', () => {
    expect(capitalise('privacy officer')).toBe('Privacy officer');
  });
});
