import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TActivityCompleteness, TRegisterCompleteness, TRegisterCompletenessQuery } from '../contract.ts';
import { type CheckedFinding, organisationCompleteness, summarise, withBasis } from '../rules.ts';
import * as store from '../store.ts';
import { unlinkedVendorFindings } from '../transfer-rules.ts';
import { loadFacts, type RegisterFacts } from './facts.ts';
import { findingsOf, localiseFinding, unlinkedVendorsOutside } from './findings.ts';

/** A vendor holding data outside the EEA that no activity uses: the register does not say whose data it holds. */
function unlinkedVendorFindingsOf(
  rows: readonly store.ActivityRow[],
  links: ReadonlyMap<string, store.ActivityLinks>,
  facts: RegisterFacts,
): CheckedFinding[] {
  const [itemId, article] = facts.organisation.isController ? ['30.1.e', '30(1)(e)'] : ['30.2.c', '30(2)(c)'];
  return unlinkedVendorFindings(itemId, article, unlinkedVendorsOutside(rows, links, facts)).map(withBasis);
}

/** The clients that an activity of the register (not retired) names as controller. */
function coveredClientIds(rows: readonly store.ActivityRow[], links: ReadonlyMap<string, store.ActivityLinks>) {
  const covered = new Set<string>();
  for (const row of rows) {
    for (const controller of links.get(row.id)?.controllers ?? []) {
      if (controller.controllerOrgId) covered.add(controller.controllerOrgId);
    }
  }
  return covered;
}

function organisationFindings(facts: RegisterFacts, coveredClients: ReadonlySet<string>): CheckedFinding[] {
  const { organisation } = facts;
  return organisationCompleteness({
    ...organisation,
    privacyContact: organisation.privacyContact
      ? { kind: organisation.privacyContact.kind, name: organisation.privacyContact.name }
      : null,
    clients: [...facts.clients.values()].map((client) => ({
      name: client.name,
      isCovered: coveredClients.has(client.id),
    })),
  });
}

/**
 * The whole register's completeness: the organisation's own items, then every activity that is not retired
 * (retired activities are history, not part of the register) with its items (by default only the ones that need
 * attention: a register of thousands of activities would otherwise answer with megabytes), and the totals.
 */
export async function getRegisterCompleteness(
  ctx: AppContext,
  scope: OrgScope,
  locale: Locale,
  query: TRegisterCompletenessQuery = { items: 'all' },
): Promise<TRegisterCompleteness> {
  const rows = (await store.allActivities(ctx.db, scope.orgId)).filter((row) => row.status !== 'retired');
  const links = await store.linksOf(ctx.db, scope.orgId, 'all');
  const facts = await loadFacts(ctx, scope, rows, links, { everything: true, clients: true });
  const organisation = [
    ...organisationFindings(facts, coveredClientIds(rows, links)),
    ...unlinkedVendorFindingsOf(rows, links, facts),
  ];
  const activities: TActivityCompleteness[] = rows.map((row) => {
    const findings = findingsOf(row, links.get(row.id) ?? store.noLinks(), facts, locale);
    return {
      activity: { id: row.id, name: row.name, role: row.role as 'controller', status: row.status as 'active' },
      items: findings
        .filter((item) => query.items === 'all' || item.status !== 'complete')
        .map((item) => localiseFinding(item, locale)),
      summary: summarise(findings),
    };
  });
  const organisationSummary = summarise(organisation);
  const missing = organisationSummary.missing + activities.reduce((sum, item) => sum + item.summary.missing, 0);
  const warnings = organisationSummary.warnings + activities.reduce((sum, item) => sum + item.summary.warnings, 0);
  return {
    organisation: organisation.map((item) => localiseFinding(item, locale)),
    activities,
    summary: {
      isComplete: missing === 0,
      activities: activities.length,
      completeActivities: activities.filter((item) => item.summary.isComplete).length,
      missing,
      warnings,
    },
  };
}
