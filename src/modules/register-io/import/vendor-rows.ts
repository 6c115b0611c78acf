import { type TCreateVendorRequest, ZCreateVendorRequest } from '../../vendors/contract.ts';
import { nameKey } from '../formats/cells.ts';
import { columnByFirstSegment, recordContractErrors } from './contract-errors.ts';
import type { ImportLookups } from './lookups.ts';
import { defined, type RowError, type RowReader } from './row-reader.ts';

export interface VendorRow {
  row: number;
  input: TCreateVendorRequest;
  /** The parent processor by name: an existing vendor or another row of the file. */
  parentName: string | null;
}

export const vendorPosition = columnByFirstSegment({
  parentVendorId: 'parentVendor',
  transferImpactAssessment: 'tiaReference',
});

function certificationsOf(reader: RowReader) {
  return reader.items('certifications')?.map(([name = '', reference = '', validUntil = '']) => ({
    name,
    reference,
    validUntil: validUntil === '' ? null : validUntil,
  }));
}

/** A TIA from its two cells: none when both are empty (the contract reports one without the other). */
export function tiaOf(assessedOn: string | undefined, reference: string | undefined) {
  if (!assessedOn && !reference) return assessedOn === undefined && reference === undefined ? undefined : null;
  return { assessedOn: assessedOn ?? '', reference: reference ?? '' };
}

/** Reads a vendor row into the create contract; the parent is resolved later (it may be another row). */
export function readVendorRow(reader: RowReader): VendorRow | undefined {
  const candidate = defined({
    name: reader.raw('name') ?? '',
    kind: reader.option('kind', 'vendorKind'),
    services: reader.raw('services'),
    country: reader.text('country'),
    website: reader.nullableText('website'),
    contactEmail: reader.nullableText('contactEmail'),
    isDpfCertified: reader.boolean('isDpfCertified'),
    dpfCertifiedSince: reader.nullableText('dpfCertifiedSince'),
    isDpfHrInScope: reader.boolean('isDpfHrInScope'),
    transferSafeguard: reader.nullableOption('transferSafeguard', 'safeguard'),
    safeguardDetails: reader.raw('safeguardDetails'),
    transferImpactAssessment: tiaOf(reader.text('tiaAssessedOn'), reader.text('tiaReference')),
    hasMfa: reader.nullableBoolean('hasMfa'),
    canAccessClientInfrastructure: reader.boolean('canAccessClientInfrastructure'),
    clientAccessDescription: reader.raw('clientAccessDescription'),
    status: reader.option('status', 'entryStatus'),
    retiredOn: reader.nullableText('retiredOn'),
    notes: reader.raw('notes'),
    certifications: certificationsOf(reader),
  });
  const parsed = ZCreateVendorRequest.safeParse(candidate);
  if (!parsed.success) recordContractErrors(reader, parsed.error, candidate, vendorPosition);
  if (!parsed.success || reader.errors.length > 0) return undefined;
  return { row: reader.row, input: parsed.data, parentName: reader.text('parentVendor') ?? null };
}

/**
 * Parents must exist in the register or in the file, and the file's parent links must not form a cycle
 * (A under B under A). Returns the errors, on the rows concerned.
 */
export function checkVendorParents(rows: readonly VendorRow[], lookups: ImportLookups, header: string): RowError[] {
  const byName = new Map(rows.map((row) => [nameKey(row.input.name), row]));
  const errors: RowError[] = [];
  for (const row of rows) {
    if (row.parentName === null) continue;
    const parentKey = nameKey(row.parentName);
    if (parentKey === nameKey(row.input.name)) {
      errors.push({ row: row.row, column: header, code: 'parent_is_self' });
    } else if (!byName.has(parentKey) && lookups.vendors.find(row.parentName) === undefined) {
      errors.push({ row: row.row, column: header, code: 'unknown_reference', params: { name: row.parentName } });
    } else if (!byName.has(parentKey) && lookups.vendors.find(row.parentName) === 'ambiguous') {
      errors.push({ row: row.row, column: header, code: 'ambiguous_reference', params: { name: row.parentName } });
    } else if (isInCycle(row, byName)) {
      errors.push({ row: row.row, column: header, code: 'parent_cycle' });
    }
  }
  return errors;
}

/** Whether following the file's parent links from this row leads back to it. */
function isInCycle(start: VendorRow, byName: ReadonlyMap<string, VendorRow>): boolean {
  const parentOf = (row: VendorRow) => (row.parentName ? byName.get(nameKey(row.parentName)) : undefined);
  const seen = new Set<VendorRow>();
  for (let current = parentOf(start); current && !seen.has(current); current = parentOf(current)) {
    if (current === start) return true;
    seen.add(current);
  }
  return false;
}

/** The rows in an order where every parent from the file comes before its sub-processors. */
export function parentsFirst(rows: readonly VendorRow[]): VendorRow[] {
  const byName = new Map(rows.map((row) => [nameKey(row.input.name), row]));
  const ordered: VendorRow[] = [];
  const placed = new Set<VendorRow>();
  const place = (row: VendorRow) => {
    if (placed.has(row)) return;
    placed.add(row);
    const parent = row.parentName ? byName.get(nameKey(row.parentName)) : undefined;
    if (parent) place(parent);
    ordered.push(row);
  };
  rows.forEach(place);
  return ordered;
}
