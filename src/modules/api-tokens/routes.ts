import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { ZApiTokenList, ZCreateApiTokenRequest, ZCreatedApiToken } from './contract.ts';
import * as apiTokens from './service.ts';

const tags = ['API tokens'];
const orgParams = z.object({ org: z.string().min(1).max(100) });

export function apiTokenRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/api-tokens', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'listApiTokens',
        tags,
        summary: "The organisation's API tokens (never their secrets)",
        params: orgParams,
        response: { 200: ZApiTokenList },
      },
      handler: async (request) => ({ tokens: await apiTokens.listApiTokens(ctx, scopeOf(request)) }),
    });

    app.post('/api/orgs/:org/api-tokens', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'createApiToken',
        tags,
        summary: 'Create an API token; the response holds the secret, shown once',
        params: orgParams,
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiToken },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await apiTokens.createApiToken(ctx, scopeOf(request), request.body)),
    });

    app.delete('/api/orgs/:org/api-tokens/:tokenId', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'revokeApiToken',
        tags,
        summary: 'Revoke an API token',
        params: orgParams.extend({ tokenId: z.uuid() }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await apiTokens.revokeToken(ctx, scopeOf(request), request.params.tokenId);
        return reply.status(204).send(null);
      },
    });
  };
}
