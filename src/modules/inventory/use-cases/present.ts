import type { Database } from '../../../platform/db/database.ts';
import { tiaFromColumns, ZTransferSafeguard } from '../../../shared/lists.ts';
import { type DpfFacts, isDpfCertifiedOn, isDpfUndated, transferStatusOf } from '../../../shared/transfer-check.ts';
import { findUsersByIds } from '../../identity/service.ts';
import { type VendorRow, vendorsOfOrg } from '../../vendors/service.ts';
import { type TLocation, type TSystem, ZLocationRole, ZSystemKind } from '../contract.ts';
import { governingVendorId, judgedOn } from '../rules.ts';
import type { LocationRow, SystemRow } from '../store.ts';

const safeguardOf = (value: string | null) => (value === null ? null : ZTransferSafeguard.parse(value));
const refOf = (row: { id: string; name: string } | undefined) => (row ? { id: row.id, name: row.name } : null);

/** Presents systems and locations, with the vendors they refer to loaded once for all of them. */
export interface Presenter {
  location(row: LocationRow): TLocation;
  system(
    row: SystemRow,
    extra: { usage: { activities: number }; dataCategoryIds: string[]; locations: LocationRow[] },
  ): TSystem;
  /** The governing vendor's DPF certification (see rules.ts `governingVendorId`). */
  dpfOf(row: LocationRow): DpfFacts | null;
}

/** `systems` must hold the system of every location given later. */
export async function loadPresenter(
  db: Database,
  orgId: string,
  systems: readonly SystemRow[],
  locations: readonly LocationRow[],
  today: string,
): Promise<Presenter> {
  const systemsById = new Map(systems.map((system) => [system.id, system]));
  const vendorIds = [
    ...systems.map((system) => system.vendorId),
    ...locations.map((location) => location.providerVendorId),
  ].filter((id): id is string => id !== null);
  const vendorsById = new Map<string, VendorRow>(
    (await vendorsOfOrg(db, orgId, [...new Set(vendorIds)])).map((vendor) => [vendor.id, vendor]),
  );
  const ownerIds = [...new Set(systems.map((system) => system.ownerUserId).filter((id): id is string => id !== null))];
  const ownersById = new Map((ownerIds.length ? await findUsersByIds(db, ownerIds) : []).map((u) => [u.id, u]));
  const governingVendor = (row: LocationRow) => {
    const vendorId = governingVendorId(row, systemsById.get(row.systemId)?.vendorId ?? null);
    return vendorId ? vendorsById.get(vendorId) : undefined;
  };

  const location = (row: LocationRow): TLocation => {
    const vendor = governingVendor(row);
    const system = systemsById.get(row.systemId);
    if (!system) throw new Error('location presented without its system');
    return {
      id: row.id,
      system: { id: system.id, name: system.name },
      role: ZLocationRole.parse(row.role),
      country: row.country,
      region: row.region,
      providerVendor: refOf(row.providerVendorId ? vendorsById.get(row.providerVendorId) : undefined),
      since: row.since,
      until: row.until,
      transferSafeguard: safeguardOf(row.transferSafeguard),
      safeguardDetails: row.safeguardDetails,
      transferImpactAssessment: tiaFromColumns(row.tiaAssessedOn, row.tiaReference),
      rotationDays: row.rotationDays,
      notes: row.notes,
      transfer: transferStatusOf(row.country, {
        isDpfCertified: isDpfCertifiedOn(vendor, judgedOn(row, today)),
        isDpfUndated: isDpfUndated(vendor),
        on: judgedOn(row, today),
        recordedSafeguard: row.transferSafeguard,
        safeguardDetails: row.safeguardDetails,
        transferImpactAssessment: tiaFromColumns(row.tiaAssessedOn, row.tiaReference),
        kind: 'storage',
      }),
    };
  };

  return {
    location,
    dpfOf: (row) => governingVendor(row) ?? null,
    system: (row, extra) => ({
      id: row.id,
      name: row.name,
      kind: ZSystemKind.parse(row.kind),
      vendor: refOf(row.vendorId ? vendorsById.get(row.vendorId) : undefined),
      owner: refOf(row.ownerUserId ? ownersById.get(row.ownerUserId) : undefined),
      description: row.description,
      isMfaEnforced: row.isMfaEnforced,
      isEncryptedAtRest: row.isEncryptedAtRest,
      status: row.status === 'retired' ? 'retired' : 'active',
      dataCategoryIds: extra.dataCategoryIds,
      locations: extra.locations.map(location),
      usage: extra.usage,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
  };
}
