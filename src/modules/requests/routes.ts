import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import {
  ZAddRequestNote,
  ZAskIdentity,
  ZAssignRequest,
  ZCarryOut,
  ZCarryOutResult,
  ZCheckSystem,
  ZClientRequestList,
  ZCloseRequest,
  ZConfirmedRequest,
  ZConfirmRequest,
  ZCreateRequest,
  ZDecideFindings,
  ZDiscoverRequest,
  ZDiscovery,
  ZExtendRequest,
  ZFindingList,
  ZListRequestsQuery,
  ZPublicRequestPage,
  ZRequest,
  ZRequestList,
  ZSubmitPublicRequest,
  ZSubmitPublicRequestResponse,
  ZVerifyIdentity,
} from './contract.ts';
import { ZSubjectIdentityExtra } from './identities.ts';
import * as requests from './service.ts';

const tags = ['Requests'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const requestParams = orgParams.extend({ requestId: z.uuid() });
const slugParams = z.object({ slug: z.string().min(1).max(100) });
/** A request form is a few kilobytes; anything far bigger is not a person filling it in. */
const PUBLIC_BODY_LIMIT = 32 * 1024;

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // ------------------------------------------------------------------------------------------------------------
    // The public request page: no account
    // ------------------------------------------------------------------------------------------------------------
    app.get('/api/public/orgs/:slug/request-page', {
      config: { access: { type: 'public' }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        operationId: 'getRequestPage',
        tags,
        summary: "An organisation's public request page: who it is, the rights, and a proof-of-work challenge",
        params: slugParams,
        response: { 200: ZPublicRequestPage },
      },
      handler: (request) => requests.getRequestPage(ctx, request.params.slug),
    });

    app.post('/api/public/orgs/:slug/requests', {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { access: { type: 'public' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        operationId: 'submitPublicRequest',
        tags,
        summary: 'Submit a request as a data subject; a confirmation link is mailed to the address given',
        params: slugParams,
        body: ZSubmitPublicRequest,
        response: { 202: ZSubmitPublicRequestResponse },
      },
      handler: async (request, reply) => {
        await requests.submitPublicRequest(ctx, request.params.slug, request.body);
        return reply.status(202).send({ status: 'check_your_email' as const });
      },
    });

    app.post('/api/public/requests/confirm', {
      config: { access: { type: 'public' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        operationId: 'confirmPublicRequest',
        tags,
        summary: 'Confirm the e-mail address of a submitted request (the link from the confirmation mail)',
        body: ZConfirmRequest,
        response: { 200: ZConfirmedRequest },
      },
      handler: (request) => requests.confirmRequest(ctx, request.body.token),
    });

    // ------------------------------------------------------------------------------------------------------------
    // The desk
    // ------------------------------------------------------------------------------------------------------------
    app.get('/api/orgs/:org/requests', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listRequests',
        tags,
        summary: 'Requests with their legal deadline, overdue first',
        params: orgParams,
        querystring: ZListRequestsQuery,
        response: { 200: ZRequestList },
      },
      handler: (request) => requests.listRequests(ctx, scopeOf(request), request.query.state),
    });

    app.get('/api/orgs/:org/client-requests', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listClientRequests',
        tags,
        summary: 'The open requests of every client organisation this provider manages',
        params: orgParams,
        response: { 200: ZClientRequestList },
      },
      handler: (request) => requests.listClientRequests(ctx, scopeOf(request)),
    });

    app.post('/api/orgs/:org/requests', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'createRequest',
        tags,
        summary: 'Enter a request that came by e-mail, letter, phone or in person',
        params: orgParams,
        body: ZCreateRequest,
        response: { 201: ZRequest },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await requests.createRequest(ctx, scopeOf(request), request.body)),
    });

    app.get('/api/orgs/:org/requests/:requestId', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'getRequest',
        tags,
        summary: 'A request with its deadline and timeline',
        params: requestParams,
        response: { 200: ZRequest },
      },
      handler: (request) => requests.getRequest(ctx, scopeOf(request), request.params.requestId),
    });

    const change = <B extends z.ZodType>(
      path: string,
      operationId: string,
      summary: string,
      body: B,
      act: (scope: ReturnType<typeof scopeOf>, id: string, input: z.output<B>) => Promise<unknown>,
    ) =>
      app.post(`/api/orgs/:org/requests/:requestId/${path}`, {
        config: { access: { type: 'org', role: 'privacy_officer' } },
        schema: { operationId, tags, summary, params: requestParams, body, response: { 200: ZRequest } },
        handler: (request) =>
          act(scopeOf(request), request.params.requestId, request.body as z.output<B>) as Promise<
            z.infer<typeof ZRequest>
          >,
      });

    change(
      'assign',
      'assignRequest',
      'Assign the request to a privacy officer (or nobody)',
      ZAssignRequest,
      (s, id, b) => requests.assignRequest(ctx, s, id, b.userId),
    );
    change('identity', 'verifyRequestIdentity', 'Record how the identity was verified', ZVerifyIdentity, (s, id, b) =>
      requests.verifyIdentity(ctx, s, id, b),
    );
    change(
      'identity-check',
      'askRequestIdentity',
      'Ask the person to show who they are (the identity-check letter)',
      ZAskIdentity,
      (s, id, b) => requests.askIdentity(ctx, s, id, b.message),
    );
    change(
      'extend',
      'extendRequest',
      'Extend the deadline once, with the reason told to the person',
      ZExtendRequest,
      (s, id, b) => requests.extendRequest(ctx, s, id, b.reason),
    );
    change('notes', 'addRequestNote', 'Add a note to the timeline', ZAddRequestNote, (s, id, b) =>
      requests.addNote(ctx, s, id, b.text),
    );
    app.post('/api/orgs/:org/requests/:requestId/checks/:checkId', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'checkRequestSystem',
        tags,
        summary: 'Tick off a system checked by hand, with what was found there',
        params: requestParams.extend({ checkId: z.uuid() }),
        body: ZCheckSystem,
        response: { 200: ZRequest },
      },
      handler: (request) => {
        const { requestId, checkId } = request.params;
        return requests.checkSystem(ctx, scopeOf(request), requestId, checkId, request.body.outcome);
      },
    });

    app.post('/api/orgs/:org/requests/:requestId/discover', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'discoverForRequest',
        tags,
        summary: "Search every connector for the requester (the request's e-mail, phone and name, plus what is given)",
        params: requestParams,
        body: z.strictObject({ identity: ZSubjectIdentityExtra }),
        response: { 200: z.object({ discovery: ZDiscovery, request: ZRequest }) },
      },
      handler: (request) =>
        requests.discoverForRequest(ctx, scopeOf(request), request.params.requestId, request.body.identity),
    });

    app.get('/api/orgs/:org/requests/:requestId/findings', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listRequestFindings',
        tags,
        summary: 'The records discovery found, with the decision per record and what carrying out will do',
        params: requestParams,
        response: { 200: ZFindingList },
      },
      handler: (request) => requests.listFindings(ctx, scopeOf(request), request.params.requestId),
    });

    app.put('/api/orgs/:org/requests/:requestId/findings', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'decideRequestFindings',
        tags,
        summary: 'Decide per record: erase, anonymise, restrict, rectify or keep (with the reason)',
        params: requestParams,
        body: ZDecideFindings,
        response: { 200: ZFindingList },
      },
      handler: (request) => requests.decideFindings(ctx, scopeOf(request), request.params.requestId, request.body),
    });

    app.post('/api/orgs/:org/requests/:requestId/carry-out', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'carryOutRequestFindings',
        tags,
        summary: 'Carry out the decisions in the stores, confirming the counts of the preview',
        params: requestParams,
        body: ZCarryOut,
        response: { 200: ZCarryOutResult },
      },
      handler: (request) => requests.carryOut(ctx, scopeOf(request), request.params.requestId, request.body.expected),
    });

    app.post('/api/orgs/:org/discover', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'discoverSubject',
        tags,
        summary: 'Search every connector for a person by e-mail, phone, name, customer number, IBAN or BSN',
        params: orgParams,
        body: ZDiscoverRequest,
        response: { 200: ZDiscovery },
      },
      handler: (request) => requests.discoverSubject(ctx, scopeOf(request), request.body.identity),
    });

    change(
      'close',
      'closeRequest',
      'Close the request with its outcome; the person gets the closing letter',
      ZCloseRequest,
      (s, id, b) => requests.closeRequest(ctx, s, id, b),
    );
  };
}
