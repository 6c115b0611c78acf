/**
 * Where data is kept, as both the inventory (systems and their locations) and the register (transfers, consolidation)
 * reason about it. Pure; see docs/decisions/0005-where-the-data-is.md.
 */

/** A dated location: from `since` through `until` (both calendar days, inclusive; `until` null: still there). */
export interface DatedPeriod {
  since: string;
  until: string | null;
}

/** In force on a day: since ≤ day ≤ until, with `until` inclusive and null meaning "still". */
export function isInForceOn(period: DatedPeriod, day: string): boolean {
  return period.since <= day && (period.until === null || day <= period.until);
}

/**
 * The vendor that holds a copy: the provider when one is named, otherwise the system's own vendor. Its DPF
 * certification decides whether a US location is adequate; a safeguard must be recorded on the location itself.
 */
export function governingVendorId(location: { providerVendorId: string | null }, systemVendorId: string | null) {
  return location.providerVendorId ?? systemVendorId;
}
