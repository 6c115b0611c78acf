import { addDays } from '../../shared/dates.ts';
import { type DatedPeriod, isInForceOn } from '../../shared/locations.ts';
import { classifyDestination, type DpfFacts } from '../../shared/transfer-check.ts';

export { type DatedPeriod, governingVendorId, isInForceOn } from '../../shared/locations.ts';

/** "Where was the data on day D": the locations in force on that day. */
export function locationsOn<T extends DatedPeriod>(locations: readonly T[], day: string): T[] {
  return locations.filter((location) => isInForceOn(location, day));
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
  if (location.since > today) return null;
  const end = judgedOn(location, today);
  if (window === null) return end;
  if (window.until !== null && window.until < end) return end;
  if (window.from !== null && window.from > location.since) {
    const dayBeforeInside = addDays(window.from, -1);
    return dayBeforeInside < end ? dayBeforeInside : end;
  }
  return null;
}

/** The earliest day the records reach back to (future-dated locations do not count); null when none. */
export function recordsSince(locations: readonly DatedPeriod[], today: string): string | null {
  const started = locations.filter((location) => location.since <= today).map((location) => location.since);
  return started.length === 0 ? null : started.reduce((earliest, since) => (since < earliest ? since : earliest));
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
 * up to today. Null when one is outside today or nothing is recorded; the earliest record when none ever was.
 */
export function allInsideSince<T extends DatedPeriod>(
  locations: readonly T[],
  today: string,
  insideWindow: (location: T) => InsideWindow | null,
): string | null {
  const earliest = recordsSince(locations, today);
  if (earliest === null) return null;
  let latestOutside: string | null = null;
  for (const location of locations) {
    const day = lastOutsideDay(location, insideWindow(location), today);
    if (day !== null && (latestOutside === null || day > latestOutside)) latestOutside = day;
  }
  if (latestOutside === null) return earliest;
  return latestOutside >= today ? null : addDays(latestOutside, 1);
}
