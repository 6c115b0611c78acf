import { addDays } from '../../shared/dates.ts';
import { type DatedPeriod, isInForceOn, isKnownInForceOn } from '../../shared/locations.ts';
import { classifyDestination, type DpfFacts } from '../../shared/transfer-check.ts';

export { type DatedPeriod, governingVendorId, isInForceOn, isKnownInForceOn } from '../../shared/locations.ts';

/** "Where was the data on day D": the locations the records prove were in force on that day. */
export function locationsOn<T extends DatedPeriod>(locations: readonly T[], day: string): T[] {
  return locations.filter((location) => isKnownInForceOn(location, day));
}

/** The locations that may have been in force on day D, but whose first day is not recorded: the answer is unknown. */
export function locationsOfUnknownStartOn<T extends DatedPeriod>(locations: readonly T[], day: string): T[] {
  return locations.filter((location) => location.since === null && isInForceOn(location, day));
}

/** The day a location is judged on for the transfer check: its last day once it has ended, otherwise today. */
export function judgedOn(period: DatedPeriod, today: string): string {
  return period.until !== null && period.until < today ? period.until : today;
}

/**
 * The days on which a location's country counts as inside: null never; `from`/`until` null are unbounded (the
 * EEA is inside on every day; an adequate country from its decision through its expiry).
 */
export interface InsideWindow {
  from: string | null;
  until: string | null;
}
export const ALWAYS_INSIDE: InsideWindow = { from: null, until: null };

/**
 * When a country counts as inside for the "since when are all our backups inside" question: the EEA always; with
 * `includeAdequate`, a country with an adequacy decision from its decision date through its expiry (for the US only
 * when the recipient is certified under the Data Privacy Framework); anything else never.
 */
export function insideWindowOf(
  country: string,
  options: { includeAdequate: boolean; dpf: DpfFacts | null },
): InsideWindow | null {
  const check = classifyDestination(country);
  if (check.status === 'eea') return ALWAYS_INSIDE;
  const decision = check.adequacy;
  if (!options.includeAdequate || !decision) return null;
  if (!decision.requiresRecipientCertification) return { from: decision.decided, until: decision.expires ?? null };
  // The US counts from the later of the decision and the holder's own DPF certification.
  const since = options.dpf?.isDpfCertified ? options.dpf.dpfCertifiedSince : null;
  if (since === null) return null;
  return { from: since > decision.decided ? since : decision.decided, until: decision.expires ?? null };
}

/** The last day, up to today, on which a location was outside its inside window; null when it never was. */
export function lastOutsideDay(location: DatedPeriod, window: InsideWindow | null, today: string): string | null {
  if (location.since !== null && location.since > today) return null;
  const end = judgedOn(location, today);
  if (window === null) return end;
  if (window.until !== null && window.until < end) return end;
  // An unknown first day may lie before the window opened: assume it did, so nothing is claimed that is not proven.
  if (window.from !== null && (location.since === null || window.from > location.since)) {
    const dayBeforeInside = addDays(window.from, -1);
    return dayBeforeInside < end ? dayBeforeInside : end;
  }
  return null;
}

/**
 * The earliest day the records reach back to (future-dated locations do not count); null when none, or when a
 * location's first day is unknown (the records then reach back to a day nobody knows).
 */
export function recordsSince(locations: readonly DatedPeriod[], today: string): string | null {
  if (locations.some((location) => location.since === null)) return null;
  const started = locations.map((location) => location.since).filter((since) => since !== null && since <= today);
  return started.length === 0
    ? null
    : (started as string[]).reduce((earliest, since) => (since < earliest ? since : earliest));
}

/** Today's answer: something is recorded as in force today, and none of it is outside today. */
export function isAllInsideOn<T extends DatedPeriod>(
  locations: readonly T[],
  today: string,
  insideWindow: (location: T) => InsideWindow | null,
): boolean {
  const current = locations.filter((location) => isInForceOn(location, today));
  return (
    current.length > 0 && current.every((location) => lastOutsideDay(location, insideWindow(location), today) !== today)
  );
}

/** The locations that were outside on some day up to today: the evidence behind the answer. */
export function outsideLocations<T extends DatedPeriod>(
  locations: readonly T[],
  today: string,
  insideWindow: (location: T) => InsideWindow | null,
): T[] {
  return locations.filter((location) => lastOutsideDay(location, insideWindow(location), today) !== null);
}

/**
 * "Since when has all of it been inside": the first day from which no location was outside, without interruption
 * up to today. Null when one is outside today or nothing is recorded; the earliest record when none ever was, and
 * null (unknown) then too when a location's first day is not recorded.
 */
export function allInsideSince<T extends DatedPeriod>(
  locations: readonly T[],
  today: string,
  insideWindow: (location: T) => InsideWindow | null,
): string | null {
  const earliest = recordsSince(locations, today);
  if (earliest === null && !locations.some((location) => location.since === null)) return null;
  let latestOutside: string | null = null;
  for (const location of locations) {
    const day = lastOutsideDay(location, insideWindow(location), today);
    if (day !== null && (latestOutside === null || day > latestOutside)) latestOutside = day;
  }
  if (latestOutside === null) return earliest;
  return latestOutside >= today ? null : addDays(latestOutside, 1);
}
