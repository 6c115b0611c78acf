import { strToU8, zipSync } from 'fflate';
import type { Locale } from '../../../platform/i18n/index.ts';
import { ENTITY_NAMES, entityTable, writeContextFor } from '../columns/index.ts';
import { type CsvSeparator, writeCsv } from '../formats/csv.ts';
import { REGISTER_ENTITIES, type RegisterEntity, type RegisterSnapshot } from '../snapshot.ts';

/**
 * The separator follows the export's language, because that is what Excel expects in that region: Dutch Excel
 * (decimal comma) splits CSV on `;`, English Excel on `,`. Files start with a UTF-8 byte-order mark so Excel reads
 * "Beëindigd" correctly; the import detects either separator.
 */
export const CSV_SEPARATOR: Record<Locale, CsvSeparator> = { nl: ';', en: ',' };

export function entityCsv(snapshot: RegisterSnapshot, entity: RegisterEntity, locale: Locale): string {
  return writeCsv(entityTable(snapshot, entity, writeContextFor(snapshot, locale)), CSV_SEPARATOR[locale]);
}

export function csvFileName(entity: RegisterEntity, locale: Locale): string {
  return `${ENTITY_NAMES[entity][locale]}.csv`;
}

/** Every entity as its own CSV file, in one ZIP. */
export function registerCsvZip(snapshot: RegisterSnapshot, locale: Locale): Buffer {
  const files: Record<string, Uint8Array> = {};
  const modified = snapshot.exportedAt;
  for (const entity of REGISTER_ENTITIES) {
    files[csvFileName(entity, locale)] = strToU8(entityCsv(snapshot, entity, locale));
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: modified }));
}
