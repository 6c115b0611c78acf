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

/** A location's period in words: "1 jan. 2018 t/m 31 dec. 2020", "Sinds 1 jan. 2018", or "Sinds: onbekend". */
export function periodText(
  t: (key: string, params?: Record<string, string>) => string,
  period: { since: string | null; until: string | null },
  locale: Locale,
): string {
  const since = period.since ? formatDay(period.since, locale) : t('register.systems.location.sinceUnknownShort');
  if (period.until) return t('register.systems.location.fromTo', { since, until: formatDay(period.until, locale) });
  if (!period.since) return t('register.systems.location.sinceUnknown');
  return t('register.systems.location.sinceOnly', { since });
}
