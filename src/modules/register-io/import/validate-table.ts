import type { Locale } from '../../../platform/i18n/index.ts';
import { IMPORT_COLUMNS } from '../columns/index.ts';
import type { Column } from '../columns/types.ts';
import { nameKey } from '../formats/cells.ts';
import { type ActivityRow, readActivityRow } from './activity-rows.ts';
import { mapHeader } from './header.ts';
import type { ImportLookups } from './lookups.ts';
import type { Table } from './read-table.ts';
import { type RowError, RowReader } from './row-reader.ts';
import { readSystemRow, type SystemRow } from './system-rows.ts';
import { checkVendorParents, readVendorRow, type VendorRow } from './vendor-rows.ts';

export type ImportEntity = 'activities' | 'systems' | 'vendors';

/** More rows than this are refused as a whole: an import is a register, not a data dump. */
export const MAX_IMPORT_ROWS = 10_000;

export interface ValidatedImport {
  entity: ImportEntity;
  /** Data rows (empty rows not counted). */
  rows: number;
  errors: RowError[];
  /** Each column's header as the file writes it, by column id. */
  headers: ReadonlyMap<string, string>;
  vendors: VendorRow[];
  systems: SystemRow[];
  activities: ActivityRow[];
}

type DataRow = Table['rows'][number];

const isEmpty = (row: DataRow) => row.cells.every((cell) => cell.trim() === '');

/** Names must be unique within the file and must not exist in the register yet (case does not matter). */
function duplicateNames(
  rows: readonly { row: number; name: string }[],
  existing: readonly string[],
  header: string,
): RowError[] {
  const taken = new Set(existing.map(nameKey));
  const firstRow = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, name } of rows) {
    const key = nameKey(name);
    if (key === '') continue;
    const first = firstRow.get(key);
    if (taken.has(key)) {
      errors.push({
        row,
        column: header,
        code: 'duplicate_name',
        params: { name },
        messageKey: 'duplicate_name_existing',
      });
    } else if (first !== undefined) {
      errors.push({ row, column: header, code: 'duplicate_name', params: { name, firstRow: first } });
    } else firstRow.set(key, row);
  }
  return errors;
}

function readRows(
  entity: ImportEntity,
  dataRows: readonly DataRow[],
  columnAt: readonly (string | null)[],
  headers: ReadonlyMap<string, string>,
  lookups: ImportLookups,
  locale: Locale,
): Pick<ValidatedImport, 'errors' | 'vendors' | 'systems' | 'activities'> & { names: { row: number; name: string }[] } {
  const result = {
    errors: [] as RowError[],
    vendors: [] as VendorRow[],
    systems: [] as SystemRow[],
    activities: [] as ActivityRow[],
  };
  const names: { row: number; name: string }[] = [];
  for (const dataRow of dataRows) {
    const cells = new Map<string, string>();
    columnAt.forEach((columnId, index) => {
      if (columnId) cells.set(columnId, dataRow.cells[index] ?? '');
    });
    const reader = new RowReader(dataRow.row, cells, headers, locale);
    names.push({ row: dataRow.row, name: reader.raw('name') ?? '' });
    if (entity === 'vendors') pushDefined(result.vendors, readVendorRow(reader));
    if (entity === 'systems') pushDefined(result.systems, readSystemRow(reader, lookups));
    if (entity === 'activities') pushDefined(result.activities, readActivityRow(reader, lookups));
    result.errors.push(...reader.errors);
  }
  return { ...result, names };
}

/** Errors by row, and within a row from left to right as the columns stand in the file. */
function inFileOrder(headerCells: readonly string[]) {
  const position = (error: RowError) => (error.column === null ? -1 : headerCells.indexOf(error.column));
  return (a: RowError, b: RowError) => a.row - b.row || position(a) - position(b);
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

/**
 * Checks every row of a file against the entity's contract and the register: readable cells, known references,
 * unique names, a sound parent chain. Reports every problem; what it returns is only written when none were found.
 */
export function validateTable(
  entity: ImportEntity,
  table: Table,
  lookups: ImportLookups,
  locale: Locale,
): ValidatedImport {
  const columns = IMPORT_COLUMNS[entity] as readonly Column<never>[];
  const header = mapHeader(table.header, columns, ['name'], locale);
  const dataRows = table.rows.filter((row) => !isEmpty(row));
  const base = { entity, rows: dataRows.length, headers: header.headers, vendors: [], systems: [], activities: [] };
  const fileErrors: RowError[] = [
    ...header.errors,
    ...table.brokenRows.map((row) => ({ row, column: null, code: 'unterminated_quote' })),
  ];
  if (dataRows.length === 0) fileErrors.push({ row: table.header.row, column: null, code: 'no_rows' });
  if (dataRows.length > MAX_IMPORT_ROWS) {
    const params = { limit: MAX_IMPORT_ROWS };
    return { ...base, errors: [...fileErrors, { row: table.header.row, column: null, code: 'too_many_rows', params }] };
  }
  const read = readRows(entity, dataRows, header.columnAt, header.headers, lookups, locale);
  const nameHeader = header.headers.get('name') ?? 'name';
  const errors = [
    ...fileErrors,
    ...read.errors,
    ...duplicateNames(read.names, lookups.existingNames[entity], nameHeader),
    ...(entity === 'vendors'
      ? checkVendorParents(read.vendors, lookups, header.headers.get('parentVendor') ?? 'parentVendor')
      : []),
  ].sort(inFileOrder(table.header.cells));
  return { ...base, errors, vendors: read.vendors, systems: read.systems, activities: read.activities };
}
