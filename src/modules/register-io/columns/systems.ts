import type { TLocation, TSystem } from '../../inventory/contract.ts';
import { writeBoolean, writeItems, writeList } from '../formats/cells.ts';
import { enumLabel } from '../labels/enums.ts';
import { type Column, type WriteContext, YES_NO } from './types.ts';

/** Location items in a system's row, in this order (trailing empty fields may be left out). */
export const LOCATION_FIELDS = [
  'role',
  'country',
  'region',
  'since',
  'until',
  'providerVendor',
  'transferSafeguard',
  'safeguardDetails',
  'notes',
  'tiaAssessedOn',
  'tiaReference',
] as const;

function locationItem(location: TLocation, locale: WriteContext['locale']): string[] {
  return [
    enumLabel('locationRole', location.role, locale),
    location.country,
    location.region,
    location.since ?? '',
    location.until ?? '',
    location.providerVendor?.name ?? '',
    enumLabel('safeguard', location.transferSafeguard, locale),
    location.safeguardDetails,
    location.notes,
    location.transferImpactAssessment?.assessedOn ?? '',
    location.transferImpactAssessment?.reference ?? '',
  ];
}

export const SYSTEM_COLUMNS: Column<TSystem>[] = [
  { id: 'name', label: { nl: 'Naam', en: 'Name' }, write: (system) => system.name },
  {
    id: 'kind',
    label: { nl: 'Soort', en: 'Kind' },
    write: (system, { locale }) => enumLabel('systemKind', system.kind, locale),
  },
  { id: 'vendor', label: { nl: 'Leverancier', en: 'Vendor' }, write: (system) => system.vendor?.name ?? '' },
  { id: 'description', label: { nl: 'Omschrijving', en: 'Description' }, write: (system) => system.description },
  {
    id: 'isMfaEnforced',
    label: { nl: 'Tweestapsverificatie verplicht', en: 'Two-factor authentication enforced' },
    write: (system, { locale }) => writeBoolean(system.isMfaEnforced, YES_NO[locale]),
  },
  {
    id: 'isEncryptedAtRest',
    label: { nl: 'Versleuteld opgeslagen', en: 'Encrypted at rest' },
    write: (system, { locale }) => writeBoolean(system.isEncryptedAtRest, YES_NO[locale]),
  },
  {
    id: 'status',
    label: { nl: 'Status', en: 'Status' },
    write: (system, { locale }) => enumLabel('entryStatus', system.status, locale),
  },
  {
    id: 'dataCategories',
    label: { nl: 'Categorieën persoonsgegevens', en: 'Categories of personal data' },
    write: (system, context) => writeList(system.dataCategoryIds.map(context.dataCategoryName)),
  },
  {
    id: 'locations',
    label: {
      nl: 'Locaties (rol | land | regio | sinds | tot en met | aanbieder | waarborg | toelichting | notities | TIA op | TIA-document)',
      en: 'Locations (role | country | region | since | until | provider | safeguard | details | notes | TIA on | TIA document)',
    },
    write: (system, { locale }) => writeItems(system.locations.map((location) => locationItem(location, locale))),
  },
];

/** The locations sheet: one row per location, for reading and filtering (import reads them from the systems). */
export const LOCATION_COLUMNS: Column<TLocation>[] = [
  { id: 'system', label: { nl: 'Systeem', en: 'System' }, write: (location) => location.system.name },
  {
    id: 'role',
    label: { nl: 'Rol', en: 'Role' },
    write: (location, { locale }) => enumLabel('locationRole', location.role, locale),
  },
  { id: 'country', label: { nl: 'Land', en: 'Country' }, write: (location) => location.country },
  { id: 'region', label: { nl: 'Regio', en: 'Region' }, write: (location) => location.region },
  {
    id: 'providerVendor',
    label: { nl: 'Aanbieder', en: 'Provider' },
    write: (location) => location.providerVendor?.name ?? '',
  },
  { id: 'since', label: { nl: 'Sinds', en: 'Since' }, write: (location) => location.since ?? '' },
  { id: 'until', label: { nl: 'Tot en met', en: 'Until' }, write: (location) => location.until ?? '' },
  {
    id: 'transfer',
    label: { nl: 'Doorgifte (beoordeling)', en: 'Transfer (assessment)' },
    write: (location, { locale }) => enumLabel('transferStatus', location.transfer.status, locale),
  },
  {
    id: 'transferSafeguard',
    label: { nl: 'Waarborg doorgifte', en: 'Transfer safeguard' },
    write: (location, { locale }) => enumLabel('safeguard', location.transferSafeguard, locale),
  },
  {
    id: 'safeguardDetails',
    label: { nl: 'Toelichting waarborg', en: 'Safeguard details' },
    write: (location) => location.safeguardDetails,
  },
  {
    id: 'tiaAssessedOn',
    label: { nl: 'Doorgiftetoetsing (TIA) op', en: 'Transfer impact assessment on' },
    write: (location) => location.transferImpactAssessment?.assessedOn ?? '',
  },
  {
    id: 'tiaReference',
    label: { nl: 'Doorgiftetoetsing: document of notitie', en: 'Transfer impact assessment: document or note' },
    write: (location) => location.transferImpactAssessment?.reference ?? '',
  },
  { id: 'notes', label: { nl: 'Notities', en: 'Notes' }, write: (location) => location.notes },
];
