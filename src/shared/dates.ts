import { Temporal } from 'temporal-polyfill';

export const TIME_ZONE = 'Europe/Amsterdam';

/** The calendar date in Amsterdam at an instant: what "today" means for legal dates. */
export function calendarDateIn(now: Date, timeZone = TIME_ZONE): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The first instant of a calendar day in Amsterdam. */
export function startOfDay(date: string, timeZone = TIME_ZONE): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime(timeZone).epochMilliseconds);
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** `dinsdag 28 april 2026` / `Tuesday 28 April 2026`. */
export function longDate(locale: 'nl' | 'en', date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
