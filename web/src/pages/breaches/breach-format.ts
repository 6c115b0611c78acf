/** Pure helpers of the breach pages: the clock in words and colours, and moments typed in Amsterdam time. */

const ZONE = 'Europe/Amsterdam';

/** The clock's urgency for its colour: overdue or under 8 h red, under 24 h orange, notified grey. */
export function clockUrgency(clock: {
  minutesLeft: number;
  isOverdue: boolean;
  authorityNotifiedAt: string | null;
}): 'notified' | 'critical' | 'soon' | 'later' {
  if (clock.authorityNotifiedAt) return 'notified';
  if (clock.isOverdue || clock.minutesLeft < 8 * 60) return 'critical';
  return clock.minutesLeft < 24 * 60 ? 'soon' : 'later';
}

/** Whole hours and the remaining minutes of a number of minutes, without sign: 4230 → { hours: 70, minutes: 30 }. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  const total = Math.abs(minutes);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The offset of Europe/Amsterdam at an instant, as `+01:00` or `+02:00`. */
export function amsterdamOffset(instant: Date): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

const minutesOf = (offset: string) => {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = offset.slice(1).split(':');
  return sign * (Number(hours) * 60 + Number(minutes));
};

/**
 * A moment typed in a datetime-local field (`2026-11-23T08:30`), read as Amsterdam time, as an ISO instant with
 * its offset (`2026-11-23T08:30:00+01:00`). Empty text gives null.
 */
export function amsterdamInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  let offset = amsterdamOffset(new Date(asUtc));
  const corrected = amsterdamOffset(new Date(asUtc - minutesOf(offset) * 60_000));
  if (corrected !== offset) offset = corrected;
  return `${value}:00${offset}`;
}

/** An instant as a datetime-local value in Amsterdam time: `2026-11-23T08:30`. */
export function isoToAmsterdamInput(iso: string | Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** `2026-11-26T08:30+01:00` (the clock's deadlineLocal) as the office reads it, keeping the offset: "26-11-2026 08:30 (+01:00)". */
export function deadlineLocalText(deadlineLocal: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})([+-]\d{2}:\d{2})$/.exec(deadlineLocal);
  if (!match) return deadlineLocal;
  const [, year, month, day, time, offset] = match;
  return `${day}-${month}-${year} ${time} (${offset})`;
}
