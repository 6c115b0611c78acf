import { Temporal } from 'temporal-polyfill';
import type { FieldError } from '../../platform/errors.ts';
import { TIME_ZONE } from '../../shared/dates.ts';

/**
 * The 72-hour clock of Art. 33(1) GDPR. The deadline is the moment of awareness plus 72 clock hours: nights,
 * weekends and holidays count (Regulation 1182/71 art. 3(3)), and a period in hours is never moved to a working day
 * (its art. 3(4) moves only periods expressed otherwise than in hours). Clock hours are elapsed time, so a daylight
 * saving change inside the period moves the deadline's wall-clock time, not its instant.
 * Pure: time is a parameter.
 */

export const NOTIFICATION_HOURS = 72;
/** Reminders go out when this many hours are left. */
export const REMINDER_HOURS_LEFT = [24, 8] as const;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A moment shown as people in the Netherlands read it: date, time and the offset in force then. */
export interface LocalMoment {
  /** ISO date, e.g. `2026-10-26`. */
  date: string;
  /** 24-hour time, e.g. `09:00`. */
  time: string;
  /** UTC offset in force at that moment, e.g. `+01:00` (winter) or `+02:00` (summer). */
  offset: string;
  timeZone: string;
}

export interface ClockReminder {
  hoursLeft: (typeof REMINDER_HOURS_LEFT)[number];
  at: Date;
  local: LocalMoment;
  /** The reminder's moment has passed (at `now`, or at the notification if there is one). */
  isDue: boolean;
}

export interface ClockStatus {
  awareAt: Date;
  deadline: Date;
  deadlineLocal: LocalMoment;
  /** The moment the clock is read at: the notification if it was made, else `now` (the clock stops at notifying). */
  measuredAt: Date;
  /** Whole minutes left until the deadline; negative once it has passed. */
  minutesLeft: number;
  /** Hours and minutes of `|minutesLeft|`, for display: "13 h 05 min left" or "2 h 10 min over". */
  hours: number;
  minutes: number;
  isOverdue: boolean;
  isNotified: boolean;
  /** Art. 33(1): a notification after the deadline states the reasons for the delay (also true for one still to make). */
  needsDelayReason: boolean;
  reminders: ClockReminder[];
}

/** An instant as a date, time and offset in Europe/Amsterdam. */
export function localMoment(at: Date, timeZone = TIME_ZONE): LocalMoment {
  const zoned = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
    offset: zoned.offset,
    timeZone,
  };
}

/** The last moment to notify the authority: awareness + 72 elapsed hours. */
export function notificationDeadline(awareAt: Date): Date {
  const instant = Temporal.Instant.fromEpochMilliseconds(awareAt.getTime()).add({ hours: NOTIFICATION_HOURS });
  return new Date(instant.epochMilliseconds);
}

/** Minutes between two instants, rounded towards zero so "0 min left" is never shown while time is left over. */
function wholeMinutes(from: Date, to: Date): number {
  return Math.trunc((to.getTime() - from.getTime()) / MINUTE_MS);
}

/**
 * Where the clock of one incident stands. `notifiedAt` stops the clock: hours left, overdue and the delay reason
 * are judged at the notification. Without it they are judged at `now`.
 */
export function clockStatus(input: { awareAt: Date; now: Date; notifiedAt?: Date | null }): ClockStatus {
  const { awareAt, now } = input;
  const notifiedAt = input.notifiedAt ?? null;
  const deadline = notificationDeadline(awareAt);
  const measuredAt = notifiedAt ?? now;
  const minutesLeft = wholeMinutes(measuredAt, deadline);
  const isOverdue = measuredAt.getTime() > deadline.getTime();
  const magnitude = Math.abs(minutesLeft);
  const reminders = REMINDER_HOURS_LEFT.map((hoursLeft) => {
    const at = new Date(deadline.getTime() - hoursLeft * HOUR_MS);
    return { hoursLeft, at, local: localMoment(at), isDue: measuredAt.getTime() >= at.getTime() };
  });
  return {
    awareAt,
    deadline,
    deadlineLocal: localMoment(deadline),
    measuredAt,
    minutesLeft,
    hours: Math.floor(magnitude / 60),
    minutes: magnitude % 60,
    isOverdue,
    isNotified: notifiedAt !== null,
    needsDelayReason: isOverdue,
    reminders,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Impossible input → field errors (message keys `validation.<code>`)
// ---------------------------------------------------------------------------------------------------------------

export interface BreachTimes {
  /** When the breach happened (or started), if known. */
  occurredAt?: Date | null;
  awareAt: Date;
  notifiedAt?: Date | null;
}

const isAfter = (a: Date, b: Date) => a.getTime() > b.getTime();

/**
 * What is impossible about an incident's moments at `now`: awareness before the breach happened, a moment in the
 * future, a notification before awareness. Returns field errors, empty when all is possible.
 */
export function breachTimeErrors(times: BreachTimes, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const { occurredAt, awareAt, notifiedAt } = times;
  if (occurredAt && isAfter(occurredAt, now)) errors.push({ path: 'occurredAt', code: 'breach_occurred_in_future' });
  if (isAfter(awareAt, now)) errors.push({ path: 'awareAt', code: 'breach_aware_in_future' });
  if (occurredAt && isAfter(occurredAt, awareAt))
    errors.push({ path: 'awareAt', code: 'breach_aware_before_occurred' });
  if (notifiedAt && isAfter(notifiedAt, now)) errors.push({ path: 'notifiedAt', code: 'breach_notified_in_future' });
  if (notifiedAt && isAfter(awareAt, notifiedAt))
    errors.push({ path: 'notifiedAt', code: 'breach_notified_before_aware' });
  return errors;
}

/** Counts of people and records: whole numbers of at least zero, or absent when unknown. */
export function breachCountErrors(counts: Record<string, number | null | undefined>): FieldError[] {
  return Object.entries(counts)
    .filter(([, value]) => value !== null && value !== undefined)
    .filter(([, value]) => !Number.isSafeInteger(value) || (value as number) < 0)
    .map(([path, value]) => ({
      path,
      code: Number.isSafeInteger(value) ? 'breach_count_negative' : 'breach_count_not_whole',
    }));
}
