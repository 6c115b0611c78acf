import type { Locale } from '../../../platform/i18n/index.ts';
import type { Text } from '../labels/enums.ts';

/** What a cell needs beyond its own row: the language, and names for the ids a row refers to. */
export interface WriteContext {
  locale: Locale;
  dataCategoryName(id: string): string;
  subjectCategoryName(id: string): string;
}

/**
 * One column of an export sheet or CSV file. `id` is stable and always accepted as a header on import, as are the
 * labels in both languages; export writes the label in the chosen language.
 */
export interface Column<Row> {
  id: string;
  label: Text;
  write(row: Row, context: WriteContext): string;
  /** Shown for reading (a judgement, a count); ignored when the file is imported again. */
  isExportOnly?: boolean;
  /** Read from files written by an earlier version (so they still import), never written. */
  isImportOnly?: boolean;
}

export const YES_NO: Record<Locale, { yes: string; no: string }> = {
  nl: { yes: 'ja', no: 'nee' },
  en: { yes: 'yes', no: 'no' },
};

export function headerOf(column: { label: Text }, locale: Locale): string {
  return column.label[locale];
}
