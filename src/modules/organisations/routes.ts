import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf, sessionOf } from '../../platform/http/access.ts';
import { setSessionCookie } from '../../platform/http/session-cookie.ts';
import {
  ZAcceptInvitationRequest,
  ZAcceptInvitationResponse,
  ZChangeRoleRequest,
  ZClientOrganisationList,
  ZCreateInvitationRequest,
  ZCreateOrganisationRequest,
  ZInvitation,
  ZInvitationList,
  ZInvitationPreview,
  ZMemberList,
  ZMyOrganisationList,
  ZOrganisation,
  ZSetupRequest,
  ZUpdateOrganisationRequest,
} from './contract.ts';
import * as organisations from './service.ts';

const tags = ['Organisations'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const memberParams = orgParams.extend({ userId: z.uuid() });
const invitationParams = orgParams.extend({ invitationId: z.uuid() });
const tokenParams = z.object({ token: z.string().min(20).max(200) });

export function organisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deviceOf = (request: { headers: Record<string, unknown>; ip: string }) => ({
      userAgent: request.headers['user-agent'] as string | undefined,
      ip: request.ip,
    });

    app.post('/api/setup', {
      config: { access: { type: 'public' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'completeSetup',
        tags,
        summary: 'First start: create the first owner and organisation (refused once any account exists)',
        body: ZSetupRequest,
        response: { 201: z.null() },
      },
      handler: async (request, reply) => {
        const session = await organisations.setupFirstOwner(ctx, request.body, deviceOf(request));
        setSessionCookie(reply, session.token, session.expiresAt, ctx.config.isSecureCookie);
        return reply.status(201).send(null);
      },
    });

    app.get('/api/orgs', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'listOrganisations',
        tags,
        summary: 'The organisations I belong to, with my role in each',
        response: { 200: ZMyOrganisationList },
      },
      handler: async (request) => ({
        organisations: await organisations.listMyOrganisations(ctx, sessionOf(request).userId),
      }),
    });

    app.post('/api/orgs', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'createOrganisation',
        tags,
        summary: 'Create an organisation (I become its owner)',
        body: ZCreateOrganisationRequest,
        response: { 201: ZOrganisation },
      },
      handler: async (request, reply) => {
        const created = await organisations.createOrganisationForUser(ctx, request.body, sessionOf(request).userId);
        return reply.status(201).send(created);
      },
    });

    app.get('/api/orgs/:org', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'getOrganisation',
        tags,
        summary: 'An organisation (by id or slug)',
        params: orgParams,
        response: { 200: ZOrganisation },
      },
      handler: (request) => organisations.getOrganisation(ctx, scopeOf(request)),
    });

    app.patch('/api/orgs/:org', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'updateOrganisation',
        tags,
        summary: 'Change organisation details, privacy contact; owners also slug and the 2FA rule',
        params: orgParams,
        body: ZUpdateOrganisationRequest,
        response: { 200: ZOrganisation },
      },
      handler: (request) => organisations.updateOrganisation(ctx, scopeOf(request), request.body),
    });

    app.get('/api/orgs/:org/clients', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'listClientOrganisations',
        tags,
        summary: 'The client organisations this one manages, with their contact details (for its processor register)',
        params: orgParams,
        response: { 200: ZClientOrganisationList },
      },
      handler: async (request) => ({
        clients: await organisations.clientOrganisations(ctx.db, scopeOf(request).orgId),
      }),
    });

    app.get('/api/orgs/:org/members', {
      // People's names and e-mail addresses: a route about people, closed to API tokens (decision 0003).
      config: { access: { type: 'org', role: 'viewer', tokenScope: 'none' } },
      schema: {
        operationId: 'listMembers',
        tags,
        summary: 'Members and their roles',
        params: orgParams,
        response: { 200: ZMemberList },
      },
      handler: async (request) => ({ members: await organisations.listMembers(ctx, scopeOf(request)) }),
    });

    app.put('/api/orgs/:org/members/:userId/role', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'changeMemberRole',
        tags,
        summary: "Change a member's role (the last owner stays owner)",
        params: memberParams,
        body: ZChangeRoleRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await organisations.changeMemberRole(ctx, scopeOf(request), request.params.userId, request.body.role);
        return reply.status(204).send(null);
      },
    });

    app.delete('/api/orgs/:org/members/:userId', {
      config: { access: { type: 'org', role: 'viewer', tokenScope: 'none' } },
      schema: {
        operationId: 'removeMember',
        tags,
        summary: 'Remove a member (owners), or leave (anyone, for themselves)',
        params: memberParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await organisations.removeMember(ctx, scopeOf(request), request.params.userId);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/orgs/:org/invitations', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'listInvitations',
        tags,
        summary: 'Invitations sent',
        params: orgParams,
        response: { 200: ZInvitationList },
      },
      handler: async (request) => ({ invitations: await organisations.listInvitations(ctx, scopeOf(request)) }),
    });

    app.post('/api/orgs/:org/invitations', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'createInvitation',
        tags,
        summary: 'Invite someone by e-mail',
        params: orgParams,
        body: ZCreateInvitationRequest,
        response: { 201: ZInvitation },
      },
      handler: async (request, reply) => {
        const invitation = await organisations.createInvitation(ctx, scopeOf(request), request.body);
        return reply.status(201).send(invitation);
      },
    });

    app.delete('/api/orgs/:org/invitations/:invitationId', {
      config: { access: { type: 'org', role: 'owner', tokenScope: 'none' } },
      schema: {
        operationId: 'revokeInvitation',
        tags,
        summary: 'Revoke a pending invitation',
        params: invitationParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await organisations.revokeInvitation(ctx, scopeOf(request), request.params.invitationId);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/invitations/:token', {
      config: { access: { type: 'public' }, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        operationId: 'getInvitation',
        tags,
        summary: 'What an invitation link is for',
        params: tokenParams,
        response: { 200: ZInvitationPreview },
      },
      handler: (request) => organisations.previewInvitation(ctx, request.params.token),
    });

    app.post('/api/invitations/:token/accept', {
      config: { access: { type: 'public' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'acceptInvitation',
        tags,
        summary: 'Accept an invitation (signed in as the invited address, or creating an account)',
        params: tokenParams,
        body: ZAcceptInvitationRequest,
        response: { 200: ZAcceptInvitationResponse },
      },
      handler: async (request, reply) => {
        const accepted = await organisations.acceptInvitation(
          ctx,
          request.params.token,
          request.principal,
          request.body,
          deviceOf(request),
        );
        if (accepted.newSession)
          setSessionCookie(reply, accepted.newSession.token, accepted.newSession.expiresAt, ctx.config.isSecureCookie);
        return { organisation: accepted.organisation };
      },
    });
  };
}
