import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { deadlines } from '../../reference/index.ts';
import {
  BRIDGING_DAYS,
  deadlineStatus,
  dutchPublicHolidays,
  easterSunday,
  equatedDayNote,
  extensionNoticeDue,
  isWorkingDay,
  publicHolidayOn,
  type RolledDay,
  receiptDate,
  reminderDates,
  requestDeadline,
  weekdayOf,
} from './deadline-rules.ts';

const DUTCH_WEEKEND: Record<string, string> = { saturday: 'zaterdag', sunday: 'zondag' };

/** A rolled-over day the way deadlines.json writes it: "2026-02-28 zaterdag", "2026-04-27 Koningsdag". */
const asVector = (day: RolledDay) =>
  `${day.date} ${day.reason === 'public_holiday' ? day.holiday?.name.nl : DUTCH_WEEKEND[day.reason]}`;

const holidayOn = (year: number, id: string) => dutchPublicHolidays(year).find((holiday) => holiday.id === id)?.date;

describe('reference/deadlines.json vectors', () => {
  it.each(deadlines.vectors.map((vector) => [`${vector.received} +${vector.months}`, vector] as const))(
    '%s',
    (_, vector) => {
      const deadline = requestDeadline({ received: vector.received, extended: vector.months === 3 });
      expect(deadline.months).toBe(vector.months);
      expect(deadline.periodEnd).toBe(vector.periodEnd);
      expect(deadline.due).toBe(vector.due);
      expect(deadline.dueWeekday).toBe(vector.dueWeekday.toLowerCase());
      expect(deadline.rolledOver.map(asVector)).toEqual(vector.rolledOver);
    },
  );

  it('covers every vector (18 in the reference at the time of writing)', () => {
    expect(deadlines.vectors.length).toBeGreaterThanOrEqual(18);
  });
});

describe('Dutch public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the eight Atw holidays of 2026 with Dutch and English names', () => {
    expect(dutchPublicHolidays(2026).map((holiday) => [holiday.date, holiday.name.nl, holiday.name.en])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag', "New Year's Day"],
      ['2026-04-06', 'Tweede Paasdag', 'Easter Monday'],
      ['2026-04-27', 'Koningsdag', "King's Day"],
      ['2026-05-05', 'Bevrijdingsdag', 'Liberation Day'],
      ['2026-05-14', 'Hemelvaartsdag', 'Ascension Day'],
      ['2026-05-25', 'Tweede Pinksterdag', 'Whit Monday'],
      ['2026-12-25', 'Eerste Kerstdag', 'Christmas Day'],
      ['2026-12-26', 'Tweede Kerstdag', 'Boxing Day'],
    ]);
  });

  it.each([
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
  ])('%i: Easter Monday %s, Ascension Day %s, Whit Monday %s', (year, easterMonday, ascension, whitMonday) => {
    expect(holidayOn(year, 'easterMonday')).toBe(easterMonday);
    expect(holidayOn(year, 'ascensionDay')).toBe(ascension);
    expect(holidayOn(year, 'whitMonday')).toBe(whitMonday);
  });

  it("King's Day moves to Saturday 26 April when the 27th is a Sunday (2025, 2031), else stays on the 27th", () => {
    expect(weekdayOf('2025-04-27')).toBe('sunday');
    expect(holidayOn(2025, 'kingsDay')).toBe('2025-04-26');
    expect(holidayOn(2031, 'kingsDay')).toBe('2031-04-26');
    expect(holidayOn(2026, 'kingsDay')).toBe('2026-04-27');
    expect(publicHolidayOn('2025-04-27')).toBeUndefined();
  });

  it("a period ending on Sunday 27 April 2025 rolls to Monday 28 April (King's Day was on the 26th)", () => {
    const deadline = requestDeadline({ received: '2025-03-27' });
    expect(deadline.periodEnd).toBe('2025-04-27');
    expect(deadline.due).toBe('2025-04-28');
    expect(deadline.rolledOver.map((day) => day.reason)).toEqual(['sunday']);
  });

  it("a period ending on King's Day 26 April 2025 (a Saturday) rolls over both weekend days", () => {
    const deadline = requestDeadline({ received: '2025-03-26' });
    expect(deadline.due).toBe('2025-04-28');
    expect(deadline.rolledOver.map((day) => day.reason)).toEqual(['saturday', 'sunday']);
  });

  it("Queen's Day before 2014: 30 April, or Saturday 29 April when the 30th was a Sunday (2006)", () => {
    expect(holidayOn(2013, 'kingsDay')).toBe('2013-04-30');
    expect(holidayOn(2006, 'kingsDay')).toBe('2006-04-29');
  });

  it('Good Friday and bridging days are not public holidays: a period ending on them does not roll', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true);
    for (const { date } of BRIDGING_DAYS) expect(isWorkingDay(date), date).toBe(true);
  });
});

describe('equated days (kept as data, reported, not rolled over)', () => {
  it('Good Friday 3 April 2026 is reported with its source', () => {
    const deadline = requestDeadline({ received: '2026-03-03' });
    expect(deadline.due).toBe('2026-04-03');
    expect(deadline.equatedDay).toMatchObject({ kind: 'goodFriday', name: { nl: 'Goede Vrijdag' } });
    expect(deadline.equatedDay?.source).toContain('art. 3(2)');
  });

  it('the bridging day after Ascension 2026 is reported with its source', () => {
    const deadline = requestDeadline({ received: '2026-04-14' });
    expect(deadline.due).toBe('2026-05-15');
    expect(deadline.equatedDay).toMatchObject({ date: '2026-05-15', kind: 'bridgingDay' });
    expect(deadline.equatedDay?.source).toContain('art. 3(3)');
  });

  it('holds the five bridging days of 2026–2028 and reports nothing on an ordinary day', () => {
    expect(BRIDGING_DAYS.map((day) => day.date)).toEqual([
      '2026-01-02',
      '2026-05-15',
      '2027-05-07',
      '2028-04-28',
      '2028-05-26',
    ]);
    expect(equatedDayNote('2027-03-26')?.kind).toBe('goodFriday');
    expect(equatedDayNote('2026-04-09')).toBeUndefined();
    expect(requestDeadline({ received: '2026-03-09' })).not.toHaveProperty('equatedDay');
  });
});

describe('receiptDate', () => {
  it.each([
    ['2026-01-31', '2026-01-31'],
    ['2026-01-30T23:30:00Z', '2026-01-31'],
    ['2026-01-30T22:59:59Z', '2026-01-30'],
    ['2026-01-30T23:00:00Z', '2026-01-31'],
    ['2026-07-31T21:59:00Z', '2026-07-31'],
    ['2026-07-31T22:00:00Z', '2026-08-01'],
    ['2026-01-31T00:30:00+01:00', '2026-01-31'],
    ['2026-01-31T01:30:00+05:00', '2026-01-30'],
    ['2026-03-29T00:30:00.123Z', '2026-03-29'],
  ])('%s arrived on %s in Amsterdam', (received, date) => {
    expect(receiptDate(received)).toBe(date);
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '31-01-2026',
    '2026-1-31',
    '2026-01-30T23:30:00',
    '2026-01-30T25:00:00Z',
    '2026-01-30 23:30:00Z',
    '2026-01-30T23:30:00Z[Europe/Amsterdam]x',
    'yesterday',
    '',
    '1948-12-31',
    '9999-01-01',
  ])('rejects %j as an invalid field received', (received) => {
    let caught: unknown;
    try {
      receiptDate(received);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).fieldErrors).toEqual([{ path: 'received', code: 'invalid_receipt' }]);
  });

  it('DST days: the receipt date follows the Amsterdam wall clock on both change-over nights', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST (UTC+1 before, UTC+2 after).
    expect(receiptDate('2026-03-28T22:59:00Z')).toBe('2026-03-28');
    expect(receiptDate('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    expect(receiptDate('2026-03-29T21:59:00Z')).toBe('2026-03-29');
    expect(receiptDate('2026-03-29T22:00:00Z')).toBe('2026-03-30');
    // 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET.
    expect(receiptDate('2026-10-24T21:59:00Z')).toBe('2026-10-24');
    expect(receiptDate('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(receiptDate('2026-10-25T22:59:00Z')).toBe('2026-10-25');
    expect(receiptDate('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  it('a request received on a DST day gets a plain calendar-month deadline', () => {
    expect(requestDeadline({ received: '2026-03-29T00:30:00Z' }).periodEnd).toBe('2026-04-29');
    expect(requestDeadline({ received: '2026-10-25T12:00:00Z' }).due).toBe('2026-11-25');
  });
});

describe('requestDeadline', () => {
  it('leap day: received 31 January 2028 is due 29 February 2028; 2027 ends on the 28th', () => {
    expect(requestDeadline({ received: '2028-01-31' })).toMatchObject({
      periodEnd: '2028-02-29',
      due: '2028-02-29',
      isLastDayOfShorterMonth: true,
    });
    expect(requestDeadline({ received: '2027-01-29' }).periodEnd).toBe('2027-02-28');
  });

  it('received on 29 February 2028: one year of months later is the 28th', () => {
    expect(requestDeadline({ received: '2028-02-29' }).periodEnd).toBe('2028-03-29');
    expect(requestDeadline({ received: '2028-11-30', extended: true }).periodEnd).toBe('2029-02-28');
  });

  it('extends in one step from receipt, never by adding two months to the rolled one-month date', () => {
    // Received 31 Jan 2026: the month ends Sat 28 Feb, rolled to Mon 2 Mar. Two months on from there would be
    // 2 May; three months from receipt is 30 April.
    const normal = requestDeadline({ received: '2026-01-31' });
    const extended = requestDeadline({ received: '2026-01-31', extended: true });
    expect(normal.due).toBe('2026-03-02');
    expect(extended).toMatchObject({ months: 3, periodEnd: '2026-04-30', due: '2026-04-30', extended: true });
  });

  it('a request received on a Saturday, Sunday or holiday counts from that day', () => {
    expect(requestDeadline({ received: '2026-04-05' }).periodEnd).toBe('2026-05-05');
    expect(requestDeadline({ received: '2026-12-26' }).periodEnd).toBe('2027-01-26');
  });

  it('the extension must be announced by the normal due date', () => {
    expect(extensionNoticeDue({ received: '2026-01-31' })).toBe('2026-03-02');
    expect(extensionNoticeDue({ received: '2026-01-30T23:30:00Z' })).toBe('2026-03-02');
  });
});

describe('deadlineStatus and reminders', () => {
  it('counts calendar and working days left (weekend and King’s Day excluded)', () => {
    expect(deadlineStatus({ due: '2026-04-28', today: '2026-04-24' })).toEqual({
      calendarDaysLeft: 4,
      workingDaysLeft: 1,
      isOverdue: false,
    });
    expect(deadlineStatus({ due: '2026-03-02', today: '2026-02-02' })).toEqual({
      calendarDaysLeft: 28,
      workingDaysLeft: 20,
      isOverdue: false,
    });
  });

  it('is zero on the due day and not yet overdue', () => {
    expect(deadlineStatus({ due: '2026-04-09', today: '2026-04-09' })).toEqual({
      calendarDaysLeft: 0,
      workingDaysLeft: 0,
      isOverdue: false,
    });
  });

  it('is overdue on the Saturday after a Friday due date, with 0 (not -0) working days', () => {
    expect(deadlineStatus({ due: '2026-04-10', today: '2026-04-12' })).toEqual({
      calendarDaysLeft: -2,
      workingDaysLeft: 0,
      isOverdue: true,
    });
    expect(Object.is(deadlineStatus({ due: '2026-04-10', today: '2026-04-11' }).workingDaysLeft, 0)).toBe(true);
  });

  it('is overdue from the day after, counting back the working days missed', () => {
    expect(deadlineStatus({ due: '2026-04-03', today: '2026-04-07' })).toEqual({
      calendarDaysLeft: -4,
      workingDaysLeft: -1,
      isOverdue: true,
    });
  });

  it('reminds 7 days before, the day before and on the day', () => {
    expect(reminderDates('2026-03-02')).toEqual([
      { kind: 'week_before', date: '2026-02-23' },
      { kind: 'day_before', date: '2026-03-01' },
      { kind: 'due_day', date: '2026-03-02' },
    ]);
  });
});

describe('properties over receipt dates 2000–2100', () => {
  const first = Temporal.PlainDate.from('2000-01-01');
  const span = first.until(Temporal.PlainDate.from('2100-12-31'), { largestUnit: 'days' }).days;
  const receipt = fc.integer({ min: 0, max: span }).map((offset) => first.add({ days: offset }).toString());
  const modes = fc.boolean();
  const RUNS = 2000;

  it('due is never earlier than one calendar month (three when extended) after receipt', () => {
    fc.assert(
      fc.property(receipt, modes, (received, extended) => {
        const deadline = requestDeadline({ received, extended });
        const start = Temporal.PlainDate.from(received);
        // The same date `months` later, or the last day of that month, computed here without Temporal's add.
        const monthIndex = start.year * 12 + start.month - 1 + (extended ? 3 : 1);
        const target = { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
        const lastDay = Temporal.PlainYearMonth.from(target).daysInMonth;
        const earliest = Temporal.PlainDate.from({ ...target, day: Math.min(start.day, lastDay) });
        expect(Temporal.PlainDate.compare(Temporal.PlainDate.from(deadline.due), earliest)).toBeGreaterThanOrEqual(0);
        expect(deadline.periodEnd).toBe(earliest.toString());
      }),
      { numRuns: RUNS },
    );
  });

  it('due is never a Saturday, Sunday or Dutch public holiday', () => {
    fc.assert(
      fc.property(receipt, modes, (received, extended) => {
        const { due } = requestDeadline({ received, extended });
        expect(['saturday', 'sunday']).not.toContain(weekdayOf(due));
        expect(publicHolidayOn(due)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('due is at most 4 days after the period end, and every day in between was rolled over', () => {
    fc.assert(
      fc.property(receipt, modes, (received, extended) => {
        const deadline = requestDeadline({ received, extended });
        const end = Temporal.PlainDate.from(deadline.periodEnd);
        const gap = end.until(Temporal.PlainDate.from(deadline.due), { largestUnit: 'days' }).days;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4);
        expect(deadline.rolledOver.map((day) => day.date)).toEqual(
          Array.from({ length: gap }, (_, index) => end.add({ days: index }).toString()),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('the timer counts down to 0 on the due day, never more working than calendar days', () => {
    const daysBefore = fc.integer({ min: -40, max: 120 });
    fc.assert(
      fc.property(receipt, modes, daysBefore, (received, extended, offset) => {
        const { due } = requestDeadline({ received, extended });
        const today = Temporal.PlainDate.from(due).subtract({ days: offset }).toString();
        const status = deadlineStatus({ due, today });
        expect(status.calendarDaysLeft).toBe(offset);
        expect(status.isOverdue).toBe(offset < 0);
        expect(Math.abs(status.workingDaysLeft)).toBeLessThanOrEqual(Math.abs(offset));
        // A due date is a working day: it counts while ahead; past it, a weekend can still be 0 working days late.
        if (offset > 0) expect(status.workingDaysLeft).toBeGreaterThan(0);
        else if (offset === 0) expect(status.workingDaysLeft).toBe(0);
        else expect(status.workingDaysLeft).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('an instant gives the same deadline as its Amsterdam date', () => {
    const instant = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, modes, (received, extended) => {
        const date = Temporal.Instant.from(received).toZonedDateTimeISO('Europe/Amsterdam').toPlainDate().toString();
        expect(requestDeadline({ received, extended }).due).toBe(requestDeadline({ received: date, extended }).due);
      }),
      { numRuns: 500 },
    );
  });
});
