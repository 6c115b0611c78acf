import { tiaFromColumns } from '../../shared/lists.ts';
import {
  type DpfFacts,
  isDpfCertifiedOn,
  isDpfUndated,
  type TransferStatus,
  transferStatusOf,
} from '../../shared/transfer-check.ts';

export type VendorStatus = 'active' | 'retired';

/** A certification is valid through its `validUntil` day; without a date it does not expire. */
export function isCertificationExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}

/** The day a vendor last received data: its retirement day once retired, otherwise today. */
export function lastDayInUse(vendor: { status: string; retiredOn: string | null }, today: string): string {
  if (vendor.status === 'retired' && vendor.retiredOn !== null && vendor.retiredOn < today) return vendor.retiredOn;
  return today;
}

/**
 * The transfer check for a vendor's country, judged on the last day it received data: its DPF certification on that
 * day, its safeguard and, for SCCs or BCRs, its transfer impact assessment. A vendor holds data lastingly, so an
 * Art. 49 derogation does not cover it.
 */
export function vendorTransfer(
  vendor: DpfFacts & {
    country: string;
    transferSafeguard: string | null;
    safeguardDetails: string;
    tiaAssessedOn: string | null;
    tiaReference: string | null;
    status: string;
    retiredOn: string | null;
  },
  today: string,
): TransferStatus {
  const on = lastDayInUse(vendor, today);
  return transferStatusOf(vendor.country, {
    isDpfCertified: isDpfCertifiedOn(vendor, on),
    isDpfUndated: isDpfUndated(vendor),
    on,
    recordedSafeguard: vendor.transferSafeguard,
    safeguardDetails: vendor.safeguardDetails,
    transferImpactAssessment: tiaFromColumns(vendor.tiaAssessedOn, vendor.tiaReference),
    kind: 'vendor',
  });
}

/** A DPF certification entered now must say since when (the DPF list shows it); old undated ones stay readable. */
export function isDpfDateMissing(vendor: { isDpfCertified: boolean; dpfCertifiedSince: string | null }): boolean {
  return vendor.isDpfCertified && vendor.dpfCertifiedSince === null;
}

export interface VendorUsage {
  systems: number;
  locations: number;
  activities: number;
  subProcessors: number;
}

/** A vendor that anything still refers to is retired instead of deleted, so the register keeps its history. */
export function isVendorInUse(usage: VendorUsage): boolean {
  return usage.systems + usage.locations + usage.activities + usage.subProcessors > 0;
}

export type Retirement = { status: VendorStatus; retiredOn: string | null };
export type RetirementProblem = 'retired_on_needs_retired_status' | 'date_in_future';

/**
 * Status and retirement day after a change: retiring without a day means today; reactivating clears the day; a
 * retirement day on an active vendor, or one in the future, is refused.
 */
export function settleRetirement(
  current: Retirement | null,
  input: { status?: VendorStatus | undefined; retiredOn?: string | null | undefined },
  today: string,
): Retirement | RetirementProblem {
  const status = input.status ?? current?.status ?? 'active';
  if (status === 'active') return input.retiredOn ? 'retired_on_needs_retired_status' : { status, retiredOn: null };
  const retiredOn = input.retiredOn !== undefined ? (input.retiredOn ?? today) : (current?.retiredOn ?? today);
  return retiredOn > today ? 'date_in_future' : { status, retiredOn };
}

/**
 * Whether making `parentId` the parent of `vendorId` would close a loop: the vendor itself, or one of its own
 * sub-processors further down. `parentOf` maps each vendor of the organisation to its parent.
 */
export function wouldCreateCycle(
  vendorId: string,
  parentId: string,
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = parentId; current; current = parentOf.get(current)) {
    if (current === vendorId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}
