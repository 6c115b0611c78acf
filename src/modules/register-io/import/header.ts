import type { Locale } from '../../../platform/i18n/index.ts';
import type { Column } from '../columns/types.ts';
import { nameKey } from '../formats/cells.ts';
import type { RowError } from './row-reader.ts';

/** Which column each position of the file holds (null: ignored), and each column's header as the file writes it. */
export interface HeaderMap {
  columnAt: (string | null)[];
  headers: Map<string, string>;
  errors: RowError[];
}

/** A label without its explanation in brackets: "Locaties (rol | land | …)" is also recognised as "Locaties". */
const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

function namesOf(column: Column<never>): string[] {
  const { id, label } = column;
  return [id, label.nl, label.en, shortLabel(label.nl), shortLabel(label.en)].map(nameKey);
}

/**
 * Matches the header row against the entity's columns by id or label in either language, so an export (in Dutch
 * or English) imports again. Columns the export shows only for reading are recognised and ignored; anything else
 * unknown is an error rather than silently dropped.
 */
export function mapHeader(
  header: { row: number; cells: string[] },
  columns: readonly Column<never>[],
  requiredColumnIds: readonly string[],
  locale: Locale,
): HeaderMap {
  const byName = new Map<string, Column<never>>();
  for (const column of columns) for (const name of namesOf(column)) byName.set(name, column);
  const result: HeaderMap = { columnAt: [], headers: new Map(), errors: [] };
  const error = (code: string, column: string | null, params: Record<string, string>) =>
    result.errors.push({ row: header.row, column, code, params });
  for (const cell of header.cells) {
    // An older export's explanation in brackets may list fewer item fields: its short label still names the column.
    const column = cell === '' ? undefined : (byName.get(nameKey(cell)) ?? byName.get(nameKey(shortLabel(cell))));
    if (cell === '') result.columnAt.push(null);
    else if (!column) {
      error('unknown_column', cell, { column: cell });
      result.columnAt.push(null);
    } else if (result.headers.has(column.id)) {
      error('duplicate_column', cell, { column: cell });
      result.columnAt.push(null);
    } else {
      result.headers.set(column.id, cell);
      result.columnAt.push(column.isExportOnly ? null : column.id);
    }
  }
  for (const id of requiredColumnIds) {
    const column = columns.find((candidate) => candidate.id === id);
    if (column && !result.headers.has(id)) error('missing_column', null, { column: column.label[locale] });
  }
  return result;
}
