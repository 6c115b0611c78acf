import { changedFields, pick } from '../../../platform/audit/changes.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import { tiaToColumns } from '../../../shared/lists.ts';
import { assertVendorsOfOrg } from '../../vendors/service.ts';
import type { TCreateLocationRequest, TLocation, TUpdateLocationRequest } from '../contract.ts';
import * as store from '../store.ts';
import { loadPresenter } from './present.ts';

async function systemOrThrow(db: Database, orgId: string, systemId: string) {
  const found = await store.findSystem(db, orgId, systemId);
  if (!found) throw notFound('system_not_found');
  return found.row;
}

async function locationOrThrow(db: Database, orgId: string, systemId: string, id: string) {
  const row = await store.findLocation(db, orgId, systemId, id);
  if (!row) throw notFound('location_not_found');
  return row;
}

function auditData(row: store.LocationRow) {
  return { systemId: row.systemId, role: row.role, country: row.country, since: row.since, until: row.until };
}

/** Every location of a system, past and present, oldest first. */
/** The TIA is one value in the API and two columns in the table. */
function locationColumns<T extends { transferImpactAssessment?: TCreateLocationRequest['transferImpactAssessment'] }>(
  input: T,
) {
  const { transferImpactAssessment, ...fields } = input;
  return { ...fields, ...tiaToColumns(transferImpactAssessment) };
}

export async function listLocations(
  ctx: AppContext,
  scope: OrgScope,
  systemId: string,
): Promise<{ items: TLocation[]; total: number }> {
  const system = await systemOrThrow(ctx.db, scope.orgId, systemId);
  const rows = await store.locationsOfSystems(ctx.db, scope.orgId, [systemId]);
  const presenter = await loadPresenter(ctx.db, scope.orgId, [system], rows, calendarDateIn(ctx.clock.now()));
  return { items: rows.map(presenter.location), total: rows.length };
}

export async function getLocation(ctx: AppContext, scope: OrgScope, systemId: string, id: string): Promise<TLocation> {
  const system = await systemOrThrow(ctx.db, scope.orgId, systemId);
  const row = await locationOrThrow(ctx.db, scope.orgId, systemId, id);
  const presenter = await loadPresenter(ctx.db, scope.orgId, [system], [row], calendarDateIn(ctx.clock.now()));
  return presenter.location(row);
}

/**
 * Records a location of a system inside the caller's transaction (also used by templates and imports).
 * `fieldPrefix` places field errors where the caller's request had the location (`locations.2.`).
 */
export async function insertLocation(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  systemId: string,
  input: TCreateLocationRequest,
  options: { fieldPrefix?: string } = {},
) {
  const system = await systemOrThrow(tx, scope.orgId, systemId);
  if (input.providerVendorId) {
    await assertVendorsOfOrg(tx, scope.orgId, [input.providerVendorId], `${options.fieldPrefix ?? ''}providerVendorId`);
  }
  const row = await store.insertLocation(tx, { ...locationColumns(input), orgId: scope.orgId, systemId });
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'location.created',
    target: { type: 'location', id: row.id, name: system.name },
    data: auditData(row),
  });
  await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [systemId] } });
  return row;
}

export async function createLocation(
  ctx: AppContext,
  scope: OrgScope,
  systemId: string,
  input: TCreateLocationRequest,
): Promise<TLocation> {
  const row = await inTransaction(ctx.db, (tx) => insertLocation(ctx, tx, scope, systemId, input));
  return getLocation(ctx, scope, systemId, row.id);
}

/** Changes a location; the period is checked as it will be after the change (since ≤ until). */
export async function updateLocation(
  ctx: AppContext,
  scope: OrgScope,
  systemId: string,
  id: string,
  input: TUpdateLocationRequest,
): Promise<TLocation> {
  await inTransaction(ctx.db, async (tx) => {
    const system = await systemOrThrow(tx, scope.orgId, systemId);
    const current = await locationOrThrow(tx, scope.orgId, systemId, id);
    const since = input.since !== undefined ? input.since : current.since;
    const until = input.until !== undefined ? input.until : current.until;
    if (since !== null && until !== null && until < since) throw invalidField('until', 'date_range_reversed');
    if (input.providerVendorId) await assertVendorsOfOrg(tx, scope.orgId, [input.providerVendorId], 'providerVendorId');
    const columns = locationColumns(input);
    const fields = changedFields(pick(current, Object.keys(columns) as (keyof typeof columns)[]), columns);
    if (fields.length === 0) return;
    const now = ctx.clock.now();
    await store.updateLocation(tx, scope.orgId, id, { ...columns, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'location.updated',
      target: { type: 'location', id, name: system.name },
      data: { systemId, fields },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [systemId] } });
  });
  return getLocation(ctx, scope, systemId, id);
}

export async function deleteLocation(ctx: AppContext, scope: OrgScope, systemId: string, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const system = await systemOrThrow(tx, scope.orgId, systemId);
    const row = await locationOrThrow(tx, scope.orgId, systemId, id);
    await store.deleteLocation(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'location.deleted',
      target: { type: 'location', id, name: system.name },
      data: auditData(row),
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [systemId] } });
  });
}
