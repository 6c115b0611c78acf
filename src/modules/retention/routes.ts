import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZAddLegalHoldRequest,
  ZChangePolicyStatusRequest,
  ZCoverage,
  ZCreatePolicyFromActivityRequest,
  ZCreatePolicyRequest,
  ZManualHandlingRequest,
  ZPolicy,
  ZPreview,
  ZRun,
  ZStartRunRequest,
  ZUpdatePolicyRequest,
} from './contract.ts';
import * as retention from './service.ts';

const tags = ['Retention'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const policyParams = orgParams.extend({ policyId: z.uuid() });
const runParams = orgParams.extend({ runId: z.uuid() });
/** Editors may prepare policies; approving what gets deleted and starting runs is for privacy officers and owners. */
const read = { type: 'org', role: 'viewer' } as const;
const edit = { type: 'org', role: 'editor' } as const;
const decide = { type: 'org', role: 'privacy_officer' } as const;

const ZPolicyList = z.object({ items: z.array(ZPolicy) });
const ZRunList = z.object({ items: z.array(ZRun) });

export function retentionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/retention/policies', {
      config: { access: read },
      schema: {
        operationId: 'listRetentionPolicies',
        tags,
        summary: 'Retention policies',
        params: orgParams,
        response: { 200: ZPolicyList },
      },
      handler: (request) => retention.listPolicies(ctx, scopeOf(request)),
    });
    app.post('/api/orgs/:org/retention/policies', {
      config: { access: edit },
      schema: {
        operationId: 'createRetentionPolicy',
        tags,
        summary: 'Create a policy (a draft until a preview is approved)',
        params: orgParams,
        body: ZCreatePolicyRequest,
        response: { 201: ZPolicy },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await retention.createPolicy(ctx, scopeOf(request), request.body)),
    });
    app.post('/api/orgs/:org/retention/policies/from-activity', {
      config: { access: edit },
      schema: {
        operationId: 'createRetentionPolicyFromActivity',
        tags,
        summary: "A draft policy pre-filled from a register activity's retention",
        params: orgParams,
        body: ZCreatePolicyFromActivityRequest,
        response: { 201: ZPolicy },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await retention.createPolicyFromActivity(ctx, scopeOf(request), request.body)),
    });
    app.get('/api/orgs/:org/retention/policies/:policyId', {
      config: { access: read },
      schema: {
        operationId: 'getRetentionPolicy',
        tags,
        summary: 'A policy',
        params: policyParams,
        response: { 200: ZPolicy },
      },
      handler: (request) => retention.getPolicy(ctx, scopeOf(request), request.params.policyId),
    });
    app.patch('/api/orgs/:org/retention/policies/:policyId', {
      config: { access: edit },
      schema: {
        operationId: 'updateRetentionPolicy',
        tags,
        summary: 'Change a policy; a change to what it selects or does needs a new approval',
        params: policyParams,
        body: ZUpdatePolicyRequest,
        response: { 200: ZPolicy },
      },
      handler: (request) => retention.updatePolicy(ctx, scopeOf(request), request.params.policyId, request.body),
    });
    app.delete('/api/orgs/:org/retention/policies/:policyId', {
      config: { access: decide },
      schema: {
        operationId: 'deleteRetentionPolicy',
        tags,
        summary: 'Delete a policy (its run history goes too)',
        params: policyParams,
      },
      handler: async (request, reply) => {
        await retention.deletePolicy(ctx, scopeOf(request), request.params.policyId);
        return reply.status(204).send();
      },
    });
    app.post('/api/orgs/:org/retention/policies/:policyId/status', {
      config: { access: decide },
      schema: {
        operationId: 'changeRetentionPolicyStatus',
        tags,
        summary: 'Switch a policy on (needs an approved preview) or pause it',
        params: policyParams,
        body: ZChangePolicyStatusRequest,
        response: { 200: ZPolicy },
      },
      handler: (request) =>
        retention.changePolicyStatus(ctx, scopeOf(request), request.params.policyId, request.body.status),
    });
    app.post('/api/orgs/:org/retention/policies/:policyId/holds', {
      config: { access: decide },
      schema: {
        operationId: 'addRetentionHold',
        tags,
        summary: 'Add a hold (a condition, or a legal hold on records or a person)',
        params: policyParams,
        body: ZAddLegalHoldRequest,
        response: { 200: ZPolicy },
      },
      handler: (request) => retention.addHold(ctx, scopeOf(request), request.params.policyId, request.body),
    });
    app.delete('/api/orgs/:org/retention/policies/:policyId/holds/:holdId', {
      config: { access: decide },
      schema: {
        operationId: 'removeRetentionHold',
        tags,
        summary: 'Lift a hold',
        params: policyParams.extend({ holdId: z.uuid() }),
        response: { 200: ZPolicy },
      },
      handler: (request) => retention.removeHold(ctx, scopeOf(request), request.params.policyId, request.params.holdId),
    });
    app.post('/api/orgs/:org/retention/policies/:policyId/previews', {
      config: { access: edit },
      schema: {
        operationId: 'computeRetentionPreview',
        tags,
        summary: 'Count what the policy would act on now, with a masked sample',
        params: policyParams,
        response: { 201: ZPreview },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await retention.computePreview(ctx, scopeOf(request), request.params.policyId)),
    });
    app.get('/api/orgs/:org/retention/policies/:policyId/previews/latest', {
      config: { access: read },
      schema: {
        operationId: 'getLatestRetentionPreview',
        tags,
        summary: 'The latest preview of a policy',
        params: policyParams,
        response: { 200: ZPreview },
      },
      handler: (request) => retention.latestPreview(ctx, scopeOf(request), request.params.policyId),
    });
    app.post('/api/orgs/:org/retention/policies/:policyId/previews/:previewId/approve', {
      config: { access: decide },
      schema: {
        operationId: 'approveRetentionPreview',
        tags,
        summary: 'Approve a preview: the policy may then be switched on and run',
        params: policyParams.extend({ previewId: z.uuid() }),
        response: { 200: ZPolicy },
      },
      handler: (request) =>
        retention.approvePreview(ctx, scopeOf(request), request.params.policyId, request.params.previewId),
    });
    app.get('/api/orgs/:org/retention/policies/:policyId/runs', {
      config: { access: read },
      schema: {
        operationId: 'listRetentionRuns',
        tags,
        summary: "A policy's runs, newest first",
        params: policyParams,
        response: { 200: ZRunList },
      },
      handler: (request) => retention.listRuns(ctx, scopeOf(request), request.params.policyId),
    });
    app.post('/api/orgs/:org/retention/policies/:policyId/runs', {
      config: { access: decide },
      schema: {
        operationId: 'startRetentionRun',
        tags,
        summary: 'Run an approved policy now',
        params: policyParams,
        body: ZStartRunRequest.default({ trigger: 'manual' }),
        response: { 201: ZRun },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await retention.startRun(ctx, scopeOf(request), request.params.policyId, request.body.trigger)),
    });
    app.get('/api/orgs/:org/retention/policies/:policyId/runs/export', {
      config: { access: read },
      schema: {
        operationId: 'exportRetentionRuns',
        tags,
        summary: "A policy's run history as evidence (CSV or JSON)",
        params: policyParams,
        querystring: z.object({ format: z.enum(['csv', 'json']).default('csv') }),
      },
      handler: async (request, reply) => {
        const file = await retention.exportRunEvidence(
          ctx,
          scopeOf(request),
          request.params.policyId,
          request.query.format,
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    });
    app.get('/api/orgs/:org/retention/runs/:runId', {
      config: { access: read },
      schema: {
        operationId: 'getRetentionRun',
        tags,
        summary: 'A run with its live progress',
        params: runParams,
        response: { 200: ZRun },
      },
      handler: (request) => retention.getRun(ctx, scopeOf(request), request.params.runId),
    });
    app.post('/api/orgs/:org/retention/runs/:runId/cancel', {
      config: { access: decide },
      schema: {
        operationId: 'cancelRetentionRun',
        tags,
        summary: 'Stop a run after its current batch',
        params: runParams,
        response: { 200: ZRun },
      },
      handler: (request) => retention.cancelRun(ctx, scopeOf(request), request.params.runId),
    });
    app.get('/api/orgs/:org/retention/coverage', {
      config: { access: read },
      schema: {
        operationId: 'getRetentionCoverage',
        tags,
        summary: 'Per activity and system: retention enforced by a policy, handled by hand, or neither',
        params: orgParams,
        response: { 200: ZCoverage },
      },
      handler: (request) => retention.getCoverage(ctx, scopeOf(request)),
    });
    app.put('/api/orgs/:org/retention/manual-handling', {
      config: { access: edit },
      schema: {
        operationId: 'saveRetentionManualHandling',
        tags,
        summary: "Record that an activity's or system's retention is handled by hand",
        params: orgParams,
        body: ZManualHandlingRequest,
        response: { 200: ZCoverage },
      },
      handler: (request) => retention.saveManualHandling(ctx, scopeOf(request), request.body),
    });
  };
}
