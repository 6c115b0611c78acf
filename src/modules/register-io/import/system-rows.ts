import { type TCreateSystemRequest, ZCreateSystemRequest } from '../../inventory/contract.ts';
import { LOCATION_FIELDS } from '../columns/systems.ts';
import { columnByFirstSegment, recordContractErrors } from './contract-errors.ts';
import type { ImportLookups } from './lookups.ts';
import { resolveName, resolveNames } from './references.ts';
import { defined, type RowReader } from './row-reader.ts';
import { tiaOf } from './vendor-rows.ts';

export interface SystemRow {
  row: number;
  input: TCreateSystemRequest;
}

export const systemPosition = columnByFirstSegment({ vendorId: 'vendor', dataCategoryIds: 'dataCategories' });

type LocationFields = Partial<Record<(typeof LOCATION_FIELDS)[number], string>>;

/** One location item (role | country | region | since | until | provider | safeguard | details | notes | TIA). */
function readLocation(reader: RowReader, fields: string[], item: number, lookups: ImportLookups) {
  const cells: LocationFields = Object.fromEntries(LOCATION_FIELDS.map((field, index) => [field, fields[index] ?? '']));
  const optional = (text: string | undefined) => (text ? text : undefined);
  const provider = cells.providerVendor
    ? resolveName(reader, 'locations', lookups.vendors, cells.providerVendor, item)
    : null;
  return defined({
    role: cells.role ? reader.optionOf('locations', 'locationRole', cells.role, item) : undefined,
    country: optional(cells.country),
    region: cells.region,
    since: optional(cells.since),
    until: cells.until ? cells.until : null,
    providerVendorId: provider,
    transferSafeguard: cells.transferSafeguard
      ? reader.optionOf('locations', 'safeguard', cells.transferSafeguard, item)
      : null,
    safeguardDetails: cells.safeguardDetails,
    notes: cells.notes,
    transferImpactAssessment: tiaOf(cells.tiaAssessedOn || undefined, cells.tiaReference || undefined) ?? null,
  });
}

/** Reads a system row into the create contract, with its vendor, data categories and locations resolved by name. */
export function readSystemRow(reader: RowReader, lookups: ImportLookups): SystemRow | undefined {
  const vendorName = reader.text('vendor');
  const candidate = defined({
    name: reader.raw('name') ?? '',
    kind: reader.option('kind', 'systemKind'),
    vendorId: vendorName === undefined ? undefined : resolveName(reader, 'vendor', lookups.vendors, vendorName),
    description: reader.raw('description'),
    isMfaEnforced: reader.nullableBoolean('isMfaEnforced'),
    isEncryptedAtRest: reader.nullableBoolean('isEncryptedAtRest'),
    status: reader.option('status', 'entryStatus'),
    dataCategoryIds: resolveNames(reader, 'dataCategories', lookups.dataCategories, reader.list('dataCategories')),
    locations: reader.items('locations')?.map((fields, index) => readLocation(reader, fields, index + 1, lookups)),
  });
  const parsed = ZCreateSystemRequest.safeParse(candidate);
  if (!parsed.success) recordContractErrors(reader, parsed.error, candidate, systemPosition);
  if (!parsed.success || reader.errors.length > 0) return undefined;
  return { row: reader.row, input: parsed.data };
}
