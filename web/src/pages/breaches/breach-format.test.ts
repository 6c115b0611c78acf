import { describe, expect, it } from 'vitest';
import {
  amsterdamInputToIso,
  clockUrgency,
  deadlineLocalText,
  hoursAndMinutes,
  isoToAmsterdamInput,
} from './breach-format.ts';

describe('the breach clock in words', () => {
  it('splits minutes into hours and minutes, either side of the deadline', () => {
    expect(hoursAndMinutes(70 * 60 + 30)).toEqual({ hours: 70, minutes: 30 });
    expect(hoursAndMinutes(-(3 * 60 + 10))).toEqual({ hours: 3, minutes: 10 });
  });

  it('colours red when overdue or under 8 hours, orange under 24 hours, and not at all once notified', () => {
    const clock = (minutesLeft: number, authorityNotifiedAt: string | null = null) => ({
      minutesLeft,
      isOverdue: minutesLeft < 0,
      authorityNotifiedAt,
    });
    expect(clockUrgency(clock(-10))).toBe('critical');
    expect(clockUrgency(clock(7 * 60 + 59))).toBe('critical');
    expect(clockUrgency(clock(8 * 60))).toBe('soon');
    expect(clockUrgency(clock(24 * 60))).toBe('later');
    expect(clockUrgency(clock(-10, '2026-11-24T10:00:00.000Z'))).toBe('notified');
  });

  it('writes the deadline with its offset', () => {
    expect(deadlineLocalText('2026-11-26T08:30+01:00')).toBe('26-11-2026 08:30 (+01:00)');
  });
});

describe('moments typed in Amsterdam time', () => {
  it('reads winter and summer time with their offsets', () => {
    expect(amsterdamInputToIso('2026-11-23T08:30')).toBe('2026-11-23T08:30:00+01:00');
    expect(amsterdamInputToIso('2026-07-01T23:30')).toBe('2026-07-01T23:30:00+02:00');
    expect(amsterdamInputToIso('')).toBeNull();
  });

  it('shows an instant in Amsterdam time whatever the zone it came in', () => {
    expect(isoToAmsterdamInput('2026-11-23T07:30:00.000Z')).toBe('2026-11-23T08:30');
    expect(isoToAmsterdamInput('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T02:30');
  });
});
