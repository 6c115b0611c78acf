import type { Locale } from '../../../platform/i18n/index.ts';
import { retentionWording } from '../../../shared/retention-texts.ts';
import type { TActivity } from '../../register/contract.ts';
import { say, sayCount } from '../labels/document.ts';
import { enumLabel } from '../labels/enums.ts';
import type { RegisterSnapshot, SnapshotOrganisation } from '../snapshot.ts';

/** Plain-text phrases the PDF builds from register values, one small function each. */

const regionNames = {
  nl: new Intl.DisplayNames(['nl'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

const dateFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar day as a document writes it: "23 november 2026", "23 November 2026". */
export function documentDate(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dateFormats[locale].format(date);
}

/** "Verenigde Staten (US)": the country's name in the document's language, with its code. */
export function countryName(code: string, locale: Locale): string {
  try {
    const name = regionNames[locale].of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function addressLine(organisation: SnapshotOrganisation, locale: Locale): string {
  const place = [organisation.postcode, organisation.city].filter(Boolean).join(' ');
  return [organisation.street, place, countryName(organisation.country, locale)].filter(Boolean).join(', ');
}

/** The DPO or privacy officer and how to reach them; `withRole` names which of the two it is. */
export function privacyContactLine(organisation: SnapshotOrganisation, locale: Locale, withRole = true): string {
  const contact = organisation.privacyContact;
  if (!contact) return say(locale, 'noPrivacyContact');
  const role = withRole ? `${say(locale, contact.kind === 'dpo' ? 'dpo' : 'privacyOfficer')}: ` : '';
  const external =
    contact.isExternal && contact.organisation
      ? ` (${say(locale, 'external', { organisation: contact.organisation })})`
      : '';
  const reach = [contact.email, contact.phone].filter(Boolean).join(', ');
  return `${role}${contact.name}${external}, ${reach}`;
}

/** Name, KvK number and address of the organisation, on one line: Art. 30(1)(a) and 30(2)(a). */
export function organisationLine(organisation: SnapshotOrganisation, locale: Locale): string {
  const kvk = organisation.kvkNumber ? `, ${say(locale, 'kvk')} ${organisation.kvkNumber}` : '';
  return `${organisation.name}${kvk}, ${addressLine(organisation, locale)}`;
}

function periodPhrase(retention: TActivity['retention'], event: string, locale: Locale): string | null {
  if (retention.kind === 'period' && retention.amount !== null && retention.unit !== null) {
    if (retention.amount === 0) {
      return event ? say(locale, 'retentionImmediately', { event }) : say(locale, 'retentionImmediatelyNoEvent');
    }
    const period = sayCount(locale, retention.unit, retention.amount);
    return event ? `${period} ${say(locale, 'retentionFrom', { event })}` : period;
  }
  if (retention.kind === 'until_event' && event) return say(locale, 'retentionUntil', { event });
  return null;
}

/** "7 jaar vanaf het einde van het boekjaar … — art. 52 lid 4 AWR …", "direct na …", never "0 maanden vanaf". */
export function retentionText(retention: TActivity['retention'], locale: Locale): string {
  const wording = retentionWording(retention, locale);
  const phrase = periodPhrase(retention, wording.startEvent, locale);
  if (phrase === null) return say(locale, 'notRecorded');
  return wording.reference ? `${phrase} — ${wording.reference}` : phrase;
}

export function yesNoUnknown(value: boolean | null, locale: Locale): string {
  if (value === null) return say(locale, 'unknown');
  return say(locale, value ? 'yes' : 'no');
}

export function safeguardText(safeguard: string | null, details: string, locale: Locale): string {
  if (!safeguard) return say(locale, 'noSafeguard');
  const label = enumLabel('safeguard', safeguard, locale);
  return details ? `${label}: ${details}` : label;
}

/** Where the data of an activity leaves the EEA: explicit transfers, system locations in force, recipients. */
export function transferLines(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): string[] {
  const lines = activity.transfers.map(
    (transfer) =>
      `${countryName(transfer.country, locale)} — ${transfer.recipient}: ${transferJudgement({ ...transfer, transferSafeguard: transfer.safeguard }, locale)}`,
  );
  const systemIds = new Set(activity.systems.map((ref) => ref.id));
  for (const system of snapshot.systems) {
    if (!systemIds.has(system.id)) continue;
    for (const location of system.locations) {
      const isInForce = location.until === null || location.until >= snapshot.exportDate;
      if (!isInForce || location.transfer.status === 'eea') continue;
      const role = enumLabel('locationRole', location.role, locale);
      lines.push(
        `${countryName(location.country, locale)} — ${system.name} (${role}): ${transferJudgement(location, locale)}`,
      );
    }
  }
  const recipientIds = new Set(activity.recipients.map((ref) => ref.id));
  for (const vendor of snapshot.vendors) {
    if (!recipientIds.has(vendor.id) || vendor.transfer.status === 'eea') continue;
    lines.push(`${countryName(vendor.country, locale)} — ${vendor.name}: ${transferJudgement(vendor, locale)}`);
  }
  return [...lines, ...onwardLines(activity, snapshot, locale)];
}

/** Onward transfers (Art. 44): sub-processors outside the EEA of the vendors the activity uses, to any depth. */
function onwardLines(activity: TActivity, snapshot: RegisterSnapshot, locale: Locale): string[] {
  const vendorById = new Map(snapshot.vendors.map((vendor) => [vendor.id, vendor]));
  return activity.onwardTransfers.flatMap((onward) => {
    const vendor = vendorById.get(onward.vendor.id);
    if (!vendor || onward.transfer.status === 'eea') return [];
    const via = say(locale, 'onwardVia', { via: onward.via.name });
    const judgement = transferJudgement({ ...vendor, transfer: onward.transfer }, locale);
    return [`${countryName(onward.country, locale)} — ${vendor.name} (${via}): ${judgement}`];
  });
}

/** What is still wrong with a recorded transfer, in the document's words (empty when nothing is). */
const VERDICT_NOTES: Record<string, Parameters<typeof say>[1]> = {
  tia_missing: 'tiaMissing',
  derogation_not_occasional: 'derogationNotOccasional',
  dpf_undated: 'dpfUndated',
  scope_unconfirmed: 'scopeUnconfirmed',
};

function transferJudgement(
  entry: {
    transfer: { status: string; needsSafeguard: boolean; verdict?: string };
    transferSafeguard: string | null;
    safeguardDetails: string;
    transferImpactAssessment?: { assessedOn: string } | null;
  },
  locale: Locale,
): string {
  const note = VERDICT_NOTES[entry.transfer.verdict ?? ''];
  const suffix = note ? ` (${say(locale, note)})` : '';
  if (entry.transfer.status === 'adequate' && !entry.transferSafeguard) {
    return `${enumLabel('transferStatus', 'adequate', locale)}${suffix}`;
  }
  const tia = entry.transferImpactAssessment
    ? ` (${say(locale, 'tiaRecorded', { date: entry.transferImpactAssessment.assessedOn })})`
    : '';
  return `${safeguardText(entry.transferSafeguard, entry.safeguardDetails, locale)}${tia}${suffix}`;
}
