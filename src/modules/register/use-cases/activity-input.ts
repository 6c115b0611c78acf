import { changedFields, pick } from '../../../platform/audit/changes.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, type FieldError, invalidFields } from '../../../platform/errors.ts';
import * as categories from '../../categories/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { TCreateActivityRequest, TUpdateActivityRequest } from '../contract.ts';
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
 * Refuses ids that are not this organisation's (field error `unknown_reference`), an owner who is not a member
 * (`not_a_member`) and an unknown retention preset, before anything is written.
 */
export async function assertReferences(tx: Database, orgId: string, input: ActivityInput): Promise<void> {
  const { subjectCategoryIds, dataCategoryIds, systemIds, recipientVendorIds, ownerUserId, retention } = input;
  const presetId = retention?.presetId;
  const checks: (() => Promise<void>)[] = [];
  if (subjectCategoryIds) checks.push(() => categories.assertSubjectCategoriesOfOrg(tx, orgId, subjectCategoryIds));
  if (dataCategoryIds) checks.push(() => categories.assertDataCategoriesOfOrg(tx, orgId, dataCategoryIds));
  if (systemIds) checks.push(() => inventory.assertSystemsOfOrg(tx, orgId, systemIds));
  if (recipientVendorIds) {
    checks.push(() => vendors.assertVendorsOfOrg(tx, orgId, recipientVendorIds, 'recipientVendorIds'));
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
    transfers: input.transfers,
  };
}

const LINK_FIELDS = ['subjectCategoryIds', 'dataCategoryIds', 'systemIds', 'recipientVendorIds', 'transfers'] as const;

/**
 * Stored transfers in the shape the request gives them (its fields only), so a stored one and a requested one compare
 * field by field, whatever fields a transfer has.
 */
function storedTransfersAsRequested(stored: store.TransferRow[], requested: object[] | undefined): object[] {
  const fields = [...new Set((requested ?? []).flatMap((transfer) => Object.keys(transfer)))];
  return stored.map((transfer) => pick(transfer as Record<string, unknown>, fields));
}

/**
 * The request fields an update really changes, compared with the activity as stored (its columns, links and
 * transfers); the retention columns count as the one field `retention`.
 */
export function changedActivityFields(
  current: store.ActivityRow,
  links: store.ActivityLinks,
  input: TUpdateActivityRequest,
): string[] {
  const columns = activityColumns(input) as Record<string, unknown>;
  const unique = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined);
  const next = {
    ...columns,
    subjectCategoryIds: unique(input.subjectCategoryIds),
    dataCategoryIds: unique(input.dataCategoryIds),
    systemIds: unique(input.systemIds),
    recipientVendorIds: unique(input.recipientVendorIds),
    transfers: input.transfers,
  };
  const stored = {
    ...pick(current as Record<string, unknown>, Object.keys(columns)),
    subjectCategoryIds: links.subjectCategoryIds,
    dataCategoryIds: links.dataCategoryIds,
    systemIds: links.systemIds,
    recipientVendorIds: links.vendorIds,
    transfers: storedTransfersAsRequested(links.transfers, input.transfers),
  };
  const changed = changedFields(stored, next, { unordered: LINK_FIELDS });
  return [...new Set(changed.map((field) => (field.startsWith('retention') ? 'retention' : field)))].sort();
}
