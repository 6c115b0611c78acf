import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZActivity,
  ZActivityCompleteness,
  ZActivityPage,
  ZBulkUpdateActivitiesRequest,
  ZBulkUpdateActivitiesResult,
  ZConsolidation,
  ZConsolidationQuery,
  ZCreateActivityRequest,
  ZListActivitiesQuery,
  ZRegisterCompleteness,
  ZRegisterCompletenessQuery,
  ZScopeAnswerRequest,
  ZScopeQuestion,
  ZTransferOverview,
  ZTransferOverviewQuery,
  ZUpdateActivityRequest,
} from './contract.ts';
import * as register from './service.ts';

/** The countries whose adequacy decision asks the scope question (shared/transfer-check.ts). */
const SCOPE_QUESTION_COUNTRIES = ['CA', 'IL', 'KR'] as const;

const tags = ['Register: activities'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const activityParams = orgParams.extend({ activityId: z.uuid() });
const read = { type: 'org', role: 'viewer' } as const;
const write = { type: 'org', role: 'editor' } as const;

export function activityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/activities', {
      config: { access: read },
      schema: {
        operationId: 'listActivities',
        tags,
        summary: 'Processing activities: searched, filtered, sorted and paged, each with its completeness',
        params: orgParams,
        querystring: ZListActivitiesQuery,
        response: { 200: ZActivityPage },
      },
      handler: (request) => register.listActivities(ctx, scopeOf(request), request.query, request.locale),
    });
    app.post('/api/orgs/:org/activities', {
      config: { access: write },
      schema: {
        operationId: 'createActivity',
        tags,
        summary: 'Record a processing activity',
        params: orgParams,
        body: ZCreateActivityRequest,
        response: { 201: ZActivity },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await register.createActivity(ctx, scopeOf(request), request.body, request.locale)),
    });
    app.patch('/api/orgs/:org/activities', {
      config: { access: write },
      schema: {
        operationId: 'bulkUpdateActivities',
        tags,
        summary: 'Set the owner, the review date or the status active (confirm drafts) of many activities at once',
        params: orgParams,
        body: ZBulkUpdateActivitiesRequest,
        response: { 200: ZBulkUpdateActivitiesResult },
      },
      handler: (request) => register.bulkUpdateActivities(ctx, scopeOf(request), request.body),
    });
    app.get('/api/orgs/:org/activities/:activityId', {
      config: { access: read },
      schema: {
        operationId: 'getActivity',
        tags,
        summary: 'A processing activity',
        params: activityParams,
        response: { 200: ZActivity },
      },
      handler: (request) => register.getActivity(ctx, scopeOf(request), request.params.activityId, request.locale),
    });
    app.patch('/api/orgs/:org/activities/:activityId', {
      config: { access: write },
      schema: {
        operationId: 'updateActivity',
        tags,
        summary: 'Change a processing activity (link lists and transfers given are replaced as a whole)',
        params: activityParams,
        body: ZUpdateActivityRequest,
        response: { 200: ZActivity },
      },
      handler: (request) =>
        register.updateActivity(ctx, scopeOf(request), request.params.activityId, request.body, request.locale),
    });
    app.delete('/api/orgs/:org/activities/:activityId', {
      config: { access: write },
      schema: {
        operationId: 'deleteActivity',
        tags,
        summary: 'Delete a processing activity (set its status to retired to keep it as history)',
        params: activityParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await register.deleteActivity(ctx, scopeOf(request), request.params.activityId);
        return reply.status(204).send(null);
      },
    });
    app.get('/api/orgs/:org/activities/:activityId/completeness', {
      config: { access: read },
      schema: {
        operationId: 'getActivityCompleteness',
        tags,
        summary: "An activity's completeness, item by item (Art. 30 and further checks)",
        params: activityParams,
        response: { 200: ZActivityCompleteness },
      },
      handler: (request) =>
        register.getActivityCompleteness(ctx, scopeOf(request), request.params.activityId, request.locale),
    });
    app.get('/api/orgs/:org/register/completeness', {
      config: { access: read },
      schema: {
        operationId: 'getRegisterCompleteness',
        tags: ['Register'],
        summary: "The register's completeness: the organisation's items and every activity that is not retired",
        params: orgParams,
        querystring: ZRegisterCompletenessQuery,
        response: { 200: ZRegisterCompleteness },
      },
      handler: (request) => register.getRegisterCompleteness(ctx, scopeOf(request), request.locale, request.query),
    });
    app.get('/api/orgs/:org/register/transfers', {
      config: { access: read },
      schema: {
        operationId: 'listTransfers',
        tags: ['Register'],
        summary: 'Every destination outside the EEA, with its transfer check (needing a safeguard first)',
        params: orgParams,
        querystring: ZTransferOverviewQuery,
        response: { 200: ZTransferOverview },
      },
      handler: (request) => register.getTransferOverview(ctx, scopeOf(request), request.query, request.locale),
    });
    app.put('/api/orgs/:org/register/transfer-scopes/:country', {
      config: { access: write },
      schema: {
        operationId: 'answerTransferScopeQuestion',
        tags: ['Register'],
        summary: "Answer an adequacy decision's scope question (Canada, Israel, South Korea) for the organisation",
        params: orgParams.extend({ country: z.enum(SCOPE_QUESTION_COUNTRIES) }),
        body: ZScopeAnswerRequest,
        response: { 200: ZScopeQuestion },
      },
      handler: (request) => register.answerScopeQuestion(ctx, scopeOf(request), request.params.country, request.body),
    });
    app.get('/api/orgs/:org/register/consolidation', {
      config: { access: read },
      schema: {
        operationId: 'getConsolidation',
        tags: ['Register'],
        summary: 'Per data category: the systems, vendors and activities that touch it',
        params: orgParams,
        querystring: ZConsolidationQuery,
        response: { 200: ZConsolidation },
      },
      handler: (request) => register.getConsolidation(ctx, scopeOf(request), request.query, request.locale),
    });
  };
}
