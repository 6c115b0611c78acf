/**
 * Where an activity's data goes, as plain facts: the dated locations of its systems, its recipient vendors and its
 * explicit transfers. Pure: the calendar date is a parameter. The completeness rules and the transfer overview both
 * classify these destinations with shared/transfer-check.ts.
 */
import { governingVendorId, isInForceOn } from '../../shared/locations.ts';

export type DestinationSource = 'location' | 'vendor' | 'activity_transfer';

export interface Named {
  id: string;
  name: string;
}

export interface VendorFacts extends Named {
  country: string;
  isDpfCertified: boolean;
  transferSafeguard: string | null;
  safeguardDetails: string;
}

export interface SystemFacts extends Named {
  vendorId: string | null;
}

export interface LocationFacts {
  id: string;
  systemId: string;
  role: string;
  country: string;
  providerVendorId: string | null;
  /** Null: first day not known yet. */
  since: string | null;
  /** Last day, inclusive; null while the data is still there. */
  until: string | null;
  transferSafeguard: string | null;
  safeguardDetails: string;
}

export interface TransferFacts {
  id: string;
  country: string;
  recipient: string;
  safeguard: string | null;
  safeguardDetails: string;
}

export interface Destination {
  source: DestinationSource;
  id: string;
  country: string;
  safeguard: string | null;
  safeguardDetails: string;
  isDpfCertified: boolean;
  system: Named | null;
  vendor: Named | null;
  activity: Named | null;
  /** The location's role (primary, backup, …) or the transfer's recipient, for the label. */
  detail: string;
}

const ref = (named: Named): Named => ({ id: named.id, name: named.name });

/**
 * The locations in force on a day of the given systems. The copy's holder is its provider, or else the system's
 * vendor: a US holder certified under the Data Privacy Framework makes a US location adequate.
 */
export function locationDestinations(
  systems: readonly SystemFacts[],
  locations: readonly LocationFacts[],
  vendors: ReadonlyMap<string, VendorFacts>,
  on: string,
): Destination[] {
  const systemById = new Map(systems.map((system) => [system.id, system]));
  return locations
    .filter((location) => systemById.has(location.systemId) && isInForceOn(location, on))
    .map((location) => {
      const system = systemById.get(location.systemId) as SystemFacts;
      const holderId = governingVendorId(location, system.vendorId);
      const holder = holderId ? vendors.get(holderId) : undefined;
      return {
        source: 'location',
        id: location.id,
        country: location.country,
        safeguard: location.transferSafeguard,
        safeguardDetails: location.safeguardDetails,
        isDpfCertified: holder?.isDpfCertified ?? false,
        system: ref(system),
        vendor: holder ? ref(holder) : null,
        activity: null,
        detail: location.role,
      };
    });
}

/** A vendor as a destination: where it is established. */
export function vendorDestination(vendor: VendorFacts): Destination {
  return {
    source: 'vendor',
    id: vendor.id,
    country: vendor.country,
    safeguard: vendor.transferSafeguard,
    safeguardDetails: vendor.safeguardDetails,
    isDpfCertified: vendor.isDpfCertified,
    system: null,
    vendor: ref(vendor),
    activity: null,
    detail: '',
  };
}

/** An activity's explicit transfer (a recipient abroad that is not one of the recorded vendors). */
export function transferDestination(activity: Named, transfer: TransferFacts): Destination {
  return {
    source: 'activity_transfer',
    id: transfer.id,
    country: transfer.country,
    safeguard: transfer.safeguard,
    safeguardDetails: transfer.safeguardDetails,
    isDpfCertified: false,
    system: null,
    vendor: null,
    activity: ref(activity),
    detail: transfer.recipient,
  };
}
