import { changedFields, pick } from '../../../platform/audit/changes.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { assertDataCategoriesOfOrg } from '../../categories/service.ts';
import { assertMemberOfOrg } from '../../organisations/service.ts';
import { assertVendorsOfOrg } from '../../vendors/service.ts';
import type { TCreateSystemRequest, TSystem, TUpdateSystemRequest } from '../contract.ts';
import * as store from '../store.ts';
import { insertLocation } from './locations.ts';
import { getSystem } from './read-systems.ts';

async function assertNameFree(tx: Database, orgId: string, name: string, exceptId?: string) {
  if (await store.isSystemNameTaken(tx, orgId, name, exceptId)) throw invalidField('name', 'name_taken');
}

/** References must be this organisation's: the vendor, the owner (a member) and the data categories. */
async function assertReferences(
  tx: Database,
  orgId: string,
  input: {
    vendorId?: string | null | undefined;
    ownerUserId?: string | null | undefined;
    dataCategoryIds?: readonly string[] | undefined;
  },
) {
  if (input.vendorId) await assertVendorsOfOrg(tx, orgId, [input.vendorId], 'vendorId');
  if (input.ownerUserId) await assertMemberOfOrg(tx, orgId, input.ownerUserId, 'ownerUserId');
  if (input.dataCategoryIds) await assertDataCategoriesOfOrg(tx, orgId, input.dataCategoryIds, 'dataCategoryIds');
}

/**
 * Inserts a system with its data categories and locations inside the caller's transaction (also used by templates
 * and imports); every location gets its own audit record.
 */
export async function insertSystem(ctx: AppContext, tx: Database, scope: OrgScope, input: TCreateSystemRequest) {
  const { locations, dataCategoryIds, ...fields } = input;
  await assertReferences(tx, scope.orgId, input);
  await assertNameFree(tx, scope.orgId, input.name);
  const row = await store.insertSystem(tx, { ...fields, orgId: scope.orgId });
  if (!row) throw invalidField('name', 'name_taken');
  await store.replaceDataCategories(tx, scope.orgId, row.id, dataCategoryIds);
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'system.created',
    target: { type: 'system', id: row.id, name: row.name },
    data: { kind: row.kind, dataCategories: new Set(dataCategoryIds).size, locations: locations.length },
  });
  for (const [index, location] of locations.entries()) {
    await insertLocation(ctx, tx, scope, row.id, location, { fieldPrefix: `locations.${index}.` });
  }
  await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [row.id] } });
  return row;
}

export async function createSystem(ctx: AppContext, scope: OrgScope, input: TCreateSystemRequest): Promise<TSystem> {
  const row = await inTransaction(ctx.db, (tx) => insertSystem(ctx, tx, scope, input));
  return getSystem(ctx, scope, row.id);
}

/** Changes a system; data categories, when given, replace the recorded ones as a whole. */
export async function updateSystem(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateSystemRequest,
): Promise<TSystem> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findSystem(tx, scope.orgId, id);
    if (!found) throw notFound('system_not_found');
    await assertReferences(tx, scope.orgId, input);
    if (input.name !== undefined) await assertNameFree(tx, scope.orgId, input.name, id);
    const { dataCategoryIds, ...fields } = input;
    const storedCategoryIds = (await store.dataCategoryIdsOf(tx, scope.orgId, [id])).get(id) ?? [];
    const changed = changedFields(
      { ...pick(found.row, Object.keys(fields) as (keyof typeof fields)[]), dataCategoryIds: storedCategoryIds },
      { ...fields, dataCategoryIds: dataCategoryIds && [...new Set(dataCategoryIds)] },
      { unordered: ['dataCategoryIds'] },
    );
    if (changed.length === 0) return;
    const now = ctx.clock.now();
    await store.updateSystem(tx, scope.orgId, id, { ...fields, updatedAt: now });
    if (dataCategoryIds) await store.replaceDataCategories(tx, scope.orgId, id, dataCategoryIds);
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'system.updated',
      target: { type: 'system', id, name: input.name ?? found.row.name },
      data: { fields: changed },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [id] } });
  });
  return getSystem(ctx, scope, id);
}

/** Deletes a system no activity uses (409 `system_in_use` otherwise), with its locations and category links. */
export async function deleteSystem(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findSystem(tx, scope.orgId, id);
    if (!found) throw notFound('system_not_found');
    if (found.usage.activities > 0) throw conflict('system_in_use', { activities: found.usage.activities });
    const locations = await store.locationsOfSystems(tx, scope.orgId, [id]);
    await store.deleteSystem(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'system.deleted',
      target: { type: 'system', id, name: found.row.name },
      data: { kind: found.row.kind, locationIds: locations.map((location) => location.id) },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { systemIds: [id] } });
  });
}
