import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as connectors from '../../connectors/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import type { TCoverage, TPolicyStatus } from '../contract.ts';
import { coverageOf } from '../rules.ts';
import * as store from '../store.ts';

const BACKUP_ROLES = new Set(['backup', 'offsite_backup']);

/**
 * "The register says 12 months: is it done?" For every activity and system: enforced by an active, approved
 * policy; handled by hand (owner and review date); or neither. With each system's backups' rotation.
 */
export async function getCoverage(ctx: AppContext, scope: OrgScope): Promise<TCoverage> {
  const today = calendarDateIn(ctx.clock.now());
  const [heads, pairs, systems, locations, policies, recordTypeSystems, manual] = await Promise.all([
    register.activityHeadsOfOrg(ctx.db, scope.orgId),
    register.activitySystemsOfOrg(ctx.db, scope.orgId),
    inventory.systemsOfOrg(ctx.db, scope.orgId),
    inventory.locationsOfSystems(ctx.db, scope.orgId),
    store.listPolicies(ctx.db, scope.orgId),
    connectors.systemsOfRecordTypes(ctx, scope),
    store.manualHandlingOf(ctx.db, scope.orgId),
  ]);
  const systemNames = new Map(systems.map((system) => [system.id, system.name]));
  const systemsOf = new Map<string, { id: string; name: string }[]>();
  for (const { activityId, systemId } of pairs) {
    const list = systemsOf.get(activityId) ?? [];
    list.push({ id: systemId, name: systemNames.get(systemId) ?? '' });
    systemsOf.set(activityId, list);
  }
  const current = locations.filter((location) => location.until === null || location.until >= today);
  return coverageOf(
    heads.map((head) => ({ id: head.id, name: head.name, systems: systemsOf.get(head.id) ?? [] })),
    systems
      .filter((system) => system.status !== 'retired')
      .map((system) => ({
        id: system.id,
        name: system.name,
        backups: current
          .filter((location) => location.systemId === system.id && BACKUP_ROLES.has(location.role))
          .map((location) => ({ locationId: location.id, rotationDays: location.rotationDays })),
      })),
    policies.map((policy) => ({
      id: policy.id,
      status: policy.status as TPolicyStatus,
      approvedPreviewId: policy.approvedPreviewId,
      activityId: policy.activityId,
      systemId: recordTypeSystems.get(policy.recordTypeId) ?? null,
    })),
    manual.map((row) => ({
      subject: { kind: row.subjectKind as 'activity' | 'system', id: row.subjectId },
      ownerUserId: row.ownerUserId,
      reviewDate: row.reviewDate,
    })),
    today,
  );
}

/** Records that an activity's or system's retention is handled by hand: who does it, and when it is next checked. */
export async function saveManualHandling(
  ctx: AppContext,
  scope: OrgScope,
  input: { subject: { kind: 'activity' | 'system'; id: string }; ownerUserId: string; reviewDate: string },
): Promise<TCoverage> {
  await inTransaction(ctx.db, async (tx) => {
    await organisations.assertMemberOfOrg(tx, scope.orgId, input.ownerUserId, 'ownerUserId');
    const exists =
      input.subject.kind === 'system'
        ? (await inventory.systemsOfOrg(tx, scope.orgId, [input.subject.id])).length > 0
        : (await register.activityHeadsOfOrg(tx, scope.orgId)).some((head) => head.id === input.subject.id);
    if (!exists) throw invalidField('subject.id', 'unknown_reference');
    await store.saveManualHandling(tx, {
      orgId: scope.orgId,
      subjectKind: input.subject.kind,
      subjectId: input.subject.id,
      ownerUserId: input.ownerUserId,
      reviewDate: input.reviewDate,
      updatedAt: ctx.clock.now(),
    });
  });
  return getCoverage(ctx, scope);
}
