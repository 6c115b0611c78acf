import type { Locale } from '../../../i18n/index.ts';

/**
 * A calendar day (YYYY-MM-DD) as "1 jan. 2018" / "1 Jan 2018". Read as a local date: `new Date('2018-01-01')` is
 * midnight UTC, which a browser west of Greenwich would show as 31 December.
 */
export function formatDay(day: string | null | undefined, locale: Locale): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(year, month - 1, date),
  );
}
