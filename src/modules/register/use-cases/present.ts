import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import { tiaFromColumns } from '../../../shared/lists.ts';
import * as completenessStore from '../completeness-store.ts';
import type { TActivity } from '../contract.ts';
import { transferDestination } from '../destinations.ts';
import { type CompletenessSummary, summarise } from '../rules.ts';
import * as store from '../store.ts';
import { categoryName, loadFacts, type RegisterFacts } from './facts.ts';
import {
  controllerDetails,
  destinationsOf,
  findingsOf,
  isHrDataActivity,
  systemVendorIds,
  transferStatus,
} from './findings.ts';

type Ref = { id: string; name: string };

/** Names in a person's order (case and accents ignored); one collator, as creating one per comparison is slow. */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('nl', { sensitivity: 'base' }).compare;

/** References by id, sorted by name; an id whose row is gone is left out. */
function refs<T>(ids: readonly string[], rows: ReadonlyMap<string, T>, name: (row: T) => string): Ref[] {
  return ids
    .flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ id, name: name(row) }] : [];
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

type Enum<T extends keyof TActivity> = NonNullable<TActivity[T]>;

function onwardTransfersOf(row: store.ActivityRow, links: store.ActivityLinks, facts: RegisterFacts) {
  const isHrData = isHrDataActivity(links, facts);
  return destinationsOf(row, links, facts).flatMap((destination) =>
    destination.via && destination.vendor
      ? [
          {
            vendor: destination.vendor,
            via: destination.via,
            country: destination.country,
            transfer: transferStatus(destination, facts, isHrData),
          },
        ]
      : [],
  );
}

/** An activity as the API shows it, with its completeness summary (stored, or computed by the caller). */
export function presentActivity(
  row: store.ActivityRow,
  links: store.ActivityLinks,
  facts: RegisterFacts,
  locale: Locale,
  completeness: CompletenessSummary,
): TActivity {
  const inLocale = (category: { nameNl: string; nameEn: string }) => categoryName(category, locale);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    role: row.role as Enum<'role'>,
    controllers: links.controllers.map((controller) => ({
      id: controller.id,
      ...controllerDetails(controller, facts),
    })),
    jointControllers: links.jointControllers.map(({ id, name, contact, arrangement }) => ({
      id,
      name,
      contact,
      arrangement,
    })),
    processingCategories: row.processingCategories,
    purposes: row.purposes,
    legalBasis: row.legalBasis as TActivity['legalBasis'],
    legalBasisJustification: row.legalBasisJustification,
    specialCategoryGround: row.specialCategoryGround as TActivity['specialCategoryGround'],
    criminalDataGround: row.criminalDataGround,
    subjectCategories: refs(links.subjectCategoryIds, facts.subjectCategories, inLocale),
    dataCategories: refs(links.dataCategoryIds, facts.dataCategories, inLocale),
    systems: refs(links.systemIds, facts.systems, (system) => system.name),
    recipients: refs(links.vendorIds, facts.vendors, (vendor) => vendor.name),
    systemVendors: refs(systemVendorIds(links, facts), facts.vendors, (vendor) => vendor.name),
    hasNoRecipients: row.hasNoRecipients,
    recipientCategories: row.recipientCategories,
    transfers: links.transfers.map((transfer) => ({
      id: transfer.id,
      country: transfer.country,
      recipient: transfer.recipient,
      safeguard: transfer.safeguard as TActivity['transfers'][number]['safeguard'],
      safeguardDetails: transfer.safeguardDetails,
      transferImpactAssessment: tiaFromColumns(transfer.tiaAssessedOn, transfer.tiaReference),
      transfer: transferStatus(transferDestination(row, transfer), facts),
    })),
    onwardTransfers: onwardTransfersOf(row, links, facts),
    retention: {
      kind: row.retentionKind as TActivity['retention']['kind'],
      amount: row.retentionAmount,
      unit: row.retentionUnit as TActivity['retention']['unit'],
      startEvent: row.retentionStartEvent,
      reference: row.retentionReference,
      presetId: row.retentionPresetId,
    },
    securityMeasures: row.securityMeasures,
    isDpiaRequired: row.isDpiaRequired,
    dpiaReason: row.dpiaReason,
    owner: row.ownerUserId ? { id: row.ownerUserId, name: facts.ownerNames.get(row.ownerUserId) ?? '' } : null,
    reviewDate: row.reviewDate,
    status: row.status as Enum<'status'>,
    completeness,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Presents some activities with their links and completeness, in a fixed number of queries: the summary stored
 * for today, or the live check for an activity whose summary the daily refresh has not reached yet.
 */
export async function presentActivities(
  ctx: AppContext,
  scope: OrgScope,
  rows: readonly store.ActivityRow[],
  locale: Locale,
): Promise<TActivity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const today = calendarDateIn(ctx.clock.now());
  const [links, stored] = await Promise.all([
    store.linksOf(ctx.db, scope.orgId, ids),
    completenessStore.summariesOn(ctx.db, scope.orgId, ids, today),
  ]);
  const linksOf = (row: store.ActivityRow) => links.get(row.id) ?? store.noLinks();
  // The links' transfer verdicts, onward transfers and controllers need the whole facts; only the findings are saved.
  const facts = await loadFacts(ctx, scope, rows, links);
  const summaryOf = (row: store.ActivityRow) =>
    stored.get(row.id) ?? summarise(findingsOf(row, linksOf(row), facts, locale));
  return rows.map((row) => presentActivity(row, linksOf(row), facts, locale, summaryOf(row)));
}
