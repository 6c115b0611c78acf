/**
 * The register of security measures: list, add (from the catalogue or its own), change, delete, and add the
 * whole catalogue as planned measures. Every change is in the audit trail.
 */
import type { AuditAction } from '../../../platform/audit/actions.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { retryOnUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { invalidField, invalidFields, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import { CATALOGUE_KEYS, catalogueMeasure } from '../catalogue.ts';
import { type TCreateMeasure, type TMeasure, type TUpdateMeasure, ZCreateMeasure } from '../contract.ts';
import { inRegisterOrder, measureErrors } from '../rules.ts';
import * as store from '../store.ts';
import { measureTitle, presentMeasure } from './present.ts';

async function presentContext(ctx: AppContext, scope: OrgScope, locale: Locale, measureId?: string) {
  const [systems, vendorRows, evidence] = await Promise.all([
    inventory.systemsOfOrg(ctx.db, scope.orgId),
    vendors.vendorsOfOrg(ctx.db, scope.orgId),
    store.evidenceHeads(ctx.db, scope.orgId, measureId),
  ]);
  return {
    systemNames: new Map(systems.map((system) => [system.id, system.name])),
    vendorNames: new Map(vendorRows.map((vendor) => [vendor.id, vendor.name])),
    evidence,
    today: calendarDateIn(ctx.clock.now()),
    locale,
  };
}

export async function listMeasures(
  ctx: AppContext,
  scope: OrgScope,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ items: TMeasure[] }> {
  const [rows, context] = await Promise.all([
    store.listMeasures(ctx.db, scope.orgId),
    presentContext(ctx, scope, locale),
  ]);
  return { items: inRegisterOrder(rows).map((row) => presentMeasure(row, context)) };
}

export async function getMeasure(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TMeasure> {
  const row = await store.findMeasure(ctx.db, scope.orgId, id);
  if (!row) throw notFound('measure_not_found');
  return presentMeasure(row, await presentContext(ctx, scope, locale, id));
}

export async function auditMeasure(
  tx: Database,
  ctx: AppContext,
  scope: OrgScope,
  row: Pick<store.MeasureRow, 'id' | 'catalogueKey' | 'title'>,
  action: AuditAction,
  data: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action,
    target: { type: 'security_measure', id: row.id, name: measureTitle(row, DEFAULT_LOCALE) },
    data,
  });
}

/** The systems, vendors and owner named belong to the organisation (inside the transaction). */
async function assertReferences(
  tx: Database,
  scope: OrgScope,
  input: Pick<TUpdateMeasure, 'systemIds' | 'vendorIds' | 'ownerUserId'>,
) {
  if (input.systemIds?.length) await inventory.assertSystemsOfOrg(tx, scope.orgId, input.systemIds);
  if (input.vendorIds?.length) await vendors.assertVendorsOfOrg(tx, scope.orgId, input.vendorIds);
  if (input.ownerUserId) await organisations.assertMemberOfOrg(tx, scope.orgId, input.ownerUserId, 'ownerUserId');
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Adds a measure; a catalogue one keeps its catalogue title (unless given one) and its Annex A controls. */
export async function createMeasure(ctx: AppContext, scope: OrgScope, body: TCreateMeasure): Promise<TMeasure> {
  const input = ZCreateMeasure.parse(body);
  const errors = measureErrors(input);
  if (errors.length > 0) throw invalidFields(errors);
  const catalogue = catalogueMeasure(input.catalogueKey);
  const id = await inTransaction(ctx.db, async (tx) => {
    await assertReferences(tx, scope, input);
    if (input.catalogueKey && (await store.catalogueKeysOf(tx, scope.orgId)).has(input.catalogueKey))
      throw invalidField('catalogueKey', 'measure_catalogue_taken');
    const row = await store.insertMeasure(tx, {
      ...input,
      notApplicableReason: input.status === 'not_applicable' ? input.notApplicableReason : null,
      controls: unique(input.controls ?? catalogue?.controls ?? []),
      systemIds: unique(input.systemIds),
      vendorIds: unique(input.vendorIds),
      orgId: scope.orgId,
    });
    await auditMeasure(tx, ctx, scope, row, 'security_measure.created', { status: row.status });
    return row.id;
  });
  return getMeasure(ctx, scope, id);
}

export async function updateMeasure(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateMeasure,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TMeasure> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.lockMeasure(tx, scope.orgId, id);
    if (!row) throw notFound('measure_not_found');
    const next = { ...row, ...input };
    const errors = measureErrors({ ...next, title: measureTitle(next, DEFAULT_LOCALE) });
    if (errors.length > 0) throw invalidFields(errors);
    await assertReferences(tx, scope, input);
    await store.updateMeasure(tx, scope.orgId, id, {
      ...input,
      notApplicableReason: next.status === 'not_applicable' ? next.notApplicableReason : null,
      ...(input.controls ? { controls: unique(input.controls) } : {}),
      ...(input.systemIds ? { systemIds: unique(input.systemIds) } : {}),
      ...(input.vendorIds ? { vendorIds: unique(input.vendorIds) } : {}),
    });
    await auditMeasure(tx, ctx, scope, next, 'security_measure.updated', {
      fields: Object.keys(input),
      status: next.status,
    });
  });
  return getMeasure(ctx, scope, id, locale);
}

export async function deleteMeasure(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.lockMeasure(tx, scope.orgId, id);
    if (!row) throw notFound('measure_not_found');
    await store.deleteMeasure(tx, scope.orgId, id);
    await auditMeasure(tx, ctx, scope, row, 'security_measure.deleted');
  });
}

/** Adds the catalogue measures the organisation does not have yet (all, or the keys given) as planned. */
export async function applyCatalogue(
  ctx: AppContext,
  scope: OrgScope,
  keys: readonly string[] | undefined,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ items: TMeasure[] }> {
  const unknown = (keys ?? []).findIndex((key) => !catalogueMeasure(key));
  if (unknown >= 0) throw invalidField(`keys.${unknown}`, 'measure_catalogue_unknown');
  await retryOnUniqueViolation(() =>
    inTransaction(ctx.db, async (tx) => {
      const present = await store.catalogueKeysOf(tx, scope.orgId);
      const wanted = unique(keys ?? CATALOGUE_KEYS).filter((key) => !present.has(key));
      for (const key of wanted) {
        const row = await store.insertMeasure(tx, {
          orgId: scope.orgId,
          catalogueKey: key,
          controls: [...(catalogueMeasure(key)?.controls ?? [])],
        });
        await auditMeasure(tx, ctx, scope, row, 'security_measure.created', { status: row.status, catalogue: true });
      }
    }),
  );
  return listMeasures(ctx, scope, locale);
}
