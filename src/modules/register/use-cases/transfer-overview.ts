import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { normaliseCountryCode } from '../../../shared/countries.ts';
import { COUNTRIES_VALID_AS_OF, classifyDestination, scopeQuestionCountry } from '../../../shared/transfer-check.ts';
import type { TScopeQuestion, TTransferOverviewQuery, TTransferWarning } from '../contract.ts';
import {
  type Destination,
  locationDestinations,
  type Named,
  type SystemFacts,
  transferDestination,
  vendorDestination,
} from '../destinations.ts';
import * as store from '../store.ts';
import { loadFacts, type RegisterFacts } from './facts.ts';
import { destinationLabel, transferStatus } from './findings.ts';
import { compareNames } from './present.ts';

function allDestinations(facts: RegisterFacts, heads: Named[], transfers: store.TransferRow[]): Destination[] {
  const systems = [...facts.systems.values()] as SystemFacts[];
  const activeVendors = [...facts.vendors.values()].filter((vendor) => vendor.status === 'active');
  const activityById = new Map(heads.map((head) => [head.id, head]));
  return [
    ...locationDestinations(systems, facts.locations, facts.vendors, facts.today),
    ...activeVendors.map((vendor) => {
      const parent = vendor.parentVendorId ? facts.vendors.get(vendor.parentVendorId) : undefined;
      return vendorDestination(vendor, parent ?? null);
    }),
    ...transfers.flatMap((transfer) => {
      const activity = activityById.get(transfer.activityId);
      return activity ? [transferDestination(activity, transfer)] : [];
    }),
  ];
}

function toWarning(destination: Destination, facts: RegisterFacts, locale: Locale): TTransferWarning {
  return {
    source: destination.source,
    id: destination.id,
    label: destinationLabel(destination, locale),
    country: normaliseCountryCode(destination.country) ?? destination.country,
    safeguard: destination.safeguard as TTransferWarning['safeguard'],
    transfer: transferStatus(destination, facts),
    system: destination.system,
    vendor: destination.vendor,
    activity: destination.activity,
    via: destination.via,
  };
}

/** The scope questions of the countries the organisation's data reaches, answered or not. */
function scopeQuestionsOf(outside: readonly TTransferWarning[], facts: RegisterFacts): TScopeQuestion[] {
  const countries = [...new Set(outside.map((warning) => scopeQuestionCountry(warning.country)))].filter(
    (country) => country !== undefined,
  );
  return countries.sort().map((country) => {
    const answer = facts.scopeAnswers.get(country);
    return {
      country,
      scope: classifyDestination(country).adequacy?.scope ?? { en: '', nl: '' },
      answer: answer
        ? { isWithinScope: answer.isWithinScope, note: answer.note, answeredAt: answer.answeredAt.toISOString() }
        : null,
    };
  });
}

function matches(warning: TTransferWarning, query: TTransferOverviewQuery): boolean {
  if (query.source && warning.source !== query.source) return false;
  if (query.needsSafeguard !== undefined && warning.transfer.needsSafeguard !== query.needsSafeguard) return false;
  if (!query.q) return true;
  const q = query.q.toLowerCase();
  return warning.label.toLowerCase().includes(q) || warning.country.toLowerCase() === q;
}

function compare(sort: TTransferOverviewQuery['sort']) {
  const byLabel = (a: TTransferWarning, b: TTransferWarning) => compareNames(a.label, b.label);
  const byCountry = (a: TTransferWarning, b: TTransferWarning) =>
    a.country.localeCompare(b.country, 'en') || byLabel(a, b);
  if (sort === 'label') return byLabel;
  if (sort === 'country') return byCountry;
  return (a: TTransferWarning, b: TTransferWarning) =>
    Number(b.transfer.needsSafeguard) - Number(a.transfer.needsSafeguard) || byCountry(a, b);
}

/**
 * Every destination outside the EEA: the locations in force today, the active vendors and the explicit transfers of
 * activities that are not retired, each with its transfer check. `needsSafeguard` counts them all, whatever the filter.
 */
export async function getTransferOverview(
  ctx: AppContext,
  scope: OrgScope,
  query: TTransferOverviewQuery,
  locale: Locale,
) {
  const [heads, transfers, facts] = await Promise.all([
    store.currentActivityHeads(ctx.db, scope.orgId),
    store.currentTransfers(ctx.db, scope.orgId),
    loadFacts(ctx, scope, [], new Map(), { everything: true }),
  ]);
  const outside = allDestinations(facts, heads, transfers)
    .map((destination) => toWarning(destination, facts, locale))
    .filter((warning) => warning.transfer.status !== 'eea');
  const direction = query.order === 'desc' ? -1 : 1;
  const ordering = compare(query.sort);
  return {
    transfers: outside.filter((warning) => matches(warning, query)).sort((a, b) => direction * ordering(a, b)),
    needsSafeguard: outside.filter((warning) => warning.transfer.needsSafeguard).length,
    scopeQuestions: scopeQuestionsOf(outside, facts),
    countriesValidAsOf: COUNTRIES_VALID_AS_OF,
  };
}
