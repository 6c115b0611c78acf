import { describe, expect, it } from 'vitest';
import { capitalise, countryName, formatDate, toCalendarDate } from './format.ts';
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

describe('formatDate', () => {
  it('shows a calendar date as that day in every time zone', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(formatDate('2018-01-01', 'en')).toBe('1 Jan 2018');
      expect(formatDate('2018-01-01', 'nl')).toBe('1 jan 2018');
    } finally {
      process.env.TZ = previous;
    }
  });
});
