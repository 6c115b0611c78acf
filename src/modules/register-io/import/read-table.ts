import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { AppError } from '../../../platform/errors.ts';
import { parseCsv, restoreFormulaText } from '../formats/csv.ts';
import type { Text } from '../labels/enums.ts';

/** A file as rows of cell texts, each with the row number a spreadsheet shows for it. */
export interface Table {
  header: { row: number; cells: string[] };
  rows: { row: number; cells: string[] }[];
  /** Rows whose text ended inside an open quote (CSV only). */
  brokenRows: number[];
}

/**
 * An XLSX is a ZIP; refuse one whose central directory says it unpacks to more than this (a "zip bomb": 0.63 MB that
 * unpacked to 161 MB kept exceljs busy for 28 s and 1.1 GB). A register of thousands of rows stays well below it.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** No entity has this many columns; a wider file is refused before any per-column work. */
export const MAX_COLUMNS = 200;

const unreadable = () => new AppError('invalid', 'file_unreadable');
const tooManyColumns = () => new AppError('invalid', 'too_many_columns', { params: { limit: MAX_COLUMNS } });
const unpacksTooLarge = () =>
  new AppError('invalid', 'file_unpacks_too_large', { params: { limit: `${MAX_UNPACKED_BYTES / 1024 / 1024} MB` } });

/** A record's cells up to its last non-empty one (spreadsheets pad rows); refused when still too wide. */
function withinColumnLimit(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  if (end > MAX_COLUMNS) throw tooManyColumns();
  return end === cells.length ? cells : cells.slice(0, end);
}

/** UTF-8 (with or without BOM); Excel's "CSV" on Dutch Windows writes Windows-1252, read as such when not UTF-8. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readCsvTable(bytes: Uint8Array): Table {
  const parsed = parseCsv(decodeText(bytes));
  const [header = [], ...records] = parsed.records.map(withinColumnLimit);
  return {
    header: { row: 1, cells: header.map((cell) => cell.trim()) },
    rows: records.map((cells, index) => ({ row: index + 2, cells: cells.map(restoreFormulaText) })),
    brokenRows: parsed.unterminatedQuoteAtRecord === null ? [] : [parsed.unterminatedQuoteAtRecord + 1],
  };
}

function assertSafeZip(bytes: Uint8Array): void {
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    throw unreadable();
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw unpacksTooLarge();
}

/** A cell's text; NUL characters (which PostgreSQL text cannot hold) are dropped. */
function cellText(value: ExcelJS.CellValue): string {
  return rawCellText(value).replaceAll('\u0000', '');
}

function rawCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return rawCellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The sheet named after the entity (in either language), else the first. */
function pickSheet(workbook: ExcelJS.Workbook, sheetNames: Text): ExcelJS.Worksheet | undefined {
  const wanted = [sheetNames.nl, sheetNames.en].map((name) => name.toLowerCase());
  return (
    workbook.worksheets.find((sheet) => wanted.includes(sheet.name.trim().toLowerCase())) ?? workbook.worksheets[0]
  );
}

export async function readXlsxTable(bytes: Uint8Array, sheetNames: Text): Promise<Table> {
  assertSafeZip(bytes);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs wants an ArrayBuffer here (its Buffer type clashes with @types/node's).
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = pickSheet(workbook, sheetNames);
  if (!sheet) throw unreadable();
  const rows: Table['rows'] = [];
  let header: Table['header'] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    if (values.length > MAX_COLUMNS && values.slice(MAX_COLUMNS).some((value) => cellText(value) !== '')) {
      throw tooManyColumns();
    }
    const cells = withinColumnLimit(Array.from(values.slice(0, MAX_COLUMNS), (value) => cellText(value)));
    if (!header) header = { row: row.number, cells: cells.map((cell) => cell.trim()) };
    else rows.push({ row: row.number, cells });
  });
  return { header: header ?? { row: 1, cells: [] }, rows, brokenRows: [] };
}
