import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { ZListOutboxQuery, ZOutboxMessageDetail, ZOutboxPage } from './contract.ts';
import * as outbox from './service.ts';

const tags = ['Outbox'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const messageParams = orgParams.extend({ messageId: z.uuid() });

export function outboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/outbox', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listOutboxMessages',
        tags,
        summary: 'Every e-mail the organisation sent or would send, newest first',
        params: orgParams,
        querystring: ZListOutboxQuery,
        response: { 200: ZOutboxPage },
      },
      handler: (request) => outbox.listOutbox(ctx, scopeOf(request), request.query),
    });

    app.get('/api/orgs/:org/outbox/:messageId', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'getOutboxMessage',
        tags,
        summary: 'One message with its text (one-time links are never shown)',
        params: messageParams,
        response: { 200: ZOutboxMessageDetail },
      },
      handler: (request) => outbox.getOutboxMessage(ctx, scopeOf(request), request.params.messageId),
    });

    app.post('/api/orgs/:org/outbox/:messageId/retry', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'retryOutboxMessage',
        tags,
        summary: 'Send a failed or held message again',
        params: messageParams,
        response: { 202: z.null() },
      },
      handler: async (request, reply) => {
        await outbox.retryOutboxMessage(ctx, scopeOf(request), request.params.messageId);
        return reply.status(202).send(null);
      },
    });
  };
}
