import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TLocation, TSystem } from '../../inventory/contract.ts';
import type { TCompletenessItem } from '../../register/contract.ts';
import type { TVendor } from '../../vendors/contract.ts';
import { say } from '../labels/document.ts';
import { enumLabel } from '../labels/enums.ts';
import type { RegisterSnapshot } from '../snapshot.ts';
import { countryName, documentDate, safeguardText, yesNoUnknown } from './pdf-text.ts';

const header = (texts: string[]): TableCell[] => texts.map((text) => ({ text, style: 'tableHeader' }));

function locationPeriod(location: TLocation, locale: Locale): string {
  const until = location.until ? documentDate(location.until, locale) : null;
  if (location.since === null) return until ? `${say(locale, 'sinceUnknown')} – ${until}` : say(locale, 'sinceUnknown');
  const since = documentDate(location.since, locale);
  return until ? `${since} – ${until}` : say(locale, 'since', { date: since });
}

function locationsTable(system: TSystem, locale: Locale): Content {
  if (system.locations.length === 0) return { text: say(locale, 'noLocations'), style: 'muted' };
  const body: TableCell[][] = [
    header([
      say(locale, 'role'),
      say(locale, 'country'),
      say(locale, 'provider'),
      say(locale, 'period'),
      say(locale, 'transfer'),
    ]),
    ...system.locations.map((location) => [
      enumLabel('locationRole', location.role, locale),
      [countryName(location.country, locale), location.region].filter(Boolean).join(', '),
      location.providerVendor?.name ?? system.vendor?.name ?? '',
      locationPeriod(location, locale),
      location.transfer.status === 'safeguard-required'
        ? safeguardText(location.transferSafeguard, location.safeguardDetails, locale)
        : enumLabel('transferStatus', location.transfer.status, locale),
    ]),
  ];
  return { table: { headerRows: 1, widths: [60, 110, 90, 90, '*'], body }, layout: 'lightHorizontalLines' };
}

function systemBlock(system: TSystem, snapshot: RegisterSnapshot, locale: Locale): Content {
  const categories = new Map(snapshot.dataCategories.map((row) => [row.id, locale === 'nl' ? row.nameNl : row.nameEn]));
  const facts = [
    `${say(locale, 'kind')}: ${enumLabel('systemKind', system.kind, locale)}`,
    `${say(locale, 'vendor')}: ${system.vendor?.name ?? say(locale, 'notRecorded')}`,
    `${say(locale, 'personalData')}: ${system.dataCategoryIds.map((id) => categories.get(id) ?? id).join('; ') || say(locale, 'notRecorded')}`,
    `${say(locale, 'mfa')}: ${yesNoUnknown(system.isMfaEnforced, locale)}; ${say(locale, 'encrypted')}: ${yesNoUnknown(system.isEncryptedAtRest, locale)}`,
    `${say(locale, 'status')}: ${enumLabel('entryStatus', system.status, locale)}`,
  ];
  return {
    stack: [
      { text: system.name, style: 'activityTitle' },
      ...(system.description ? [{ text: system.description }] : []),
      ...facts.map((text) => ({ text })),
      { text: say(locale, 'locations'), style: 'itemLabel', margin: [0, 4, 0, 2] },
      locationsTable(system, locale),
    ],
    margin: [0, 0, 0, 12],
    unbreakable: system.locations.length < 8,
  };
}

function certificationText(certification: TVendor['certifications'][number], locale: Locale): string {
  const reference = certification.reference ? ` (${certification.reference})` : '';
  const validity = certification.validUntil
    ? `, ${say(locale, 'validUntil', { date: documentDate(certification.validUntil, locale) })}`
    : '';
  const expired = certification.isExpired ? ` — ${say(locale, 'expired')}` : '';
  return `${certification.name}${reference}${validity}${expired}`;
}

function vendorTransfer(vendor: TVendor, locale: Locale): string {
  const status = enumLabel('transferStatus', vendor.transfer.status, locale);
  const dpf = vendor.isDpfCertified ? `; ${say(locale, 'dpf')}` : '';
  if (vendor.transfer.status !== 'safeguard-required') return `${status}${dpf}`;
  return `${status}: ${safeguardText(vendor.transferSafeguard, vendor.safeguardDetails, locale)}${dpf}`;
}

function vendorRow(vendor: TVendor, locale: Locale): TableCell[] {
  const who = [
    { text: vendor.name, bold: true },
    { text: `${enumLabel('vendorKind', vendor.kind, locale)}, ${enumLabel('entryStatus', vendor.status, locale)}` },
    ...(vendor.parentVendor ? [{ text: `${say(locale, 'parent')}: ${vendor.parentVendor.name}` }] : []),
    ...(vendor.services ? [{ text: vendor.services }] : []),
  ];
  const certifications = vendor.certifications.map((item) => certificationText(item, locale));
  return [
    { stack: who },
    countryName(vendor.country, locale),
    vendorTransfer(vendor, locale),
    certifications.length > 0 ? { stack: certifications } : '—',
    yesNoUnknown(vendor.hasMfa, locale),
  ];
}

export function vendorsAnnex(snapshot: RegisterSnapshot, locale: Locale): Content[] {
  const title = { text: say(locale, 'annexVendors'), style: 'sectionTitle', pageBreak: 'before' as const };
  if (snapshot.vendors.length === 0) return [title, { text: say(locale, 'noVendors'), style: 'muted' }];
  const head = header([
    say(locale, 'vendor'),
    say(locale, 'country'),
    say(locale, 'transfer'),
    say(locale, 'certifications'),
    say(locale, 'mfaShort'),
  ]);
  const body = [head, ...snapshot.vendors.map((vendor) => vendorRow(vendor, locale))];
  return [
    title,
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [140, 80, 110, '*', 50], body },
      layout: 'lightHorizontalLines',
    },
  ];
}

export function systemsAnnex(snapshot: RegisterSnapshot, locale: Locale): Content[] {
  const title = { text: say(locale, 'annexSystems'), style: 'sectionTitle', pageBreak: 'before' as const };
  if (snapshot.systems.length === 0) return [title, { text: say(locale, 'noSystems'), style: 'muted' }];
  return [title, ...snapshot.systems.map((system) => systemBlock(system, snapshot, locale))];
}

const isGap = (item: TCompletenessItem) => item.status !== 'complete';

function gapRows(items: TCompletenessItem[], locale: Locale): TableCell[][] {
  return items
    .filter(isGap)
    .map((item) => [say(locale, item.status === 'missing' ? 'missing' : 'warning'), item.label, item.message]);
}

/** The gaps of one basis under its heading: what Art. 30 requires apart from what privacydesk also checks. */
function basisTables(items: TCompletenessItem[], locale: Locale): Content[] {
  const bases = [
    { basis: 'art30', heading: say(locale, 'basisArt30') },
    { basis: 'privacydesk', heading: say(locale, 'basisPrivacydesk') },
  ] as const;
  return bases.flatMap(({ basis, heading }) => {
    const rows = gapRows(
      items.filter((item) => item.basis === basis),
      locale,
    );
    if (rows.length === 0) return [];
    return [
      { text: heading, style: 'muted', margin: [0, 2, 0, 2] as [number, number, number, number] },
      { table: { widths: [70, 150, '*'], dontBreakRows: true, body: rows }, layout: 'lightHorizontalLines' },
    ];
  });
}

/**
 * What the completeness check found missing or worth a warning, per organisation and per activity, each split
 * into what Art. 30 requires and what privacydesk checks beyond it.
 */
export function gapsAnnex(snapshot: RegisterSnapshot, locale: Locale): Content[] {
  const { completeness } = snapshot;
  const title = { text: say(locale, 'annexGaps'), style: 'sectionTitle', pageBreak: 'before' as const };
  const groups = [
    { name: say(locale, 'organisationItems'), items: completeness.organisation.filter(isGap) },
    ...completeness.activities.map((entry) => ({ name: entry.activity.name, items: entry.items.filter(isGap) })),
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return [title, { text: say(locale, 'noGaps') }];
  return [
    title,
    ...groups.map((group) => ({
      stack: [{ text: group.name, style: 'activityTitle' }, ...basisTables(group.items, locale)],
      margin: [0, 0, 0, 10] as [number, number, number, number],
    })),
  ];
}
