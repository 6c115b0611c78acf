/**
 * Where data is kept, as both the inventory (systems and their locations) and the register (transfers, consolidation)
 * reason about it. Pure; see docs/decisions/0005-where-the-data-is.md.
 */

/**
 * A dated location: from `since` through `until` (both calendar days, inclusive; `until` null: still there; `since`
 * null: the first day is not known yet).
 */
export interface DatedPeriod {
  since: string | null;
  until: string | null;
}

/**
 * Possibly in force on a day: since ≤ day ≤ until, with `until` inclusive and null meaning "still". A location whose
 * first day is unknown counts as in force up to its last day: the transfer check must not overlook it. Whoever states
 * where data was on a past day uses `isKnownInForceOn`, which never claims an unknown start.
 */
export function isInForceOn(period: DatedPeriod, day: string): boolean {
  return (period.since === null || period.since <= day) && (period.until === null || day <= period.until);
}

/** In force on a day as far as the records prove it: the first day is known and not after the day. */
export function isKnownInForceOn(period: DatedPeriod, day: string): boolean {
  return period.since !== null && isInForceOn(period, day);
}

/**
 * The vendor that holds a copy: the provider when one is named, otherwise the system's own vendor. Its DPF
 * certification decides whether a US location is adequate; a safeguard must be recorded on the location itself.
 */
export function governingVendorId(location: { providerVendorId: string | null }, systemVendorId: string | null) {
  return location.providerVendorId ?? systemVendorId;
}
