import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../platform/i18n/index.ts';
import {
  breachCountErrors,
  breachTimeErrors,
  clockStatus,
  localMoment,
  NOTIFICATION_HOURS,
  notificationDeadline,
} from './clock-rules.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('the 72-hour deadline', () => {
  it('counts 72 elapsed hours across the autumn change: Fri 23 Oct 2026 10:00 → Mon 26 Oct 09:00 Amsterdam', () => {
    const awareAt = at('2026-10-23T10:00:00+02:00');
    const status = clockStatus({ awareAt, now: awareAt });
    expect(status.deadline.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(status.deadlineLocal).toEqual({
      date: '2026-10-26',
      time: '09:00',
      offset: '+01:00',
      timeZone: 'Europe/Amsterdam',
    });
    expect(status.deadline.getTime() - awareAt.getTime()).toBe(NOTIFICATION_HOURS * HOUR);
  });

  it('counts across the spring change: Fri 26 Mar 2027 10:00 → Mon 29 Mar 11:00 summer time', () => {
    const deadline = notificationDeadline(at('2027-03-26T10:00:00+01:00'));
    expect(localMoment(deadline)).toMatchObject({ date: '2027-03-29', time: '11:00', offset: '+02:00' });
  });

  it('runs through the night and the weekend: aware Fri 13 Nov 2026 23:30 → Mon 16 Nov 23:30', () => {
    const status = clockStatus({ awareAt: at('2026-11-13T23:30:00+01:00'), now: at('2026-11-13T23:30:00+01:00') });
    expect(status.deadlineLocal).toMatchObject({ date: '2026-11-16', time: '23:30', offset: '+01:00' });
    expect({ hours: status.hours, minutes: status.minutes, isOverdue: status.isOverdue }).toEqual({
      hours: 72,
      minutes: 0,
      isOverdue: false,
    });
  });

  it('counts leap day: aware Mon 28 Feb 2028 12:00 → Thu 2 Mar 12:00', () => {
    expect(localMoment(notificationDeadline(at('2028-02-28T12:00:00+01:00')))).toMatchObject({
      date: '2028-03-02',
      time: '12:00',
    });
  });

  it('is not moved by a public holiday: aware on Christmas Eve 2026 at 17:00 → Sun 27 Dec 17:00', () => {
    expect(localMoment(notificationDeadline(at('2026-12-24T17:00:00+01:00')))).toMatchObject({
      date: '2026-12-27',
      time: '17:00',
    });
  });
});

describe('hours and minutes left', () => {
  const awareAt = at('2026-10-23T10:00:00+02:00');

  it('shows hours and minutes left, rounded down to the minute', () => {
    const status = clockStatus({ awareAt, now: at('2026-10-25T19:54:30Z') });
    expect(status.minutesLeft).toBe(12 * 60 + 5);
    expect([status.hours, status.minutes, status.isOverdue, status.needsDelayReason]).toEqual([12, 5, false, false]);
  });

  it('shows the time over once the deadline has passed, and then a notification needs the reason for the delay', () => {
    const status = clockStatus({ awareAt, now: at('2026-10-26T10:10:00Z') });
    expect(status.minutesLeft).toBe(-130);
    expect([status.hours, status.minutes, status.isOverdue, status.needsDelayReason]).toEqual([2, 10, true, true]);
  });

  it('is exactly on time at the deadline itself', () => {
    const status = clockStatus({ awareAt, now: at('2026-10-26T08:00:00Z') });
    expect([status.minutesLeft, status.isOverdue]).toEqual([0, false]);
  });

  it('stops at the notification: notified in time stays in time, however late it is now', () => {
    const status = clockStatus({ awareAt, now: at('2026-12-01T00:00:00Z'), notifiedAt: at('2026-10-25T08:00:00Z') });
    expect([status.isNotified, status.isOverdue, status.needsDelayReason, status.hours]).toEqual([
      true,
      false,
      false,
      24,
    ]);
  });

  it('a notification one minute late needs the reason for the delay (Art. 33(1))', () => {
    const status = clockStatus({ awareAt, now: at('2026-10-27T00:00:00Z'), notifiedAt: at('2026-10-26T08:01:00Z') });
    expect([status.isOverdue, status.needsDelayReason, status.minutesLeft]).toEqual([true, true, -1]);
  });
});

describe('reminders at 24 h and 8 h left', () => {
  const awareAt = at('2026-10-23T10:00:00+02:00');

  it('fall 24 and 8 clock hours before the deadline, shown in Amsterdam time', () => {
    const { reminders } = clockStatus({ awareAt, now: awareAt });
    expect(reminders.map((r) => [r.hoursLeft, r.at.toISOString(), r.local.time, r.isDue])).toEqual([
      [24, '2026-10-25T08:00:00.000Z', '09:00', false],
      [8, '2026-10-26T00:00:00.000Z', '01:00', false],
    ]);
  });

  it('are due once their moment has passed', () => {
    const { reminders } = clockStatus({ awareAt, now: at('2026-10-25T12:00:00Z') });
    expect(reminders.map((r) => r.isDue)).toEqual([true, false]);
  });
});

describe('impossible moments', () => {
  const now = at('2026-10-23T12:00:00Z');

  it('accepts a breach noticed after it happened and notified after that', () => {
    expect(
      breachTimeErrors(
        { occurredAt: at('2026-10-22T12:00:00Z'), awareAt: at('2026-10-23T08:00:00Z'), notifiedAt: now },
        now,
      ),
    ).toEqual([]);
  });

  it('rejects awareness before the breach happened', () => {
    expect(
      breachTimeErrors({ occurredAt: at('2026-10-23T09:00:00Z'), awareAt: at('2026-10-23T08:00:00Z') }, now),
    ).toEqual([{ path: 'awareAt', code: 'breach_aware_before_occurred' }]);
  });

  it('rejects awareness, a breach and a notification in the future', () => {
    const future = at('2026-10-24T00:00:00Z');
    expect(
      breachTimeErrors({ occurredAt: future, awareAt: future, notifiedAt: future }, now).map((e) => e.code),
    ).toEqual(['breach_occurred_in_future', 'breach_aware_in_future', 'breach_notified_in_future']);
  });

  it('rejects a notification before awareness', () => {
    expect(
      breachTimeErrors({ awareAt: at('2026-10-23T08:00:00Z'), notifiedAt: at('2026-10-23T07:00:00Z') }, now),
    ).toEqual([{ path: 'notifiedAt', code: 'breach_notified_before_aware' }]);
  });

  it('rejects negative and fractional counts, and accepts zero and unknown', () => {
    expect(breachCountErrors({ peopleAffected: -1, recordsAffected: 2.5, systems: 0, other: null })).toEqual([
      { path: 'peopleAffected', code: 'breach_count_negative' },
      { path: 'recordsAffected', code: 'breach_count_not_whole' },
    ]);
  });

  it('has a message in both languages for every code', () => {
    const codes = [
      'breach_aware_before_occurred',
      'breach_aware_in_future',
      'breach_occurred_in_future',
      'breach_notified_in_future',
      'breach_notified_before_aware',
      'breach_count_negative',
      'breach_count_not_whole',
    ];
    expect(codes.filter((code) => !hasMessage(`validation.${code}`))).toEqual([]);
  });
});
