import { recordAudit } from '../../platform/audit/writer.ts';
import type { AppContext } from '../../platform/context.ts';
import { generateToken, hashToken } from '../../platform/crypto/tokens.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { OrgScope, TokenPrincipal, TokenScope } from '../../platform/http/access.ts';
import type { TApiToken, TCreateApiTokenRequest } from './contract.ts';
import {
  displayPrefix,
  expiryInstant,
  isExpiryInFuture,
  isTokenUsable,
  shouldRecordUse,
  TOKEN_PREFIX,
} from './rules.ts';
import {
  type ApiTokenRow,
  findApiTokenByHash,
  findApiTokenNames,
  insertApiToken,
  listApiTokens as listRows,
  revokeApiToken,
  touchApiToken,
} from './store.ts';

function present(row: ApiTokenRow, createdBy: string | null): TApiToken {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    scopes: row.scopes as TokenScope[],
    createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates an API token for the organisation. The secret is returned once; only its hash is kept. */
export async function createApiToken(ctx: AppContext, scope: OrgScope, input: TCreateApiTokenRequest) {
  const now = ctx.clock.now();
  if (input.expiresOn && !isExpiryInFuture(input.expiresOn, now)) throw invalidField('expiresOn', 'date_in_past');
  const token = generateToken(TOKEN_PREFIX, 32);
  return inTransaction(ctx.db, async (tx) => {
    const row = await insertApiToken(tx, {
      orgId: scope.orgId,
      name: input.name,
      displayPrefix: displayPrefix(token),
      tokenHash: hashToken(token),
      scopes: input.scopes,
      createdByUserId: scope.actor.type === 'user' ? scope.actor.id : null,
      expiresAt: input.expiresOn ? expiryInstant(input.expiresOn) : null,
    });
    await recordAudit(tx, now, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'api_token.created',
      target: { type: 'api_token', id: row.id, name: row.name },
      data: { scopes: input.scopes },
    });
    return { token, apiToken: present(row, null) };
  });
}

export async function listApiTokens(ctx: AppContext, scope: OrgScope): Promise<TApiToken[]> {
  const rows = await listRows(ctx.db, scope.orgId);
  return rows.map((row) => present(row.token, row.createdBy));
}

export async function revokeToken(ctx: AppContext, scope: OrgScope, tokenId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await revokeApiToken(tx, scope.orgId, tokenId, ctx.clock.now()))) throw notFound('api_token_not_found');
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'api_token.revoked',
      target: { type: 'api_token', id: tokenId },
    });
  });
}

/** The organisation and scopes behind a bearer token; null when it is unknown, revoked or expired. */
export async function resolveApiToken(ctx: AppContext, token: string): Promise<TokenPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(ctx.db, hashToken(token));
  const now = ctx.clock.now();
  if (!row || !isTokenUsable(row, now)) return null;
  if (shouldRecordUse(row.lastUsedAt, now)) await touchApiToken(ctx.db, row.id, now);
  return { kind: 'api_token', tokenId: row.id, orgId: row.orgId, scopes: row.scopes as TokenScope[] };
}

export async function apiTokenNames(ctx: AppContext, orgId: string): Promise<Map<string, string>> {
  const rows = await findApiTokenNames(ctx.db, orgId);
  return new Map(rows.map((row) => [row.id, row.name]));
}
