import type ExcelJS from 'exceljs';
import type { Locale } from '../../../platform/i18n/index.ts';
import { ENTITY_NAMES, entityTable, writeContextFor } from '../columns/index.ts';
import { REGISTER_ENTITIES, type RegisterSnapshot } from '../snapshot.ts';

const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 10;

/** Columns as wide as their longest line (within bounds), so a person can read the sheet without resizing. */
function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const header = rows[0] ?? [];
  return header.map((_, index) => {
    let widest = MIN_COLUMN_WIDTH;
    for (const row of rows) {
      for (const line of (row[index] ?? '').split('\n')) widest = Math.max(widest, line.length + 2);
      if (widest >= MAX_COLUMN_WIDTH) return MAX_COLUMN_WIDTH;
    }
    return widest;
  });
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: string[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(rows);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  const widths = columnWidths(rows);
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const columnCount = rows[0]?.length ?? 0;
  if (columnCount > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}

/**
 * The register as a workbook: one sheet per entity, a bold frozen header row with an autofilter. Every value is
 * written as text (dates too), so a spreadsheet never reinterprets a date, a code or a number.
 */
export async function registerXlsx(snapshot: RegisterSnapshot, locale: Locale): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'privacydesk';
  workbook.created = snapshot.exportedAt;
  const context = writeContextFor(snapshot, locale);
  for (const entity of REGISTER_ENTITIES) {
    addSheet(workbook, ENTITY_NAMES[entity][locale], entityTable(snapshot, entity, context));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Any tables as a workbook in the same style: one sheet per table, its first row the header. */
export async function tablesXlsx(sheets: readonly { name: string; rows: string[][] }[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'privacydesk';
  for (const sheet of sheets) addSheet(workbook, sheet.name.slice(0, 31), sheet.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
