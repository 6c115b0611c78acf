import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { ZAuditActionList, ZAuditPage, ZChainVerification, ZListAuditQuery } from './contract.ts';
import * as audit from './service.ts';

const tags = ['Audit trail'];
const orgParams = z.object({ org: z.string().min(1).max(100) });

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/audit', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listAuditEntries',
        tags,
        summary: 'The audit trail, newest first; filter by actor, action prefix, target and period',
        params: orgParams,
        querystring: ZListAuditQuery,
        response: { 200: ZAuditPage },
      },
      handler: (request) => audit.listAuditEntries(ctx, scopeOf(request), request.query),
    });

    app.get('/api/orgs/:org/audit/actions', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listAuditActions',
        tags,
        summary: 'The kinds of action that occur in the trail (for filters)',
        params: orgParams,
        response: { 200: ZAuditActionList },
      },
      handler: async (request) => ({ actions: await audit.listAuditActions(ctx, scopeOf(request)) }),
    });

    app.post('/api/orgs/:org/audit/verify', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'verifyAuditTrail',
        tags,
        summary: "Recompute the hash chain of the organisation's trail",
        params: orgParams,
        response: { 200: ZChainVerification },
      },
      handler: (request) => audit.verifyAudit(ctx, scopeOf(request).orgId),
    });
  };
}
