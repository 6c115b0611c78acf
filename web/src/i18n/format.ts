import type { Locale } from './index.ts';

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** "23 nov 2026 10:15" in the person's language and the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A calendar date (`2018-01-01`) or an instant, as a date. A calendar date is no instant: read as one it would be
 * midnight UTC, which is the previous day west of Greenwich, so it is formatted in UTC as it was given.
 */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const isCalendarDate = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    ...(isCalendarDate ? { timeZone: 'UTC' } : {}),
  });
  return format.format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** The country's name in the person's language ("Nederland", "Netherlands"). */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A calendar date (YYYY-MM-DD) in local time, as the API's date filters expect. */
export function toCalendarDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Sentence case for labels built from lower-case words ("privacy officer" → "Privacy officer"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
