import { writeBoolean } from '../formats/cells.ts';
import type { Text } from '../labels/enums.ts';
import type { RegisterEntity, RegisterSnapshot, SnapshotDataCategory, SnapshotSubjectCategory } from '../snapshot.ts';
import { locationsOf } from '../snapshot.ts';
import { ACTIVITY_COLUMNS } from './activities.ts';
import { LOCATION_COLUMNS, SYSTEM_COLUMNS } from './systems.ts';
import { type Column, headerOf, type WriteContext, YES_NO } from './types.ts';
import { VENDOR_COLUMNS } from './vendors.ts';

const flag = (id: string, label: Text, pick: (row: SnapshotDataCategory) => boolean): Column<SnapshotDataCategory> => ({
  id,
  label,
  write: (row, { locale }) => writeBoolean(pick(row), YES_NO[locale]),
});

const DATA_CATEGORY_COLUMNS: Column<SnapshotDataCategory>[] = [
  { id: 'key', label: { nl: 'Sleutel', en: 'Key' }, write: (row) => row.key },
  { id: 'nameNl', label: { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' }, write: (row) => row.nameNl },
  { id: 'nameEn', label: { nl: 'Naam (Engels)', en: 'Name (English)' }, write: (row) => row.nameEn },
  { id: 'description', label: { nl: 'Omschrijving', en: 'Description' }, write: (row) => row.description },
  flag('isSpecial', { nl: 'Bijzonder (art. 9)', en: 'Special (Art. 9)' }, (row) => row.isSpecial),
  flag('isCriminal', { nl: 'Strafrechtelijk (art. 10)', en: 'Criminal (Art. 10)' }, (row) => row.isCriminal),
  flag('isNationalId', { nl: 'Nationaal identificatienummer', en: 'National id number' }, (row) => row.isNationalId),
  flag('isFinancial', { nl: 'Financieel', en: 'Financial' }, (row) => row.isFinancial),
  flag('isCredentials', { nl: 'Inloggegevens', en: 'Credentials' }, (row) => row.isCredentials),
  flag(
    'isCommunicationContent',
    { nl: 'Inhoud communicatie', en: 'Communication content' },
    (row) => row.isCommunicationContent,
  ),
  flag('isArchived', { nl: 'Gearchiveerd', en: 'Archived' }, (row) => row.isArchived),
];

const SUBJECT_CATEGORY_COLUMNS: Column<SnapshotSubjectCategory>[] = [
  { id: 'key', label: { nl: 'Sleutel', en: 'Key' }, write: (row) => row.key },
  { id: 'nameNl', label: { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' }, write: (row) => row.nameNl },
  { id: 'nameEn', label: { nl: 'Naam (Engels)', en: 'Name (English)' }, write: (row) => row.nameEn },
  { id: 'description', label: { nl: 'Omschrijving', en: 'Description' }, write: (row) => row.description },
  {
    id: 'isVulnerable',
    label: { nl: 'Kwetsbaar', en: 'Vulnerable' },
    write: (row, { locale }) => writeBoolean(row.isVulnerable, YES_NO[locale]),
  },
  {
    id: 'isArchived',
    label: { nl: 'Gearchiveerd', en: 'Archived' },
    write: (row, { locale }) => writeBoolean(row.isArchived, YES_NO[locale]),
  },
];

/** Sheet and file names per entity (the import also finds a sheet by either name). */
export const ENTITY_NAMES: Record<RegisterEntity, Text> = {
  activities: { nl: 'verwerkingsactiviteiten', en: 'activities' },
  systems: { nl: 'systemen', en: 'systems' },
  locations: { nl: 'locaties', en: 'locations' },
  vendors: { nl: 'leveranciers', en: 'vendors' },
  data_categories: { nl: 'categorieen-persoonsgegevens', en: 'data-categories' },
  subject_categories: { nl: 'categorieen-betrokkenen', en: 'subject-categories' },
};

export const IMPORT_COLUMNS = {
  activities: ACTIVITY_COLUMNS,
  systems: SYSTEM_COLUMNS,
  vendors: VENDOR_COLUMNS,
} as const;

/** An entity as a table: the header row and one row of cell texts per entry. */
export function entityTable(snapshot: RegisterSnapshot, entity: RegisterEntity, context: WriteContext): string[][] {
  switch (entity) {
    case 'activities':
      return table(ACTIVITY_COLUMNS, snapshot.activities, context);
    case 'systems':
      return table(SYSTEM_COLUMNS, snapshot.systems, context);
    case 'locations':
      return table(LOCATION_COLUMNS, locationsOf(snapshot), context);
    case 'vendors':
      return table(VENDOR_COLUMNS, snapshot.vendors, context);
    case 'data_categories':
      return table(DATA_CATEGORY_COLUMNS, snapshot.dataCategories, context);
    case 'subject_categories':
      return table(SUBJECT_CATEGORY_COLUMNS, snapshot.subjectCategories, context);
  }
}

function table<Row>(all: readonly Column<Row>[], rows: readonly Row[], context: WriteContext): string[][] {
  const columns = all.filter((column) => !column.isImportOnly);
  const header = columns.map((column) => headerOf(column, context.locale));
  return [header, ...rows.map((row) => columns.map((column) => column.write(row, context)))];
}

/** Names for the ids rows refer to, in the export's language. */
export function writeContextFor(snapshot: RegisterSnapshot, locale: WriteContext['locale']): WriteContext {
  const nameIn = (row: { nameNl: string; nameEn: string }) => (locale === 'nl' ? row.nameNl : row.nameEn);
  const dataNames = new Map(snapshot.dataCategories.map((row) => [row.id, nameIn(row)]));
  const subjectNames = new Map(snapshot.subjectCategories.map((row) => [row.id, nameIn(row)]));
  return {
    locale,
    dataCategoryName: (id) => dataNames.get(id) ?? id,
    subjectCategoryName: (id) => subjectNames.get(id) ?? id,
  };
}
