import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { beforeCommit, inTransaction } from '../../../platform/db/transaction.ts';
import type { RegisterInputs } from '../../../platform/hooks.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as completenessStore from '../completeness-store.ts';
import { type CompletenessSummary, summarise } from '../rules.ts';
import * as store from '../store.ts';
import { loadFacts } from './facts.ts';
import { findingsOf } from './findings.ts';

/** The register's own scope for work no person asked for (a refresh after another module's change, the daily run). */
const systemScope = (orgId: string): OrgScope => ({ orgId, role: 'owner', actor: { type: 'system', id: 'register' } });

/**
 * The live check's summary of some activities (or every one), computed exactly as the list, the activity page and
 * `register check` compute it: `findingsOf` over the facts of `db` (a transaction sees its own changes).
 */
export async function computeSummaries(
  ctx: AppContext,
  db: Database,
  orgId: string,
  ids: readonly string[] | 'all',
): Promise<{ today: string; summaries: { activityId: string; summary: CompletenessSummary }[] }> {
  const rows =
    ids === 'all' ? await store.allActivities(db, orgId) : await completenessStore.activitiesByIds(db, orgId, ids);
  const links = await store.linksOf(db, orgId, ids === 'all' ? 'all' : rows.map((row) => row.id));
  const facts = await loadFacts({ ...ctx, db }, systemScope(orgId), rows, links);
  // The summary counts statuses only, which do not depend on the language the findings would be shown in.
  const summaries = rows.map((row) => ({
    activityId: row.id,
    summary: summarise(findingsOf(row, links.get(row.id) ?? store.noLinks(), facts, 'nl')),
  }));
  return { today: facts.today, summaries };
}

/**
 * Recomputes and stores the completeness summaries of the activities that `changed` affects, inside `tx`: the one
 * place the stored summaries are written. Returns how many were refreshed.
 */
export async function refreshCompleteness(
  ctx: AppContext,
  tx: Database,
  scope: { orgId: string },
  changed: RegisterInputs,
): Promise<number> {
  const ids = await completenessStore.affectedActivityIds(tx, scope.orgId, changed);
  if (ids !== 'all' && ids.length === 0) return 0;
  const { today, summaries } = await computeSummaries(ctx, tx, scope.orgId, ids);
  await completenessStore.storeSummaries(tx, scope.orgId, today, summaries);
  return summaries.length;
}

const LIST_KEYS = [
  'activityIds',
  'systemIds',
  'vendorIds',
  'dataCategoryIds',
  'subjectCategoryIds',
  'memberIds',
] as const;

interface PendingRefresh {
  orgId: string;
  changed: Record<(typeof LIST_KEYS)[number], Set<string>>;
  wholeOrganisation: boolean;
}

/** Changes announced in one transaction, per organisation, refreshed together just before it commits. */
const pendingByTransaction = new WeakMap<Database, Map<string, PendingRefresh>>();

function emptyPending(orgId: string): PendingRefresh {
  const changed = Object.fromEntries(LIST_KEYS.map((key) => [key, new Set<string>()])) as PendingRefresh['changed'];
  return { orgId, changed, wholeOrganisation: false };
}

function asInputs(pending: PendingRefresh): RegisterInputs {
  const lists = Object.fromEntries(LIST_KEYS.map((key) => [key, [...pending.changed[key]]]));
  return { ...lists, wholeOrganisation: pending.wholeOrganisation };
}

/**
 * What the `register.inputs_changed` hook does: notes the change, and refreshes the affected summaries once, at
 * the end of the transaction (a template or an import that writes hundreds of things refreshes once). Outside an
 * `inTransaction` it refreshes at once.
 */
export async function refreshCompletenessBeforeCommit(
  ctx: AppContext,
  tx: Database,
  orgId: string,
  changed: RegisterInputs,
): Promise<void> {
  let pendingByOrg = pendingByTransaction.get(tx);
  if (!pendingByOrg) {
    const created = new Map<string, PendingRefresh>();
    const isDeferred = beforeCommit(tx, async () => {
      pendingByTransaction.delete(tx);
      for (const pending of created.values()) await refreshCompleteness(ctx, tx, pending, asInputs(pending));
    });
    if (!isDeferred) {
      await refreshCompleteness(ctx, tx, { orgId }, changed);
      return;
    }
    pendingByTransaction.set(tx, created);
    pendingByOrg = created;
  }
  const pending = pendingByOrg.get(orgId) ?? emptyPending(orgId);
  pendingByOrg.set(orgId, pending);
  for (const key of LIST_KEYS) for (const id of changed[key] ?? []) pending.changed[key].add(id);
  if (changed.wholeOrganisation) pending.wholeOrganisation = true;
}

/**
 * The daily refresh (and the repair of summaries that are missing, e.g. for activities older than the table):
 * every organisation with a summary not computed today is refreshed whole, one transaction per organisation.
 */
export async function refreshStaleCompleteness(ctx: AppContext): Promise<{ organisations: number }> {
  const today = calendarDateIn(ctx.clock.now());
  const orgIds = await completenessStore.organisationsWithStaleSummaries(ctx.db, today);
  for (const orgId of orgIds) {
    await inTransaction(ctx.db, (tx) => refreshCompleteness(ctx, tx, { orgId }, { wholeOrganisation: true }));
  }
  return { organisations: orgIds.length };
}
