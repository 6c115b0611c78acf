/**
 * Discovery: one action searches every record type of every connector of the organisation for a person, by e-mail,
 * phone, name and, where record types declare them, customer number, IBAN or BSN — in the forms stores hold them
 * (identities.ts). A store that cannot be searched is reported, not hidden; register systems that no connector
 * reaches are listed to be checked by hand.
 */
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { describeError } from '../../../platform/safe-error.ts';
import * as connectors from '../../connectors/service.ts';
import * as users from '../../identity/service.ts';
import * as inventory from '../../inventory/service.ts';
import type { TDiscovery } from '../contract.ts';
import { expandIdentity, type TSubjectIdentity } from '../identities.ts';
import { isWorkable } from '../rules.ts';
import * as store from '../store.ts';
import { findRequestOrFail, getRequest } from './desk.ts';
import { addEvent } from './events.ts';
import { openContent } from './present.ts';

/** Per record type; more are counted as "there may be more", the officer then narrows the search. */
export const DISCOVERY_LIMIT = 1000;

type DiscoveredRecordType = TDiscovery['connectors'][number]['recordTypes'][number];

async function searchRecordType(
  ctx: AppContext,
  scope: OrgScope,
  recordType: { id: string; name: string },
  identity: ReturnType<typeof expandIdentity>,
): Promise<DiscoveredRecordType> {
  const base = { recordTypeId: recordType.id, recordTypeName: recordType.name };
  try {
    const found = await connectors.withRecordType(ctx, scope, recordType.id, ({ connector, definition }) =>
      connector.findSubject(definition, identity, { limit: DISCOVERY_LIMIT + 1 }),
    );
    const records = found.slice(0, DISCOVERY_LIMIT).map((record) => ({
      key: record.key,
      matchedBy: record.matchedBy ?? [],
    }));
    return { ...base, found: records.length, isTruncated: found.length > DISCOVERY_LIMIT, records, error: null };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'failed';
    return { ...base, found: 0, isTruncated: false, records: [], error: { code, detail: describeError(error) } };
  }
}

/** Searches every connector of the organisation for the person; stores nothing. */
export async function discoverSubject(
  ctx: AppContext,
  scope: OrgScope,
  identity: TSubjectIdentity,
): Promise<TDiscovery> {
  const expanded = expandIdentity(identity);
  const { items } = await connectors.listConnectors(ctx, scope);
  const found: TDiscovery['connectors'] = [];
  for (const connector of items) {
    const { items: recordTypes } = await connectors.listRecordTypes(ctx, scope, connector.id);
    const results: DiscoveredRecordType[] = [];
    for (const recordType of recordTypes) results.push(await searchRecordType(ctx, scope, recordType, expanded));
    found.push({
      connectorId: connector.id,
      connectorName: connector.name,
      kind: connector.kind,
      system: connector.system,
      recordTypes: results,
    });
  }
  const reached = new Set(items.flatMap((connector) => (connector.system ? [connector.system.id] : [])));
  const systems = await inventory.systemsOfOrg(ctx.db, scope.orgId);
  const owners = await users.userNames(
    ctx,
    systems.map((system) => system.ownerUserId).filter((id): id is string => id !== null),
  );
  const manualChecks = systems
    .filter((system) => system.status !== 'retired' && !reached.has(system.id))
    .map((system) => ({
      id: null,
      system: { id: system.id, name: system.name },
      owner: system.ownerUserId ? { id: system.ownerUserId, name: owners.get(system.ownerUserId)?.name ?? '' } : null,
      checkedAt: null,
      checkedBy: null,
      outcome: null,
    }));
  return {
    searchedAt: ctx.clock.now().toISOString(),
    searchedFor: Object.fromEntries(
      Object.entries(expanded.canonical)
        .filter(([, values]) => values.length > 0)
        .map(([kind, values]) => [kind, values.length]),
    ),
    totalFound: found.reduce((sum, c) => sum + c.recordTypes.reduce((inner, r) => inner + r.found, 0), 0),
    connectors: found,
    manualChecks,
  };
}

/**
 * Discovery for a request: the person's e-mail address, phone and name from the request, plus what the officer adds
 * (a customer number, an IBAN). The timeline keeps the counts; the systems to check by hand join the request.
 */
export async function discoverForRequest(
  ctx: AppContext,
  scope: OrgScope,
  requestId: string,
  extra: Partial<TSubjectIdentity>,
): Promise<{ discovery: TDiscovery; request: Awaited<ReturnType<typeof getRequest>> }> {
  const row = await findRequestOrFail(ctx.db, scope, requestId);
  const content = openContent(ctx, row);
  const identity: TSubjectIdentity = {
    emails: [...(content?.email ? [content.email] : []), ...(extra.emails ?? [])],
    phones: [...(content?.phone ? [content.phone] : []), ...(extra.phones ?? [])],
    names: [...(content?.name ? [content.name] : []), ...(extra.names ?? [])],
    customerNumbers: extra.customerNumbers ?? [],
    ibans: extra.ibans ?? [],
    bsns: extra.bsns ?? [],
  };
  const discovery = await discoverSubject(ctx, scope, identity);
  await inTransaction(ctx.db, async (tx) => {
    const locked = await store.lockRequest(tx, scope.orgId, requestId);
    if (!locked || !isWorkable(locked.status as never)) return;
    await store.addChecks(
      tx,
      scope.orgId,
      requestId,
      discovery.manualChecks.map((check) => check.system),
    );
    await store.upsertFindings(tx, findingRows(scope.orgId, requestId, discovery, ctx.clock.now()));
    await addEvent(ctx, tx, row, 'discovery_run', scope.actor, {
      data: {
        searchedFor: discovery.searchedFor,
        totalFound: discovery.totalFound,
        recordTypes: discovery.connectors.flatMap((c) =>
          c.recordTypes.map((r) => ({ id: r.recordTypeId, found: r.found, failed: r.error !== null })),
        ),
        manualChecks: discovery.manualChecks.length,
      },
    });
  });
  return { discovery, request: await getRequest(ctx, scope, requestId) };
}

function findingRows(orgId: string, requestId: string, discovery: TDiscovery, now: Date) {
  return discovery.connectors.flatMap((connector) =>
    connector.recordTypes.flatMap((recordType) =>
      recordType.records.map((record) => ({
        orgId,
        requestId,
        connectorId: connector.connectorId,
        connectorName: connector.connectorName,
        recordTypeId: recordType.recordTypeId,
        recordTypeName: recordType.recordTypeName,
        systemId: connector.system?.id ?? null,
        recordKey: record.key,
        matchedBy: record.matchedBy,
        lastFoundAt: now,
      })),
    ),
  );
}
