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
