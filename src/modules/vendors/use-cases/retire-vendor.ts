import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import type { TRetireVendorRequest, TVendor } from '../contract.ts';
import { isVendorInUse, settleRetirement } from '../rules.ts';
import * as store from '../store.ts';
import { getVendor } from './read-vendors.ts';

/** Retires a vendor (today in Amsterdam unless a day is given); it stays in the register's history. */
export async function retireVendor(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TRetireVendorRequest,
): Promise<TVendor> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findVendor(tx, scope.orgId, id);
    if (!found) throw notFound('vendor_not_found');
    if (found.row.status === 'retired') throw conflict('vendor_already_retired');
    const now = ctx.clock.now();
    const settled = settleRetirement(null, { status: 'retired', retiredOn: input.retiredOn }, calendarDateIn(now));
    if (typeof settled === 'string') throw invalidField('retiredOn', settled);
    await store.updateVendor(tx, scope.orgId, id, { ...settled, updatedAt: now });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'vendor.retired',
      target: { type: 'vendor', id, name: found.row.name },
      data: { retiredOn: settled.retiredOn },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { vendorIds: [id] } });
  });
  return getVendor(ctx, scope, id);
}

/** Deletes a vendor nothing refers to; one in use must be retired instead (409 `vendor_in_use`). */
export async function deleteVendor(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findVendor(tx, scope.orgId, id);
    if (!found) throw notFound('vendor_not_found');
    if (isVendorInUse(found.usage)) throw conflict('vendor_in_use', { ...found.usage });
    await store.deleteVendor(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'vendor.deleted',
      target: { type: 'vendor', id, name: found.row.name },
      data: { kind: found.row.kind },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { vendorIds: [id] } });
  });
}
