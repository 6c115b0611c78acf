/**
 * The register of processor agreements: list, record, change, delete, and tick the Art. 28(3) checklist. Every
 * change is in the audit trail.
 */
import type { AuditAction } from '../../../platform/audit/actions.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { assertOwnedByOrg } from '../../../platform/db/ownership.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidFields, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/index.ts';
import { gdprItems } from '../../../reference/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import { activities } from '../../register/tables.ts';
import * as vendors from '../../vendors/service.ts';
import {
  type TAgreement,
  type TCreateAgreement,
  type TUpdateAgreement,
  type TUpdateChecklist,
  ZCreateAgreement,
  ZUpdateChecklist,
} from '../contract.ts';
import {
  agreementErrors,
  checklistOf,
  effectiveStatus,
  missingItems,
  ownCounterparty,
  unknownChecklistIds,
} from '../rules.ts';
import * as store from '../store.ts';

/** The Art. 28(3) items, from the reference data: a new item there is a new line on every checklist. */
export const ART28_ITEMS = gdprItems.art28_3_processor_agreement;

export interface Names {
  vendors: Map<string, string>;
  clients: Map<string, { name: string; contact: string }>;
  systems: Map<string, string>;
  activities: Map<string, string>;
}

export async function namesOf(ctx: AppContext, orgId: string): Promise<Names> {
  const [vendorRows, clientRows, systemRows, activityRows] = await Promise.all([
    vendors.vendorsOfOrg(ctx.db, orgId),
    organisations.clientOrganisations(ctx.db, orgId),
    inventory.systemsOfOrg(ctx.db, orgId),
    register.activityHeadsOfOrg(ctx.db, orgId),
  ]);
  return {
    vendors: new Map(vendorRows.map((row) => [row.id, row.name])),
    clients: new Map(clientRows.map((row) => [row.id, { name: row.name, contact: row.contact }])),
    systems: new Map(systemRows.map((row) => [row.id, row.name])),
    activities: new Map(activityRows.map((row) => [row.id, row.name])),
  };
}

/** Who the agreement is with: the vendor, the client organisation, or the external client named in it. */
export function counterpartyOf(row: store.AgreementRow, names: Names): TAgreement['counterparty'] {
  if (row.direction === 'supplier')
    return { kind: 'vendor', id: row.vendorId, name: names.vendors.get(row.vendorId ?? '') ?? '', contact: '' };
  if (row.clientOrgId) {
    const client = names.clients.get(row.clientOrgId);
    return { kind: 'client_org', id: row.clientOrgId, name: client?.name ?? '', contact: client?.contact ?? '' };
  }
  return { kind: 'external', id: null, name: row.externalName, contact: row.externalContact };
}

/** The name lists and mails show: its title, else the counterparty's name. */
export const agreementName = (row: store.AgreementRow, names: Names) =>
  row.title || counterpartyOf(row, names).name || row.externalName;

const refs = (ids: readonly string[], names: Map<string, string>) =>
  ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string }));

function present(
  row: store.AgreementRow,
  context: { names: Names; documents: store.DocumentHead[]; today: string; locale: Locale },
): TAgreement {
  const { names } = context;
  return {
    id: row.id,
    direction: row.direction as TAgreement['direction'],
    counterparty: counterpartyOf(row, names),
    title: row.title,
    services: row.services,
    systems: refs(row.systemIds, names.systems),
    activities: refs(row.activityIds, names.activities),
    subProcessors: refs(row.subProcessorVendorIds, names.vendors),
    startDate: row.startDate,
    endDate: row.endDate,
    term: row.term,
    status: effectiveStatus(row, context.today),
    storedStatus: row.status as TAgreement['storedStatus'],
    signedByName: row.signedByName,
    signedOn: row.signedOn,
    documentKind: row.documentKind as TAgreement['documentKind'],
    notes: row.notes,
    checklist: checklistOf(ART28_ITEMS, row.checklist, context.locale),
    missingItems: missingItems(ART28_ITEMS, row.checklist),
    documents: context.documents
      .filter((document) => document.agreementId === row.id)
      .map((document) => ({
        id: document.id,
        kind: document.kind as TAgreement['documentKind'],
        fileName: document.fileName,
        mediaType: document.mediaType,
        sizeBytes: document.sizeBytes,
        sha256: document.sha256,
        createdAt: document.createdAt.toISOString(),
      })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listAgreements(
  ctx: AppContext,
  scope: OrgScope,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ items: TAgreement[] }> {
  const [rows, names, documents] = await Promise.all([
    store.listAgreements(ctx.db, scope.orgId),
    namesOf(ctx, scope.orgId),
    store.documentHeads(ctx.db, scope.orgId),
  ]);
  const today = calendarDateIn(ctx.clock.now());
  return { items: rows.map((row) => present(row, { names, documents, today, locale })) };
}

export async function getAgreement(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TAgreement> {
  const row = await store.findAgreement(ctx.db, scope.orgId, id);
  if (!row) throw notFound('agreement_not_found');
  const [names, documents] = await Promise.all([
    namesOf(ctx, scope.orgId),
    store.documentHeads(ctx.db, scope.orgId, id),
  ]);
  return present(row, { names, documents, today: calendarDateIn(ctx.clock.now()), locale });
}

/** The name the audit trail shows: the agreement's title, else who it is with (read inside the transaction). */
async function auditName(
  tx: Database,
  orgId: string,
  row: Pick<store.AgreementRow, 'title' | 'direction' | 'vendorId' | 'clientOrgId' | 'externalName'>,
): Promise<string> {
  if (row.title) return row.title;
  if (row.vendorId) return (await vendors.vendorsOfOrg(tx, orgId, [row.vendorId]))[0]?.name ?? row.direction;
  if (row.clientOrgId)
    return (
      (await organisations.clientOrganisations(tx, orgId)).find((client) => client.id === row.clientOrgId)?.name ??
      row.direction
    );
  return row.externalName || row.direction;
}

export async function auditAgreement(
  tx: Database,
  ctx: AppContext,
  scope: OrgScope,
  row: Pick<store.AgreementRow, 'id' | 'title' | 'direction' | 'vendorId' | 'clientOrgId' | 'externalName'>,
  action: AuditAction,
  data: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action,
    target: { type: 'processor_agreement', id: row.id, name: await auditName(tx, scope.orgId, row) },
    data,
  });
}

/** The vendors, client organisation, systems and activities named belong to the organisation (in the transaction). */
async function assertReferences(tx: Database, scope: OrgScope, input: TUpdateAgreement) {
  if (input.vendorId) await vendors.assertVendorsOfOrg(tx, scope.orgId, [input.vendorId], 'vendorId');
  if (input.subProcessorVendorIds?.length)
    await vendors.assertVendorsOfOrg(tx, scope.orgId, input.subProcessorVendorIds, 'subProcessorVendorIds');
  if (input.clientOrgId)
    await organisations.assertClientsOfOrg(tx, scope.orgId, [{ id: input.clientOrgId, path: 'clientOrgId' }]);
  if (input.systemIds?.length) await inventory.assertSystemsOfOrg(tx, scope.orgId, input.systemIds);
  if (input.activityIds?.length)
    await assertOwnedByOrg(
      tx,
      { table: activities, id: activities.id, orgId: activities.orgId },
      scope.orgId,
      input.activityIds,
      'activityIds',
    );
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

function normalised<T extends TUpdateAgreement>(input: T): T {
  return {
    ...input,
    ...(input.systemIds ? { systemIds: unique(input.systemIds) } : {}),
    ...(input.activityIds ? { activityIds: unique(input.activityIds) } : {}),
    ...(input.subProcessorVendorIds ? { subProcessorVendorIds: unique(input.subProcessorVendorIds) } : {}),
  };
}

export async function createAgreement(ctx: AppContext, scope: OrgScope, body: TCreateAgreement): Promise<TAgreement> {
  const given = normalised(ZCreateAgreement.parse(body));
  const input = ownCounterparty(given);
  const errors = agreementErrors(input);
  if (errors.length > 0) throw invalidFields(errors);
  const id = await inTransaction(ctx.db, async (tx) => {
    // Every id given is checked, also a counterparty of the other direction that is then dropped.
    await assertReferences(tx, scope, given);
    const row = await store.insertAgreement(tx, { ...input, orgId: scope.orgId });
    await auditAgreement(tx, ctx, scope, row, 'processor_agreement.created', {
      direction: row.direction,
      status: row.status,
    });
    return row.id;
  });
  return getAgreement(ctx, scope, id);
}

export async function updateAgreement(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  body: TUpdateAgreement,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TAgreement> {
  const input = normalised(body);
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.findAgreement(tx, scope.orgId, id, true);
    if (!row) throw notFound('agreement_not_found');
    const next = ownCounterparty({ ...row, ...input });
    const errors = agreementErrors(next);
    if (errors.length > 0) throw invalidFields(errors);
    await assertReferences(tx, scope, input);
    const { vendorId, clientOrgId, externalName, externalContact } = next;
    await store.updateAgreement(tx, scope.orgId, id, {
      ...input,
      ...{ vendorId, clientOrgId, externalName, externalContact },
    });
    await auditAgreement(tx, ctx, scope, next, 'processor_agreement.updated', {
      fields: Object.keys(input),
      status: next.status,
    });
  });
  return getAgreement(ctx, scope, id, locale);
}

export async function deleteAgreement(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.findAgreement(tx, scope.orgId, id, true);
    if (!row) throw notFound('agreement_not_found');
    await store.deleteAgreement(tx, scope.orgId, id);
    await auditAgreement(tx, ctx, scope, row, 'processor_agreement.deleted');
  });
}

/** Records the Art. 28(3) items given (present or not, and where); items left out keep what they had. */
export async function updateChecklist(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  body: TUpdateChecklist,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TAgreement> {
  const { items } = ZUpdateChecklist.parse(body);
  const unknown = unknownChecklistIds(ART28_ITEMS, Object.keys(items));
  if (unknown.length > 0)
    throw invalidFields(unknown.map((itemId) => ({ path: `items.${itemId}`, code: 'agreement_checklist_unknown' })));
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.findAgreement(tx, scope.orgId, id, true);
    if (!row) throw notFound('agreement_not_found');
    const checklist = { ...row.checklist, ...items };
    await store.updateAgreement(tx, scope.orgId, id, { checklist });
    await auditAgreement(tx, ctx, scope, row, 'processor_agreement.checklist_updated', {
      items: Object.keys(items),
      missing: missingItems(ART28_ITEMS, checklist),
    });
  });
  return getAgreement(ctx, scope, id, locale);
}
