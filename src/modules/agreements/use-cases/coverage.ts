import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as organisations from '../../organisations/service.ts';
import * as vendors from '../../vendors/service.ts';
import type { TAgreementCoverage } from '../contract.ts';
import { coverage } from '../rules.ts';
import * as store from '../store.ts';
import { agreementName, namesOf } from './agreements.ts';

/** Processors without a signed agreement, clients we process for without one, agreements ending within 60 days. */
export async function getCoverage(ctx: AppContext, scope: OrgScope): Promise<TAgreementCoverage> {
  const [vendorRows, clients, rows, names] = await Promise.all([
    vendors.vendorsOfOrg(ctx.db, scope.orgId),
    organisations.clientOrganisations(ctx.db, scope.orgId),
    store.listAgreements(ctx.db, scope.orgId),
    namesOf(ctx, scope.orgId),
  ]);
  return coverage({
    processors: vendorRows
      .filter((vendor) => vendor.kind === 'processor' && vendor.status === 'active')
      .map((vendor) => ({ id: vendor.id, name: vendor.name })),
    clients: clients.map((client) => ({ id: client.id, name: client.name })),
    agreements: rows.map((row) => ({ ...row, name: agreementName(row, names) })),
    today: calendarDateIn(ctx.clock.now()),
  });
}
