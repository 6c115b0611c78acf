import { changedFields, pick } from '../../../platform/audit/changes.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, type FieldError, invalidFields } from '../../../platform/errors.ts';
import * as categories from '../../categories/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { TActivityControllerInput, TCreateActivityRequest, TUpdateActivityRequest } from '../contract.ts';
import { completeFromPreset, retentionPreset } from '../retention-rules.ts';
import type * as store from '../store.ts';

type ActivityInput = TCreateActivityRequest | TUpdateActivityRequest;

/** Runs every reference check and reports all failures together, so a form can mark each field at once. */
async function collectFieldErrors(checks: (() => Promise<void>)[]): Promise<void> {
  const fieldErrors: FieldError[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
      fieldErrors.push(...error.fieldErrors);
    }
  }
  if (fieldErrors.length > 0) throw invalidFields(fieldErrors);
}

/**
 * Refuses ids that are not this organisation's (field error `unknown_reference`; for a managed controller, an
 * organisation that is not one of its clients), an owner who is not a member
 * (`not_a_member`) and an unknown retention preset, before anything is written.
 */
export async function assertReferences(tx: Database, orgId: string, input: ActivityInput): Promise<void> {
  const { subjectCategoryIds, dataCategoryIds, systemIds, recipientVendorIds, ownerUserId, retention } = input;
  const managedControllers = (input.controllers ?? []).flatMap((controller, index) =>
    controller.kind === 'managed_org'
      ? [{ id: controller.organisationId, path: `controllers.${index}.organisationId` }]
      : [],
  );
  const presetId = retention?.presetId;
  const checks: (() => Promise<void>)[] = [];
  if (subjectCategoryIds) checks.push(() => categories.assertSubjectCategoriesOfOrg(tx, orgId, subjectCategoryIds));
  if (dataCategoryIds) checks.push(() => categories.assertDataCategoriesOfOrg(tx, orgId, dataCategoryIds));
  if (systemIds) checks.push(() => inventory.assertSystemsOfOrg(tx, orgId, systemIds));
  if (recipientVendorIds) {
    checks.push(() => vendors.assertVendorsOfOrg(tx, orgId, recipientVendorIds, 'recipientVendorIds'));
  }
  if (managedControllers.length > 0) {
    checks.push(() => organisations.assertClientsOfOrg(tx, orgId, managedControllers));
  }
  if (ownerUserId) checks.push(() => organisations.assertMemberOfOrg(tx, orgId, ownerUserId, 'ownerUserId'));
  if (presetId && !retentionPreset(presetId)) {
    checks.push(async () => {
      throw invalidFields([{ path: 'retention.presetId', code: 'unknown_reference' }]);
    });
  }
  await collectFieldErrors(checks);
}

/** The activity's own columns from a request (links and transfers go to their tables). */
export function activityColumns(input: ActivityInput): Partial<store.ActivityValues> {
  const {
    subjectCategoryIds: _subjects,
    dataCategoryIds: _data,
    systemIds: _systems,
    recipientVendorIds: _recipients,
    transfers: _transfers,
    controllers: _controllers,
    jointControllers: _jointControllers,
    retention,
    ...columns
  } = input;
  if (!retention) return columns;
  const complete = completeFromPreset(retention);
  return {
    ...columns,
    retentionKind: complete.kind,
    retentionAmount: complete.amount,
    retentionUnit: complete.unit,
    retentionStartEvent: complete.startEvent,
    retentionReference: complete.reference,
    retentionPresetId: complete.presetId,
  };
}

/** The links a request replaces; a link list it leaves out stays as it is. */
export function activityLinkInput(input: ActivityInput): Parameters<typeof store.replaceLinks>[3] {
  return {
    subjectCategoryIds: input.subjectCategoryIds,
    dataCategoryIds: input.dataCategoryIds,
    systemIds: input.systemIds,
    vendorIds: input.recipientVendorIds,
    transfers: input.transfers?.map(({ transferImpactAssessment, ...transfer }) => ({
      ...transfer,
      tiaAssessedOn: transferImpactAssessment?.assessedOn ?? null,
      tiaReference: transferImpactAssessment?.reference ?? null,
    })),
    controllers: input.controllers?.map(controllerRow),
    jointControllers: input.jointControllers,
  };
}

/** A managed organisation's name and contact are read from it when presented, so only its id is stored. */
function controllerRow(controller: TActivityControllerInput) {
  return controller.kind === 'managed_org'
    ? { kind: controller.kind, controllerOrgId: controller.organisationId, name: '', contact: '' }
    : { kind: controller.kind, controllerOrgId: null, name: controller.name, contact: controller.contact };
}

const LINK_FIELDS = [
  'subjectCategoryIds',
  'dataCategoryIds',
  'systemIds',
  'recipientVendorIds',
  'transfers',
  'controllers',
  'jointControllers',
] as const;

/** A transfer as a request gives it, so a stored one and a requested one compare field by field. */
function transferAsInput(
  transfer: Pick<
    store.TransferRow,
    'country' | 'recipient' | 'safeguard' | 'safeguardDetails' | 'tiaAssessedOn' | 'tiaReference'
  >,
) {
  const { country, recipient, safeguard, safeguardDetails, tiaAssessedOn, tiaReference } = transfer;
  return { country, recipient, safeguard, safeguardDetails, tiaAssessedOn, tiaReference };
}

/** A controller as stored, without its id and position, so a stored one and a requested one compare. */
function controllerAsInput(controller: Pick<store.ControllerRow, 'kind' | 'controllerOrgId' | 'name' | 'contact'>) {
  const { kind, controllerOrgId, name, contact } = controller;
  return { kind, controllerOrgId, name, contact };
}

function jointControllerAsInput(joint: Pick<store.JointControllerRow, 'name' | 'contact' | 'arrangement'>) {
  const { name, contact, arrangement } = joint;
  return { name, contact, arrangement };
}

/**
 * The request fields an update really changes, compared with the activity as stored (its columns, links,
 * transfers and controllers); the retention columns count as the one field `retention`.
 */
export function changedActivityFields(
  current: store.ActivityRow,
  links: store.ActivityLinks,
  input: TUpdateActivityRequest,
): string[] {
  const columns = activityColumns(input) as Record<string, unknown>;
  const rows = activityLinkInput(input);
  const unique = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined);
  const next = {
    ...columns,
    subjectCategoryIds: unique(input.subjectCategoryIds),
    dataCategoryIds: unique(input.dataCategoryIds),
    systemIds: unique(input.systemIds),
    recipientVendorIds: unique(input.recipientVendorIds),
    transfers: rows.transfers?.map(transferAsInput),
    controllers: rows.controllers?.map(controllerAsInput),
    jointControllers: rows.jointControllers?.map(jointControllerAsInput),
  };
  const stored = {
    ...pick(current as Record<string, unknown>, Object.keys(columns)),
    subjectCategoryIds: links.subjectCategoryIds,
    dataCategoryIds: links.dataCategoryIds,
    systemIds: links.systemIds,
    recipientVendorIds: links.vendorIds,
    transfers: links.transfers.map(transferAsInput),
    controllers: links.controllers.map(controllerAsInput),
    jointControllers: links.jointControllers.map(jointControllerAsInput),
  };
  const changed = changedFields(stored, next, { unordered: LINK_FIELDS });
  return [...new Set(changed.map((field) => (field.startsWith('retention') ? 'retention' : field)))].sort();
}
