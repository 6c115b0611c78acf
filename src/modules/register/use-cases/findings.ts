import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { gdprItems } from '../../../reference/index.ts';
import {
  classifyDestination,
  type DestinationCheck,
  isEeaCountry,
  needsSafeguard,
} from '../../../shared/transfer-check.ts';
import type { TCompletenessItem } from '../contract.ts';
import {
  type Destination,
  locationDestinations,
  type SystemFacts,
  transferDestination,
  vendorDestination,
} from '../destinations.ts';
import type { RetentionUnit } from '../retention-rules.ts';
import { type ActivityFacts, activityCompleteness, type Finding, type SystemInventoryFacts } from '../rules.ts';
import type { ActivityLinks, ActivityRow } from '../store.ts';
import { categoryName, type RegisterFacts } from './facts.ts';

/** Every place the activity's data reaches: its systems' locations in force today, its recipients, its transfers. */
export function destinationsOf(row: ActivityRow, links: ActivityLinks, facts: RegisterFacts): Destination[] {
  const systems = links.systemIds.map((id) => facts.systems.get(id)).filter((system) => system !== undefined);
  const locations = links.systemIds.flatMap((id) => facts.locationsBySystem.get(id) ?? []);
  const recipients = links.vendorIds.map((id) => facts.vendors.get(id)).filter((vendor) => vendor !== undefined);
  return [
    ...locationDestinations(systems as SystemFacts[], locations, facts.vendors, facts.today),
    ...recipients.map(vendorDestination),
    ...links.transfers.map((transfer) => transferDestination(row, transfer)),
  ];
}

/** What a person recognises: "Offsite backup of Mail", the vendor's name, "Helpdesk → recipient X". */
export function destinationLabel(destination: Destination, locale: Locale): string {
  if (destination.source === 'location') {
    const role = translate(locale, `register.location_roles.${destination.detail}`);
    return translate(locale, 'register.transfers.location_label', { role, system: destination.system?.name ?? '' });
  }
  if (destination.source === 'vendor') return destination.vendor?.name ?? '';
  return translate(locale, 'register.transfers.activity_transfer_label', {
    activity: destination.activity?.name ?? '',
    recipient: destination.detail,
  });
}

export function checkDestination(destination: Destination, today: string): DestinationCheck {
  return classifyDestination(destination.country, { isDpfCertified: destination.isDpfCertified, on: today });
}

/** The transfer check as the API shows it (ZTransferStatus). */
export function transferStatus(check: DestinationCheck, safeguard: string | null) {
  return {
    status: check.status,
    needsSafeguard: needsSafeguard(check, safeguard),
    adequacyScope: check.adequacy?.scope ?? null,
  };
}

function ownerState(row: ActivityRow, facts: RegisterFacts): ActivityFacts['owner'] {
  if (!row.ownerUserId) return 'none';
  return facts.memberIds.has(row.ownerUserId) ? 'member' : 'not_member';
}

/** The rules' view of one activity. */
export function activityFacts(
  row: ActivityRow,
  links: ActivityLinks,
  facts: RegisterFacts,
  locale: Locale,
): ActivityFacts {
  const dataCategories = links.dataCategoryIds
    .map((id) => facts.dataCategories.get(id))
    .filter((row) => row !== undefined);
  const subjectCategories = links.subjectCategoryIds
    .map((id) => facts.subjectCategories.get(id))
    .filter((row) => row !== undefined);
  return {
    ...row,
    role: row.role === 'processor' ? 'processor' : 'controller',
    subjectCategories: subjectCategories.map((category) => ({ name: categoryName(category, locale) })),
    dataCategories: dataCategories.map((category) => ({
      name: categoryName(category, locale),
      isSpecial: category.isSpecial,
      isCriminal: category.isCriminal,
      isNationalId: category.isNationalId,
    })),
    recipientCount: links.vendorIds.length,
    destinations: destinationsOf(row, links, facts).map((destination) => ({
      country: destination.country,
      safeguard: destination.safeguard,
      safeguardDetails: destination.safeguardDetails,
      isDpfCertified: destination.isDpfCertified,
      // Only a destination outside the EEA is ever named in a finding.
      label: isEeaCountry(destination.country) ? '' : destinationLabel(destination, locale),
    })),
    retention: {
      kind: row.retentionKind === 'period' || row.retentionKind === 'until_event' ? row.retentionKind : null,
      amount: row.retentionAmount,
      unit: row.retentionUnit as RetentionUnit | null,
      startEvent: row.retentionStartEvent,
      reference: row.retentionReference,
      presetId: row.retentionPresetId,
    },
    owner: ownerState(row, facts),
    systems: systemInventoryFacts(links, facts),
  };
}

function systemInventoryFacts(links: ActivityLinks, facts: RegisterFacts): SystemInventoryFacts[] {
  return links.systemIds.flatMap((id) => {
    const system = facts.systems.get(id);
    if (!system) return [];
    const locations = facts.locationsBySystem.get(id) ?? [];
    return [
      {
        name: system.name,
        kind: system.kind,
        isMfaEnforced: system.isMfaEnforced,
        isEncryptedAtRest: system.isEncryptedAtRest,
        hasLocationOfUnknownStart: locations.some((location) => location.since === null && location.until === null),
      },
    ];
  });
}

export function findingsOf(row: ActivityRow, links: ActivityLinks, facts: RegisterFacts, locale: Locale): Finding[] {
  return activityCompleteness(activityFacts(row, links, facts, locale), facts.today);
}

const EXTRA_ITEM_KEYS: Record<string, string> = {
  '6.1': 'legal_basis',
  '9.2': 'special_categories',
  '10': 'criminal_data',
  '87': 'national_id',
  dpia: 'dpia',
  owner: 'owner',
  review: 'review',
};

/** The item's label: from reference/gdpr-items.json for Art. 30 items, else from the messages. */
export function itemLabel(itemId: string, locale: Locale): string {
  const [article, paragraph, letter] = itemId.split('.');
  if (article === '30') {
    const list = paragraph === '1' ? gdprItems.art30_1_controller : gdprItems.art30_2_processor;
    const item = list.find((entry) => entry.id === letter);
    if (item) return item[locale];
  }
  return translate(locale, `register.items.${EXTRA_ITEM_KEYS[itemId] ?? itemId}`);
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A finding in the caller's language; its params stay as the rules gave them (codes, not words). */
export function localiseFinding(item: Finding, locale: Locale): TCompletenessItem {
  const words: Record<string, string | number> = { ...item.params };
  if (typeof item.params.country === 'string') words.countryName = countryName(item.params.country, locale);
  if (typeof item.params.limitUnit === 'string') {
    words.limitUnit = translate(locale, `register.units.${item.params.limitUnit}`);
  }
  return {
    ...item,
    label: itemLabel(item.itemId, locale),
    message: translate(locale, `register.completeness.${item.code}`, words),
  };
}
