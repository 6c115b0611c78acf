import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { gdprItems } from '../../../reference/index.ts';
import { normaliseCountryCode } from '../../../shared/countries.ts';
import { isInForceOn } from '../../../shared/locations.ts';
import {
  isEeaCountry,
  type ScopeAnswer,
  scopeQuestionCountry,
  type TransferStatus,
  transferStatusFrom,
} from '../../../shared/transfer-check.ts';
import type { TCompletenessItem } from '../contract.ts';
import {
  type Destination,
  heldOutsideBy,
  locationDestinations,
  onwardDestinations,
  type SystemFacts,
  transferDestination,
  vendorDestination,
  vendorsReached,
} from '../destinations.ts';
import type { RetentionUnit } from '../retention-rules.ts';
import { type ActivityFacts, activityCompleteness, type CheckedFinding, type SystemInventoryFacts } from '../rules.ts';
import type { ActivityLinks, ActivityRow, ControllerRow } from '../store.ts';
import { type DestinationFacts, judgeDestination } from '../transfer-rules.ts';
import { categoryName, type RegisterFacts } from './facts.ts';

/**
 * Every place the activity's data reaches: its systems' locations in force today, its recipients, the
 * sub-processors of every vendor it uses (to any depth), its own transfers.
 */
export function destinationsOf(row: ActivityRow, links: ActivityLinks, facts: RegisterFacts): Destination[] {
  const systems = links.systemIds
    .map((id) => facts.systems.get(id))
    .filter((system) => system !== undefined) as SystemFacts[];
  const locations = links.systemIds.flatMap((id) => facts.locationsBySystem.get(id) ?? []);
  const recipients = links.vendorIds.map((id) => facts.vendors.get(id)).filter((vendor) => vendor !== undefined);
  const reached = vendorsReached(links.vendorIds, systems, locations, facts.today);
  return [
    ...locationDestinations(systems, locations, facts.vendors, facts.today),
    ...recipients.map((vendor) => vendorDestination(vendor)),
    ...onwardDestinations(reached, facts.vendors),
    ...links.transfers.map((transfer) => transferDestination(row, transfer)),
  ];
}

/**
 * Active vendors that hold data outside the EEA (established there, or holding a copy there today) while no
 * activity that is not retired reaches them, directly or as a sub-processor further down.
 */
export function unlinkedVendorsOutside(
  rows: readonly ActivityRow[],
  links: ReadonlyMap<string, ActivityLinks>,
  facts: RegisterFacts,
): { name: string; country: string }[] {
  const linked = new Set<string>();
  for (const row of rows) {
    const link = links.get(row.id);
    if (!link) continue;
    for (const destination of destinationsOf(row, link, facts))
      if (destination.vendor) linked.add(destination.vendor.id);
    const systems = link.systemIds.flatMap((id) => facts.systems.get(id) ?? []);
    const locations = link.systemIds.flatMap((id) => facts.locationsBySystem.get(id) ?? []);
    for (const id of vendorsReached(link.vendorIds, systems, locations, facts.today)) linked.add(id);
  }
  const isOutside = (country: string) => !isEeaCountry(normaliseCountryCode(country) ?? country);
  return [...facts.vendors.values()]
    .filter((vendor) => vendor.status === 'active' && !linked.has(vendor.id))
    .flatMap((vendor) => {
      const country = heldOutsideBy(vendor, facts.systems, facts.locations, facts.today, isOutside);
      return country ? [{ name: vendor.name, country }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Subject categories whose data is HR data under the DPF: the organisation's own staff and applicants. */
const HR_SUBJECT_KEYS = new Set(['staff', 'applicants']);

export function isHrDataActivity(links: ActivityLinks, facts: RegisterFacts): boolean {
  return links.subjectCategoryIds.some((id) => HR_SUBJECT_KEYS.has(facts.subjectCategories.get(id)?.key ?? ''));
}

/** The organisation's answer for a country whose adequacy decision asks one; `undefined` for any other country. */
export function scopeAnswerOf(country: string, facts: RegisterFacts): ScopeAnswer | undefined {
  const code = scopeQuestionCountry(country);
  if (!code) return undefined;
  const answer = facts.scopeAnswers.get(code);
  if (!answer) return 'unanswered';
  return answer.isWithinScope ? 'within_scope' : 'outside_scope';
}

/** A destination as the transfer rules see it. */
export function destinationFacts(
  destination: Destination,
  facts: RegisterFacts,
  options: { label: string; isHrData: boolean },
): DestinationFacts {
  return {
    label: options.label,
    country: destination.country,
    kind: destination.kind,
    safeguard: destination.safeguard,
    safeguardDetails: destination.safeguardDetails,
    transferImpactAssessment: destination.transferImpactAssessment,
    dpf: destination.dpf,
    isHrData: options.isHrData,
    scopeAnswer: scopeAnswerOf(destination.country, facts) ?? 'unanswered',
  };
}

/** What a person recognises: "Offsite backup of Mail", the vendor's name, "Helpdesk → recipient X". */
export function destinationLabel(destination: Destination, locale: Locale): string {
  if (destination.source === 'location') {
    const role = translate(locale, `register.location_roles.${destination.detail}`);
    return translate(locale, 'register.transfers.location_label', { role, system: destination.system?.name ?? '' });
  }
  if (destination.source === 'vendor' && destination.via) {
    return translate(locale, 'register.transfers.onward_label', {
      vendor: destination.vendor?.name ?? '',
      via: destination.via.name,
    });
  }
  if (destination.source === 'vendor') return destination.vendor?.name ?? '';
  return translate(locale, 'register.transfers.activity_transfer_label', {
    activity: destination.activity?.name ?? '',
    recipient: destination.detail,
  });
}

/** The transfer check as the API shows it (ZTransferStatus), with the organisation's scope answers. */
export function transferStatus(destination: Destination, facts: RegisterFacts, isHrData = false): TransferStatus {
  return transferStatusFrom(
    judgeDestination(destinationFacts(destination, facts, { label: '', isHrData }), facts.today),
  );
}

/**
 * The vendors that run the activity's systems or hold their copies today, and are not recorded recipients: as
 * processors to whom data is disclosed they are recipients too (Art. 4(9)).
 */
export function systemVendorIds(links: ActivityLinks, facts: RegisterFacts): string[] {
  const ids = new Set<string>();
  for (const systemId of links.systemIds) {
    const vendorId = facts.systems.get(systemId)?.vendorId;
    if (vendorId) ids.add(vendorId);
    for (const location of facts.locationsBySystem.get(systemId) ?? []) {
      if (location.providerVendorId && isInForceOn(location, facts.today)) ids.add(location.providerVendorId);
    }
  }
  for (const vendorId of links.vendorIds) ids.delete(vendorId);
  return [...ids].filter((id) => facts.vendors.has(id));
}

/** A controller as the register names it: a managed client's name and contact are read from that organisation. */
export function controllerDetails(controller: ControllerRow, facts: RegisterFacts) {
  if (controller.kind !== 'managed_org') {
    return { kind: 'external' as const, organisation: null, name: controller.name, contact: controller.contact };
  }
  const client = controller.controllerOrgId ? facts.clients.get(controller.controllerOrgId) : undefined;
  return {
    kind: 'managed_org' as const,
    organisation: client ? { id: client.id, name: client.name } : null,
    name: client?.name ?? '',
    contact: client?.contact ?? '',
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
    controllers: links.controllers.map((controller) => controllerDetails(controller, facts)),
    jointControllers: links.jointControllers,
    recipientCount: links.vendorIds.length,
    systemVendors: systemVendorIds(links, facts).map((id) => ({ name: facts.vendors.get(id)?.name ?? '' })),
    destinations: destinationsOf(row, links, facts).map((destination) =>
      destinationFacts(destination, facts, {
        // Only a destination outside the EEA is ever named in a finding.
        label: isEeaCountry(destination.country) ? '' : destinationLabel(destination, locale),
        isHrData: isHrDataActivity(links, facts),
      }),
    ),
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

export function findingsOf(
  row: ActivityRow,
  links: ActivityLinks,
  facts: RegisterFacts,
  locale: Locale,
): CheckedFinding[] {
  return activityCompleteness(activityFacts(row, links, facts, locale), facts.today);
}

const EXTRA_ITEM_KEYS: Record<string, string> = {
  '6.1': 'legal_basis',
  '9.2': 'special_categories',
  '10': 'criminal_data',
  '87': 'national_id',
  '26': 'joint_controllers',
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
export function localiseFinding(item: CheckedFinding, locale: Locale): TCompletenessItem {
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
