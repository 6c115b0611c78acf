import type { AppContext } from '../../platform/context.ts';
import type { AccessResolver, Principal, Role } from '../../platform/http/access.ts';
import * as apiTokens from '../api-tokens/service.ts';
import * as identity from '../identity/service.ts';
import * as organisations from '../organisations/service.ts';

/** An API token acts with the rights of an editor (write scope) or a viewer; never those of an owner. */
function tokenRole(scopes: string[]): Role {
  return scopes.includes('write') ? 'editor' : 'viewer';
}

/** Answers the HTTP layer's questions — who is this, and what may they do here — from the identity, token and membership records. */
export function createAccessResolver(ctx: AppContext): AccessResolver {
  return {
    resolveSession: (token) => identity.resolveSession(ctx, token),
    resolveApiToken: (token) => apiTokens.resolveApiToken(ctx, token),
    async resolveOrg(orgRef: string, principal: Principal) {
      if (principal.kind === 'session') return organisations.membershipFor(ctx, orgRef, principal.userId);
      const org = await organisations.organisationByRef(ctx, orgRef);
      if (!org || org.id !== principal.orgId) return null;
      return { orgId: org.id, role: tokenRole(principal.scopes), requireMfa: false };
    },
  };
}
