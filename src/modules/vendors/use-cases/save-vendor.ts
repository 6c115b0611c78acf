import { changedFields, pick } from '../../../platform/audit/changes.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import { tiaToColumns } from '../../../shared/lists.ts';
import type { TCreateVendorRequest, TUpdateVendorRequest, TVendor } from '../contract.ts';
import { isDpfDateMissing, type Retirement, settleRetirement, wouldCreateCycle } from '../rules.ts';
import * as store from '../store.ts';
import { assertVendorsOfOrg } from './lookups.ts';
import { getVendor } from './read-vendors.ts';

function retirementOrThrow(
  current: Retirement | null,
  input: { status?: Retirement['status']; retiredOn?: string | null },
  today: string,
): Retirement {
  const settled = settleRetirement(current, input, today);
  if (typeof settled === 'string') throw invalidField('retiredOn', settled);
  return settled;
}

/** What the request changes, in the table's columns: the TIA is one value in the API and two columns here. */
function columnsOf<T extends { transferImpactAssessment?: TCreateVendorRequest['transferImpactAssessment'] }>(
  input: T,
) {
  const { transferImpactAssessment, ...fields } = input;
  return { ...fields, ...tiaToColumns(transferImpactAssessment) };
}

function assertDpfDated(vendor: { isDpfCertified: boolean; dpfCertifiedSince: string | null }) {
  if (isDpfDateMissing(vendor)) throw invalidField('dpfCertifiedSince', 'required');
}

async function assertNameFree(tx: Database, orgId: string, name: string, exceptId?: string) {
  if (await store.isVendorNameTaken(tx, orgId, name, exceptId)) throw invalidField('name', 'name_taken');
}

/** The parent must be another vendor of the organisation, and not one of this vendor's own sub-processors. */
async function assertParentAllowed(tx: Database, orgId: string, vendorId: string, parentId: string) {
  if (parentId === vendorId) throw invalidField('parentVendorId', 'parent_is_self');
  await assertVendorsOfOrg(tx, orgId, [parentId], 'parentVendorId');
  if (wouldCreateCycle(vendorId, parentId, await store.parentLinks(tx, orgId))) {
    throw invalidField('parentVendorId', 'parent_cycle');
  }
}

/** Inserts a vendor with its certifications inside the caller's transaction (also used by templates and imports). */
export async function insertVendor(ctx: AppContext, tx: Database, scope: OrgScope, input: TCreateVendorRequest) {
  const retirement = retirementOrThrow(null, input, calendarDateIn(ctx.clock.now()));
  if (input.parentVendorId) await assertVendorsOfOrg(tx, scope.orgId, [input.parentVendorId], 'parentVendorId');
  await assertNameFree(tx, scope.orgId, input.name);
  assertDpfDated(input);
  const { certifications, ...fields } = input;
  const row = await store.insertVendor(tx, { ...columnsOf(fields), ...retirement, orgId: scope.orgId });
  if (!row) throw invalidField('name', 'name_taken');
  await store.replaceCertifications(tx, scope.orgId, row.id, certifications);
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action: 'vendor.created',
    target: { type: 'vendor', id: row.id, name: row.name },
    data: { kind: row.kind, country: row.country, status: row.status },
  });
  await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { vendorIds: [row.id] } });
  return row;
}

export async function createVendor(ctx: AppContext, scope: OrgScope, input: TCreateVendorRequest): Promise<TVendor> {
  const row = await inTransaction(ctx.db, (tx) => insertVendor(ctx, tx, scope, input));
  return getVendor(ctx, scope, row.id);
}

/** The fields an update really changes (certifications compared regardless of order). */
async function changedVendorFields(
  tx: Database,
  orgId: string,
  row: store.VendorRow,
  next: Partial<store.VendorRow> & Pick<TUpdateVendorRequest, 'certifications'>,
): Promise<string[]> {
  const { certifications, ...columns } = next;
  const stored = certifications ? ((await store.certificationsOf(tx, orgId, [row.id])).get(row.id) ?? []) : [];
  // Stored certifications in the shape the request gives them (its fields only), whatever fields they have.
  const fields = [...new Set((certifications ?? []).flatMap((certification) => Object.keys(certification)))];
  return changedFields(
    {
      ...pick(row, Object.keys(columns) as (keyof typeof columns)[]),
      certifications: stored.map((certification) => pick(certification as Record<string, unknown>, fields)),
    },
    { ...columns, certifications },
    { unordered: ['certifications'] },
  );
}

/** Changes a vendor; certifications, when given, replace the recorded ones as a whole. */
export async function updateVendor(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: TUpdateVendorRequest,
): Promise<TVendor> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findVendor(tx, scope.orgId, id);
    if (!found) throw notFound('vendor_not_found');
    const now = ctx.clock.now();
    const current: Retirement = {
      status: found.row.status === 'retired' ? 'retired' : 'active',
      retiredOn: found.row.retiredOn,
    };
    const retirement = retirementOrThrow(current, input, calendarDateIn(now));
    if (input.parentVendorId) await assertParentAllowed(tx, scope.orgId, id, input.parentVendorId);
    if (input.name !== undefined) await assertNameFree(tx, scope.orgId, input.name, id);
    if (input.isDpfCertified !== undefined || input.dpfCertifiedSince !== undefined) {
      assertDpfDated({
        isDpfCertified: input.isDpfCertified ?? found.row.isDpfCertified,
        dpfCertifiedSince:
          input.dpfCertifiedSince !== undefined ? input.dpfCertifiedSince : found.row.dpfCertifiedSince,
      });
    }
    const { certifications, ...fields } = input;
    const columns = columnsOf(fields);
    const changed = await changedVendorFields(tx, scope.orgId, found.row, {
      ...columns,
      ...retirement,
      certifications,
    });
    if (changed.length === 0) return;
    await store.updateVendor(tx, scope.orgId, id, { ...columns, ...retirement, updatedAt: now });
    if (certifications) await store.replaceCertifications(tx, scope.orgId, id, certifications);
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'vendor.updated',
      target: { type: 'vendor', id, name: input.name ?? found.row.name },
      data: { fields: changed },
    });
    await ctx.hooks.emit('register.inputs_changed', tx, { orgId: scope.orgId, changed: { vendorIds: [id] } });
  });
  return getVendor(ctx, scope, id);
}
