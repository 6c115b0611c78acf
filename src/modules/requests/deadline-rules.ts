import { Temporal } from 'temporal-polyfill';
import { invalidField } from '../../platform/errors.ts';
import { TIME_ZONE } from '../../shared/dates.ts';

/**
 * The legal deadline of a data-subject request (Art. 12(3) GDPR), computed as reference/deadlines.md says:
 * Regulation 1182/71 month arithmetic on the Europe/Amsterdam date of receipt, and a period that ends on a Saturday,
 * Sunday or Dutch public holiday (Algemene termijnenwet art. 3(1)) ends on the next working day instead.
 * Pure: no clock, no I/O; dates are ISO `YYYY-MM-DD` strings.
 */

/** A name in both languages privacydesk speaks. */
export interface LocalisedName {
  nl: string;
  en: string;
}

export type PublicHolidayId =
  | 'newYearsDay'
  | 'easterMonday'
  | 'kingsDay'
  | 'liberationDay'
  | 'ascensionDay'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay';

/** An *algemeen erkende feestdag* of Atw art. 3(1): a period ending on it moves to the next working day. */
export interface PublicHoliday {
  id: PublicHolidayId;
  date: string;
  name: LocalisedName;
}

const HOLIDAY_NAMES: Record<PublicHolidayId, LocalisedName> = {
  newYearsDay: { nl: 'Nieuwjaarsdag', en: "New Year's Day" },
  easterMonday: { nl: 'Tweede Paasdag', en: 'Easter Monday' },
  kingsDay: { nl: 'Koningsdag', en: "King's Day" },
  liberationDay: { nl: 'Bevrijdingsdag', en: 'Liberation Day' },
  ascensionDay: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
  whitMonday: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
  christmasDay: { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
  boxingDay: { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
};

const plainDate = (date: string) => Temporal.PlainDate.from(date, { overflow: 'reject' });
const SUNDAY = 7;
const SATURDAY = 6;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day }).toString();
}

/**
 * The day the monarch's birthday is celebrated (Atw: "de dag waarop de verjaardag van de Koning wordt gevierd"):
 * King's Day 27 April from 2014 (26 April when the 27th is a Sunday); Queen's Day 30 April before, moved to
 * 29 April (1980–2013) or 1 May (1949–1979) when the 30th was a Sunday.
 */
function monarchsDay(year: number): Temporal.PlainDate {
  const [day, sundayShift] = year >= 2014 ? [27, -1] : year >= 1980 ? [30, -1] : [30, 1];
  const date = Temporal.PlainDate.from({ year, month: 4, day });
  return date.dayOfWeek === SUNDAY ? date.add({ days: sundayShift }) : date;
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();

/** The years the holiday rules cover (the monarch's-day rules start in 1949). */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 9999;

/** The Dutch public holidays of Atw art. 3(1) in a year, in date order, computed from Easter. */
export function dutchPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    throw new RangeError(`no Dutch public holidays computed for ${year}`);
  const easter = plainDate(easterSunday(year));
  const fixed = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const dates: [PublicHolidayId, Temporal.PlainDate][] = [
    ['newYearsDay', fixed(1, 1)],
    ['easterMonday', easter.add({ days: 1 })],
    ['kingsDay', monarchsDay(year)],
    ['liberationDay', fixed(5, 5)],
    ['ascensionDay', easter.add({ days: 39 })],
    ['whitMonday', easter.add({ days: 50 })],
    ['christmasDay', fixed(12, 25)],
    ['boxingDay', fixed(12, 26)],
  ];
  const holidays = Object.freeze(
    dates
      .map(([id, date]) => Object.freeze({ id, date: date.toString(), name: HOLIDAY_NAMES[id] }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  );
  holidayCache.set(year, holidays);
  return holidays;
}

/** The public holiday on a date, if it is one. */
export function publicHolidayOn(date: string): PublicHoliday | undefined {
  const { year } = plainDate(date);
  return dutchPublicHolidays(year).find((holiday) => holiday.date === date);
}

// ---------------------------------------------------------------------------------------------------------------
// Days equated with holidays "for the application of the Atw": kept as data, deliberately not rolled over
// ---------------------------------------------------------------------------------------------------------------

/** A day the Atw equates with a public holiday; privacydesk does not move a GDPR deadline past it (deadlines.md). */
export interface EquatedDay {
  date: string;
  kind: 'goodFriday' | 'bridgingDay';
  name: LocalisedName;
  /** Where the equation is made. */
  source: string;
}

const GOOD_FRIDAY_SOURCE = 'Algemene termijnenwet art. 3(2)';

/** Bridging days equated by royal decree (Atw art. 3(3)), one decree every three years. Extend with each decree. */
export const BRIDGING_DAYS: readonly { date: string; source: string }[] = [
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
].map((date) => ({
  date,
  source: 'Algemene termijnenwet art. 3(3), koninklijk besluit voor 2026–2028 (Staatscourant)',
}));

const GOOD_FRIDAY_NAME: LocalisedName = { nl: 'Goede Vrijdag', en: 'Good Friday' };
const BRIDGING_DAY_NAME: LocalisedName = { nl: 'brugdag', en: 'bridging day' };

/**
 * The equated day on a date, if it is one: reported with a due date that falls on it, so the UI can say that
 * Dutch statutory periods would move past it and this deadline does not.
 */
export function equatedDayNote(date: string): EquatedDay | undefined {
  const easter = plainDate(easterSunday(plainDate(date).year));
  if (date === easter.subtract({ days: 2 }).toString())
    return { date, kind: 'goodFriday', name: GOOD_FRIDAY_NAME, source: GOOD_FRIDAY_SOURCE };
  const bridging = BRIDGING_DAYS.find((day) => day.date === date);
  return bridging ? { date, kind: 'bridgingDay', name: BRIDGING_DAY_NAME, source: bridging.source } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Receipt and deadline
// ---------------------------------------------------------------------------------------------------------------

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The Europe/Amsterdam date a request was received: `received` is a date (YYYY-MM-DD, already Amsterdam) or an
 * instant with `Z` or an offset (2026-01-30T23:30:00Z arrived on 2026-01-31). Anything else is an `invalid` AppError
 * on the field `received` (code `invalid_receipt`), as is a date outside the years 1949–9998.
 */
export function receiptDate(received: string): string {
  const date = parsedReceipt(received.trim());
  // A deadline up to 3 months later must stay within the years the holiday rules cover.
  if (date && date.year >= FIRST_YEAR && date.year < LAST_YEAR) return date.toString();
  throw invalidField('received', 'invalid_receipt');
}

function parsedReceipt(value: string): Temporal.PlainDate | undefined {
  try {
    if (DATE_FORMAT.test(value)) return plainDate(value);
    if (INSTANT_FORMAT.test(value)) return Temporal.Instant.from(value).toZonedDateTimeISO(TIME_ZONE).toPlainDate();
  } catch {
    // An impossible date or time (2026-02-30, 25:00): the same answer as a wrong format.
  }
  return undefined;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[plainDate(date).dayOfWeek - 1]!;
}

/** A day the period could not end on, and why. */
export interface RolledDay {
  date: string;
  reason: 'saturday' | 'sunday' | 'public_holiday';
  /** With `public_holiday`: which one. */
  holiday?: PublicHoliday;
}

/** Why a date is not a working day (1182/71 art. 3(4)), or undefined when it is one. */
function nonWorkingReason(date: Temporal.PlainDate): RolledDay | undefined {
  const text = date.toString();
  if (date.dayOfWeek === SATURDAY) return { date: text, reason: 'saturday' };
  if (date.dayOfWeek === SUNDAY) return { date: text, reason: 'sunday' };
  const holiday = publicHolidayOn(text);
  return holiday ? { date: text, reason: 'public_holiday', holiday } : undefined;
}

/** Not a Saturday, Sunday or Dutch public holiday (equated days count as working days: deadlines.md). */
export function isWorkingDay(date: string): boolean {
  return nonWorkingReason(plainDate(date)) === undefined;
}

/** The first working day on or after `date`, with the days passed over. */
function rollToWorkingDay(date: Temporal.PlainDate): { due: string; rolledOver: RolledDay[] } {
  const rolledOver: RolledDay[] = [];
  let day = date;
  for (let reason = nonWorkingReason(day); reason; reason = nonWorkingReason(day)) {
    rolledOver.push(reason);
    day = day.add({ days: 1 });
  }
  return { due: day.toString(), rolledOver };
}

export interface RequestDeadline {
  /** The Europe/Amsterdam date of receipt (not counted: 1182/71 art. 3(1)). */
  receivedOn: string;
  extended: boolean;
  /** 1, or 3 when extended: the extension is computed from receipt in one step. */
  months: 1 | 3;
  /** The same date `months` later, or that month's last day when it has no such date (1182/71 art. 3(2)(c)). */
  periodEnd: string;
  /** The last day to answer: `periodEnd`, or the first working day after it (1182/71 art. 3(4)). */
  due: string;
  dueWeekday: Weekday;
  /** `periodEnd` is the last day of its month because that month has no day with the date of receipt. */
  isLastDayOfShorterMonth: boolean;
  rolledOver: RolledDay[];
  /** Set when `due` is a day the Atw equates with a holiday, which this deadline does not move past. */
  equatedDay?: EquatedDay;
}

/**
 * The Art. 12(3) deadline of a request received at `received` (see `receiptDate`): one month after receipt, or
 * three when `extended` — three months from the date of receipt, never two months added to the rolled one-month
 * date (rolling twice could end later than the law allows).
 */
export function requestDeadline(input: { received: string; extended?: boolean }): RequestDeadline {
  const receivedOn = receiptDate(input.received);
  const extended = input.extended === true;
  const months = extended ? 3 : 1;
  const start = plainDate(receivedOn);
  const end = start.add({ months }, { overflow: 'constrain' });
  const { due, rolledOver } = rollToWorkingDay(end);
  const equatedDay = equatedDayNote(due);
  return {
    receivedOn,
    extended,
    months,
    periodEnd: end.toString(),
    due,
    dueWeekday: weekdayOf(due),
    isLastDayOfShorterMonth: end.day !== start.day,
    rolledOver,
    ...(equatedDay ? { equatedDay } : {}),
  };
}

/**
 * The last day to tell the person that the period is extended, with the reasons (Art. 12(3)): within the first
 * month, i.e. the normal (one-month) due date.
 */
export function extensionNoticeDue(input: { received: string }): string {
  return requestDeadline({ received: input.received, extended: false }).due;
}

export interface DeadlineStatus {
  /** Calendar days from `today` to `due`: 0 on the day itself, negative once overdue. */
  calendarDaysLeft: number;
  /** Working days after `today` up to and including `due`; once overdue, minus the working days since `due`. */
  workingDaysLeft: number;
  isOverdue: boolean;
}

/** Working days d with from < d ≤ to (none when to ≤ from). */
function workingDaysAfter(from: Temporal.PlainDate, to: Temporal.PlainDate): number {
  let count = 0;
  for (let day = from.add({ days: 1 }); Temporal.PlainDate.compare(day, to) <= 0; day = day.add({ days: 1 }))
    if (!nonWorkingReason(day)) count++;
  return count;
}

/** Where a deadline stands on `today` (an Europe/Amsterdam date): the timer the officer sees. */
export function deadlineStatus(input: { due: string; today: string }): DeadlineStatus {
  const due = plainDate(input.due);
  const today = plainDate(input.today);
  const calendarDaysLeft = today.until(due, { largestUnit: 'days' }).days;
  const isOverdue = calendarDaysLeft < 0;
  const workingDaysLeft = isOverdue ? 0 - workingDaysAfter(due, today) || 0 : workingDaysAfter(today, due);
  return { calendarDaysLeft, workingDaysLeft, isOverdue };
}

export type ReminderKind = 'week_before' | 'day_before' | 'due_day';

/** When to remind the assignee (deadlines.md "Reminders"): 7 days and 1 day before `due`, and on the day. */
export function reminderDates(due: string): { kind: ReminderKind; date: string }[] {
  const day = plainDate(due);
  return [
    { kind: 'week_before', date: day.subtract({ days: 7 }).toString() },
    { kind: 'day_before', date: day.subtract({ days: 1 }).toString() },
    { kind: 'due_day', date: due },
  ];
}
