/**
 * Where the measures meet the inventory: findings from systems, locations, vendors and the measures' review
 * dates, settled by linked measures; and the register's "security measures" text for an activity, written from
 * the in-place measures that apply to its systems.
 */
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale, translate } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as inventory from '../../inventory/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import { catalogueMeasure } from '../catalogue.ts';
import type { TActivityMeasuresText, TFindings } from '../contract.ts';
import {
  inRegisterOrder,
  inventoryFindings,
  type MeasureFacts,
  type RawFinding,
  securityMeasuresText,
  settlingMeasureKey,
  splitFindings,
} from '../rules.ts';
import * as store from '../store.ts';
import { measureTitle } from './present.ts';

async function measureFacts(ctx: AppContext, orgId: string, locale: Locale): Promise<MeasureFacts[]> {
  const [rows, evidence] = await Promise.all([store.listMeasures(ctx.db, orgId), store.evidenceHeads(ctx.db, orgId)]);
  return rows.map((row) => ({
    id: row.id,
    title: measureTitle(row, locale),
    catalogueKey: row.catalogueKey,
    status: row.status as MeasureFacts['status'],
    reviewDate: row.reviewDate,
    systemIds: row.systemIds,
    vendorIds: row.vendorIds,
    evidenceCount: evidence.filter((item) => item.measureId === row.id).length,
  }));
}

function presentFinding(finding: RawFinding, locale: Locale) {
  return {
    ...finding,
    message: translate(locale, `measures.findings.${finding.kind}`, { name: finding.target.name, ...finding.params }),
    settledBy: settlingMeasureKey(finding.kind),
  };
}

/** Open findings (what needs a measure or a review) and the ones linked measures settle. */
export async function getFindings(
  ctx: AppContext,
  scope: OrgScope,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TFindings> {
  const [systems, locations, vendorRows, measures] = await Promise.all([
    inventory.systemsOfOrg(ctx.db, scope.orgId),
    inventory.locationsOfSystems(ctx.db, scope.orgId),
    vendors.vendorsOfOrg(ctx.db, scope.orgId),
    measureFacts(ctx, scope.orgId, locale),
  ]);
  const certifications = await vendors.certificationsOfVendors(
    ctx.db,
    scope.orgId,
    vendorRows.map((vendor) => vendor.id),
  );
  const today = calendarDateIn(ctx.clock.now());
  const findings = inventoryFindings(
    {
      systems,
      locations,
      vendors: vendorRows.map((vendor) => ({ ...vendor, certifications: certifications.get(vendor.id) ?? [] })),
    },
    measures,
    today,
  );
  const { open, covered } = splitFindings(findings, measures);
  return {
    open: open.map((finding) => presentFinding(finding, locale)),
    covered: covered.map((finding) => ({ ...presentFinding(finding, locale), measureIds: finding.measureIds })),
  };
}

/**
 * The "security measures" text for an activity: the in-place measures linked to its systems, plus those of the
 * whole organisation (linked to no system and no vendor), in Dutch and English. The register itself is not changed.
 */
export async function activityMeasuresText(
  ctx: AppContext,
  scope: OrgScope,
  activityId: string,
): Promise<TActivityMeasuresText> {
  const [heads, pairs, rows, systems] = await Promise.all([
    register.activityHeadsOfOrg(ctx.db, scope.orgId),
    register.activitySystemsOfOrg(ctx.db, scope.orgId),
    store.listMeasures(ctx.db, scope.orgId),
    inventory.systemsOfOrg(ctx.db, scope.orgId),
  ]);
  const activity = heads.find((head) => head.id === activityId);
  if (!activity) throw notFound('activity_not_found');
  const systemIds = new Set(pairs.filter((pair) => pair.activityId === activityId).map((pair) => pair.systemId));
  const systemNames = new Map(systems.map((system) => [system.id, system.name]));
  const applying = inRegisterOrder(rows)
    .filter((row) => row.status === 'in_place')
    .map((row) => ({
      row,
      systemNames: row.systemIds.filter((id) => systemIds.has(id)).map((id) => systemNames.get(id) ?? ''),
    }))
    .filter(
      ({ row, systemNames: names }) => names.length > 0 || (row.systemIds.length === 0 && row.vendorIds.length === 0),
    );
  const title = (row: store.MeasureRow) => {
    const catalogue = catalogueMeasure(row.catalogueKey);
    return row.title !== '' || !catalogue ? { nl: row.title, en: row.title } : catalogue.title;
  };
  const text = securityMeasuresText(
    applying.map(({ row, systemNames: names }) => ({ title: title(row), systemNames: names.sort() })),
  );
  return {
    activity: { id: activity.id, name: activity.name },
    ...text,
    measures: applying.map(({ row }) => ({ id: row.id, name: measureTitle(row, DEFAULT_LOCALE) })),
  };
}
