import type { Locale } from '../../i18n/index.ts';

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar date (YYYY-MM-DD) written out in full: "woensdag 23 december 2026". */
export function longDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant as the office reads it, in Europe/Amsterdam whatever the browser's zone: "23 nov 2026 10:15". */
export function amsterdamDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** How urgent a deadline is, for its colour: overdue red, within a week orange. */
export function urgencyOf(deadline: { isOverdue: boolean; calendarDaysLeft: number }): 'overdue' | 'soon' | 'later' {
  if (deadline.isOverdue) return 'overdue';
  return deadline.calendarDaysLeft <= 7 ? 'soon' : 'later';
}

/** Whether the desk offers the extension: once, while the first month runs, on a request still open. */
export function canExtend(
  request: { status: string; deadline: { isExtended: boolean; extensionNoticeDue: string } },
  today: string,
): boolean {
  return request.status !== 'closed' && !request.deadline.isExtended && today <= request.deadline.extensionNoticeDue;
}

/** Today's date in Europe/Amsterdam as YYYY-MM-DD. */
export function amsterdamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}
