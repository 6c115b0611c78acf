/**
 * Where an activity's data goes, as plain facts: the dated locations of its systems, its recipient vendors, the
 * sub-processors of every vendor it uses (onward transfers, Art. 44, to any depth) and its explicit transfers.
 * Pure: the calendar date is a parameter. The completeness rules and the transfer overview both judge these
 * destinations with shared/transfer-check.ts.
 */
import { tiaFromColumns } from '../../shared/lists.ts';
import { governingVendorId, isInForceOn } from '../../shared/locations.ts';
import type { DpfFacts, TransferImpactAssessment, TransferKind } from '../../shared/transfer-check.ts';

export type DestinationSource = 'location' | 'vendor' | 'activity_transfer';

export interface Named {
  id: string;
  name: string;
}

export interface VendorFacts extends Named, DpfFacts {
  country: string;
  transferSafeguard: string | null;
  safeguardDetails: string;
  tiaAssessedOn: string | null;
  tiaReference: string | null;
  /** The processor that engages it, for a sub-processor. */
  parentVendorId: string | null;
  status: string;
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
  tiaAssessedOn: string | null;
  tiaReference: string | null;
}

export interface TransferFacts {
  id: string;
  country: string;
  recipient: string;
  safeguard: string | null;
  safeguardDetails: string;
  tiaAssessedOn: string | null;
  tiaReference: string | null;
}

export interface Destination {
  source: DestinationSource;
  id: string;
  country: string;
  /** Storage and vendors hold data lastingly; only an activity's own transfer can be occasional (Art. 49). */
  kind: TransferKind;
  safeguard: string | null;
  safeguardDetails: string;
  transferImpactAssessment: TransferImpactAssessment | null;
  /** The holder's DPF certification (judged on the day, with HR data in scope when it matters). */
  dpf: DpfFacts | null;
  system: Named | null;
  vendor: Named | null;
  activity: Named | null;
  /** For an onward transfer: the vendor that engages this sub-processor. */
  via: Named | null;
  /** The location's role (primary, backup, …) or the transfer's recipient, for the label. */
  detail: string;
}

const ref = (named: Named): Named => ({ id: named.id, name: named.name });

const dpfOf = (vendor: DpfFacts): DpfFacts => ({
  isDpfCertified: vendor.isDpfCertified,
  dpfCertifiedSince: vendor.dpfCertifiedSince,
  isDpfHrInScope: vendor.isDpfHrInScope,
});

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
        kind: 'storage',
        safeguard: location.transferSafeguard,
        safeguardDetails: location.safeguardDetails,
        transferImpactAssessment: tiaFromColumns(location.tiaAssessedOn, location.tiaReference),
        dpf: holder ? dpfOf(holder) : null,
        system: ref(system),
        vendor: holder ? ref(holder) : null,
        activity: null,
        via: null,
        detail: location.role,
      };
    });
}

/** A vendor as a destination: where it is established (`via`: the processor that engages it, if onward). */
export function vendorDestination(vendor: VendorFacts, via: Named | null = null): Destination {
  return {
    source: 'vendor',
    id: vendor.id,
    country: vendor.country,
    kind: 'vendor',
    safeguard: vendor.transferSafeguard,
    safeguardDetails: vendor.safeguardDetails,
    transferImpactAssessment: tiaFromColumns(vendor.tiaAssessedOn, vendor.tiaReference),
    dpf: dpfOf(vendor),
    system: null,
    vendor: ref(vendor),
    activity: null,
    via: via ? ref(via) : null,
    detail: '',
  };
}

/** An activity's explicit transfer (a recipient abroad that is not one of the recorded vendors). */
export function transferDestination(activity: Named, transfer: TransferFacts): Destination {
  return {
    source: 'activity_transfer',
    id: transfer.id,
    country: transfer.country,
    kind: 'occasional',
    safeguard: transfer.safeguard,
    safeguardDetails: transfer.safeguardDetails,
    transferImpactAssessment: tiaFromColumns(transfer.tiaAssessedOn, transfer.tiaReference),
    dpf: null,
    system: null,
    vendor: null,
    activity: ref(activity),
    via: null,
    detail: transfer.recipient,
  };
}

/** The vendors an activity's data reaches directly: its recipients, its systems' vendors, its copies' providers. */
export function vendorsReached(
  recipientIds: readonly string[],
  systems: readonly SystemFacts[],
  locations: readonly LocationFacts[],
  on: string,
): Set<string> {
  const systemIds = new Set(systems.map((system) => system.id));
  return new Set(
    [
      ...recipientIds,
      ...systems.map((system) => system.vendorId),
      ...locations
        .filter((location) => systemIds.has(location.systemId) && isInForceOn(location, on))
        .map((location) => location.providerVendorId),
    ].filter((id): id is string => id !== null),
  );
}

/**
 * Every active sub-processor below the given vendors, to any depth (Art. 44: onward transfers), each with the vendor
 * that engages it. A vendor reached directly is not repeated; a loop (refused on input anyway) ends the walk.
 */
export function onwardDestinations(
  reached: ReadonlySet<string>,
  vendors: ReadonlyMap<string, VendorFacts>,
): Destination[] {
  const children = new Map<string, VendorFacts[]>();
  for (const vendor of vendors.values()) {
    if (vendor.parentVendorId === null || vendor.status !== 'active') continue;
    children.set(vendor.parentVendorId, [...(children.get(vendor.parentVendorId) ?? []), vendor]);
  }
  const seen = new Set(reached);
  const found: Destination[] = [];
  const queue = [...reached];
  for (let parentId = queue.shift(); parentId !== undefined; parentId = queue.shift()) {
    const parent = vendors.get(parentId);
    for (const child of children.get(parentId) ?? []) {
      if (seen.has(child.id) || !parent) continue;
      seen.add(child.id);
      found.push(vendorDestination(child, parent));
      queue.push(child.id);
    }
  }
  return found;
}

/** Whether a vendor holds data outside the EEA: established there, or holding a copy there on the day. */
export function heldOutsideBy(
  vendor: VendorFacts,
  systems: ReadonlyMap<string, SystemFacts>,
  locations: readonly LocationFacts[],
  on: string,
  isOutside: (country: string) => boolean,
): string | null {
  if (isOutside(vendor.country)) return vendor.country;
  const copy = locations.find((location) => {
    const system = systems.get(location.systemId);
    return (
      isInForceOn(location, on) &&
      governingVendorId(location, system?.vendorId ?? null) === vendor.id &&
      isOutside(location.country)
    );
  });
  return copy?.country ?? null;
}
