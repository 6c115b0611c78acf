import { Temporal } from 'temporal-polyfill';
import { type AuditFilter, countEntries, listActions, listChains, listEntries } from '../../platform/audit/store.ts';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import * as apiTokens from '../api-tokens/service.ts';
import * as identity from '../identity/service.ts';
import type { TAuditEntry, TAuditPage, TChainVerification, TListAuditQuery } from './contract.ts';

const TIME_ZONE = 'Europe/Amsterdam';

/** The first instant of a calendar day in Amsterdam. */
function startOfDay(date: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime(TIME_ZONE).epochMilliseconds);
}

function toFilter(orgId: string, query: TListAuditQuery): AuditFilter {
  return {
    orgId,
    actorId: query.actorId,
    actionPrefix: query.action,
    targetType: query.targetType,
    targetId: query.targetId,
    fromInstant: query.from ? startOfDay(query.from) : undefined,
    toInstant: query.to ? startOfDay(Temporal.PlainDate.from(query.to).add({ days: 1 }).toString()) : undefined,
  };
}

const isUnfiltered = (filter: AuditFilter) =>
  !filter.actorId &&
  !filter.actionPrefix &&
  !filter.targetType &&
  !filter.targetId &&
  !filter.fromInstant &&
  !filter.toInstant;

/** The whole trail's length is its head's sequence number: no need to count a growing table on every page. */
async function countMatching(ctx: AppContext, filter: AuditFilter): Promise<number> {
  if (!isUnfiltered(filter)) return countEntries(ctx.db, filter);
  const [head] = await listChains(ctx.db, filter.orgId);
  return head?.seq ?? 0;
}

/**
 * The organisation's audit trail, newest first: subjects by the name kept in the entry, people and tokens by their
 * current name (the trail references people, it does not name them).
 */
export async function listAuditEntries(ctx: AppContext, scope: OrgScope, query: TListAuditQuery): Promise<TAuditPage> {
  const filter = toFilter(scope.orgId, query);
  const [rows, total] = await Promise.all([
    listEntries(ctx.db, filter, query.before, query.limit + 1),
    countMatching(ctx, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const userIds = page.flatMap((row) => [
    ...(row.actorType === 'user' && row.actorId ? [row.actorId] : []),
    ...(row.targetType === 'user' && row.targetId ? [row.targetId] : []),
  ]);
  const [people, tokens] = await Promise.all([
    identity.userNames(ctx, [...new Set(userIds)]),
    apiTokens.apiTokenNames(ctx, scope.orgId),
  ]);
  const nameOf = (type: string, id: string | null) => {
    if (!id) return null;
    if (type === 'user') return people.get(id)?.name ?? null;
    if (type === 'api_token') return tokens.get(id) ?? null;
    return null;
  };
  const entries: TAuditEntry[] = page.map((row) => ({
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      type: row.actorType as TAuditEntry['actor']['type'],
      id: row.actorId,
      name: row.actorType === 'system' ? row.actorId : nameOf(row.actorType, row.actorId),
    },
    action: row.action,
    target:
      row.targetType && row.targetId
        ? {
            type: row.targetType,
            id: row.targetId,
            name: row.targetName ?? nameOf(row.targetType, row.targetId),
          }
        : null,
    data: row.data,
    hash: row.hash,
  }));
  return { entries, nextCursor: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null, total };
}

export async function listAuditActions(ctx: AppContext, scope: OrgScope): Promise<string[]> {
  return listActions(ctx.db, scope.orgId);
}

/** Verifies one organisation's chain (the API) or every chain (the CLI). */
export async function verifyAudit(ctx: AppContext, orgId?: string): Promise<TChainVerification> {
  const result = await verifyAuditChains(ctx.db, orgId);
  const firstBreak = result.firstBreak;
  return {
    isIntact: result.isIntact,
    checkedEntries: result.checkedEntries,
    chains: result.chains,
    firstBreak: firstBreak
      ? 'entry' in firstBreak
        ? {
            reason: firstBreak.reason,
            chain: firstBreak.entry.chain,
            seq: firstBreak.entry.seq,
            entryId: firstBreak.entry.id,
          }
        : {
            reason: firstBreak.reason,
            chain: firstBreak.chain,
            // A chain without its head is named by its last entry; a head that disagrees, by the head's own seq.
            seq: firstBreak.reason === 'head_missing' ? firstBreak.lastSeq : firstBreak.headSeq,
            entryId: null,
          }
      : null,
  };
}
