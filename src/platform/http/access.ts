import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Locale } from '../i18n/index.ts';

export const ROLES = ['viewer', 'editor', 'privacy_officer', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write', 'webhook'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who did something, as the audit trail records it. */
export type Actor =
  | { type: 'user'; id: string }
  | { type: 'api_token'; id: string }
  | { type: 'system'; id: string }
  | { type: 'anonymous'; id: null };

export interface SessionPrincipal {
  kind: 'session';
  userId: string;
  sessionId: string;
  locale: Locale;
  isFullyAuthenticated: boolean;
  hasTotp: boolean;
  csrfToken: string;
}

export interface TokenPrincipal {
  kind: 'api_token';
  tokenId: string;
  orgId: string;
  scopes: TokenScope[];
}

export type Principal = SessionPrincipal | TokenPrincipal;

/** The organisation a request acts in, and with which rights. */
export interface OrgScope {
  orgId: string;
  role: Role;
  actor: Actor;
}

/**
 * What a route admits. `pending_session`: signed in with a password, second factor still due. `user`: a person,
 * fully signed in. `org`: a member (or an API token of the organisation) with at least `role`; tokens need
 * `tokenScope` (by default read for GET, write otherwise; `none` refuses tokens).
 */
export type RouteAccess =
  | { type: 'public' }
  | { type: 'pending_session' }
  | { type: 'user' }
  | { type: 'org'; role: Role; tokenScope?: TokenScope | 'none' };

export interface AccessResolver {
  resolveSession(token: string, request: FastifyRequest): Promise<SessionPrincipal | null>;
  resolveApiToken(token: string): Promise<TokenPrincipal | null>;
  /** The principal's rights in the organisation named by id or slug; null when it is not theirs to see. */
  resolveOrg(orgRef: string, principal: Principal): Promise<{ orgId: string; role: Role; requireMfa: boolean } | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    orgScope: OrgScope | null;
    locale: Locale;
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'pd_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function roleAtLeast(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

async function identify(request: FastifyRequest, resolver: AccessResolver): Promise<Principal | null> {
  const bearer = bearerToken(request);
  if (bearer) {
    const principal = await resolver.resolveApiToken(bearer);
    if (!principal) throw new AppError('unauthenticated', 'invalid_token');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolver.resolveSession(cookie, request) : null;
}

function actorOf(principal: Principal | null): Actor {
  if (!principal) return { type: 'anonymous', id: null };
  return principal.kind === 'session'
    ? { type: 'user', id: principal.userId }
    : { type: 'api_token', id: principal.tokenId };
}

function checkCsrf(request: FastifyRequest, principal: Principal | null): void {
  if (principal?.kind !== 'session' || SAFE_METHODS.has(request.method)) return;
  if (request.headers[CSRF_HEADER] !== principal.csrfToken) throw new AppError('forbidden', 'csrf_failed');
}

/** Browsers say where a request came from; a cross-site write with cookies is never ours (login CSRF included). */
function rejectCrossSiteWrites(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || bearerToken(request)) return;
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', 'csrf_failed');
}

function requiredScope(access: Extract<RouteAccess, { type: 'org' }>, method: string): TokenScope | 'none' {
  return access.tokenScope ?? (SAFE_METHODS.has(method) ? 'read' : 'write');
}

async function authorizeOrg(
  request: FastifyRequest,
  access: Extract<RouteAccess, { type: 'org' }>,
  principal: Principal,
  resolver: AccessResolver,
): Promise<OrgScope> {
  const orgRef = (request.params as Record<string, string | undefined>).org;
  if (!orgRef) throw new Error(`Route ${request.routeOptions.url} has org access but no :org parameter`);
  if (principal.kind === 'api_token') {
    const scope = requiredScope(access, request.method);
    if (scope === 'none' || !principal.scopes.includes(scope)) throw new AppError('forbidden', 'token_scope_missing');
  }
  const membership = await resolver.resolveOrg(orgRef, principal);
  if (!membership) throw new AppError('not_found', 'organisation_not_found');
  if (!roleAtLeast(membership.role, access.role)) {
    throw new AppError('forbidden', 'role_insufficient', { params: { role: access.role } });
  }
  if (principal.kind === 'session' && membership.requireMfa && !principal.hasTotp) {
    throw new AppError('forbidden', 'mfa_enrolment_required');
  }
  return { orgId: membership.orgId, role: membership.role, actor: actorOf(principal) };
}

/** The onRequest hook: who is asking, and may they use this route? Fails closed for routes that declare nothing. */
export function accessHook(resolver: AccessResolver) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = null;
    request.orgScope = null;
    request.actor = { type: 'anonymous', id: null };
    const access = request.routeOptions.config.access;
    if (!access) return;

    const principal = await identify(request, resolver);
    request.principal = principal;
    request.actor = actorOf(principal);
    if (principal?.kind === 'session') request.locale = principal.locale;
    rejectCrossSiteWrites(request);
    if (access.type === 'public') return;

    if (!principal) throw new AppError('unauthenticated', 'sign_in_required');
    if (access.type === 'pending_session') {
      if (principal.kind !== 'session') throw new AppError('forbidden', 'session_required');
      checkCsrf(request, principal);
      return;
    }
    if (principal.kind === 'session' && !principal.isFullyAuthenticated) {
      throw new AppError('unauthenticated', 'second_factor_required');
    }
    checkCsrf(request, principal);
    if (access.type === 'user') {
      if (principal.kind !== 'session') throw new AppError('forbidden', 'session_required');
      return;
    }
    request.orgScope = await authorizeOrg(request, access, principal, resolver);
  };
}

/** The signed-in person behind a `user` or `pending_session` route. */
export function sessionOf(request: FastifyRequest): SessionPrincipal {
  if (request.principal?.kind !== 'session') throw new AppError('unauthenticated', 'sign_in_required');
  return request.principal;
}

/** The organisation scope behind an `org` route. */
export function scopeOf(request: FastifyRequest): OrgScope {
  if (!request.orgScope) throw new Error(`Route ${request.routeOptions.url} has no org access configured`);
  return request.orgScope;
}
