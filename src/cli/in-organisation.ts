import * as organisations from '../modules/organisations/service.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { OrgScope } from '../platform/http/access.ts';
import type { Runtime } from '../runtime.ts';
import type { Output } from './output.ts';
import { withRuntime } from './runtime.ts';

export interface OrgWork {
  ctx: AppContext;
  scope: OrgScope;
  org: { id: string; slug: string; name: string };
}

/** Works on the organisation --org names, in this process, as the `cli` system actor the services audit. */
export function inOrganisation<T>(output: Output, orgRef: string, work: (on: OrgWork) => Promise<T>): Promise<T> {
  return withRuntime(async ({ ctx }: Runtime) => {
    const org = await organisations.organisationByRef(ctx, orgRef);
    if (!org) throw new AppError('not_found', 'organisation_not_found');
    output.adoptOrganisationLocale(org.defaultLocale);
    const scope: OrgScope = { orgId: org.id, role: 'owner', actor: { type: 'system', id: 'cli' } };
    return work({ ctx, scope, org: { id: org.id, slug: org.slug, name: org.name } });
  });
}
