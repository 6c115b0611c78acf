import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { sessionOf } from '../../platform/http/access.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/session-cookie.ts';
import {
  ZChangePasswordRequest,
  ZConfirmTotpRequest,
  ZPasswordConfirmation,
  ZPasswordResetConfirmRequest,
  ZPasswordResetRequest,
  ZRecoveryCodes,
  ZSecondFactorRequest,
  ZSessionList,
  ZSessionState,
  ZSignInRequest,
  ZSignInResponse,
  ZTotpEnrolment,
  ZUpdateProfileRequest,
  ZUser,
} from './contract.ts';
import * as identity from './service.ts';

const tags = ['Identity'];
/** Guessing passwords or codes from one address: a few tries a minute, then 429. */
const authRateLimit = { max: 10, timeWindow: '1 minute' };

export function identityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const isSecure = ctx.config.isSecureCookie;
    const deviceOf = (request: { headers: Record<string, unknown>; ip: string }) => ({
      userAgent: request.headers['user-agent'] as string | undefined,
      ip: request.ip,
    });

    app.get('/api/auth/session', {
      config: { access: { type: 'public' } },
      schema: {
        operationId: 'getSession',
        tags,
        summary: 'Who is signed in, and whether the installation still needs its first owner',
        response: { 200: ZSessionState },
      },
      handler: (request) => identity.sessionState(ctx, request.principal),
    });

    app.post('/api/auth/sign-in', {
      config: { access: { type: 'public' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in with e-mail and password',
        body: ZSignInRequest,
        response: { 200: ZSignInResponse },
      },
      handler: async (request, reply) => {
        const result = await identity.signIn(ctx, request.body, deviceOf(request));
        setSessionCookie(reply, result.session.token, result.session.expiresAt, isSecure);
        const principal = await identity.resolveSession(ctx, result.session.token);
        return {
          status: result.needsSecondFactor ? ('second_factor_required' as const) : ('signed_in' as const),
          session: await identity.sessionState(ctx, principal),
        };
      },
    });

    app.post('/api/auth/second-factor', {
      config: { access: { type: 'pending_session' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'completeSecondFactor',
        tags,
        summary: 'Complete sign-in with a TOTP code or a recovery code',
        body: ZSecondFactorRequest,
        response: { 200: ZSessionState },
      },
      handler: async (request, reply) => {
        const started = await identity.completeSecondFactor(ctx, sessionOf(request), request.body, deviceOf(request));
        setSessionCookie(reply, started.token, started.expiresAt, isSecure);
        return identity.sessionState(ctx, await identity.resolveSession(ctx, started.token));
      },
    });

    app.post('/api/auth/sign-out', {
      config: { access: { type: 'pending_session' } },
      schema: { operationId: 'signOut', tags, summary: 'Sign out of this session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        await identity.signOut(ctx, sessionOf(request));
        clearSessionCookie(reply, isSecure);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/auth/password-reset', {
      config: { access: { type: 'public' }, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: 'Mail a password-reset link (same answer whether or not the address has an account)',
        body: ZPasswordResetRequest,
        response: { 202: z.null() },
      },
      handler: async (request, reply) => {
        await identity.requestPasswordReset(ctx, request.body.email);
        return reply.status(202).send(null);
      },
    });

    app.post('/api/auth/password-reset/confirm', {
      config: { access: { type: 'public' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'confirmPasswordReset',
        tags,
        summary: 'Set a new password with the mailed token',
        body: ZPasswordResetConfirmRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await identity.confirmPasswordReset(ctx, request.body);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/me', {
      config: { access: { type: 'user' } },
      schema: { operationId: 'getMyProfile', tags, summary: 'My profile', response: { 200: ZUser } },
      handler: (request) => identity.getProfile(ctx, sessionOf(request)),
    });

    app.patch('/api/me', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'updateMyProfile',
        tags,
        summary: 'Change my name or language',
        body: ZUpdateProfileRequest,
        response: { 200: ZUser },
      },
      handler: (request) => identity.updateProfile(ctx, sessionOf(request), request.body),
    });

    app.post('/api/me/password', {
      config: { access: { type: 'user' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'changeMyPassword',
        tags,
        summary: 'Change my password (signs out my other sessions)',
        body: ZChangePasswordRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await identity.changePassword(ctx, sessionOf(request), request.body);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/me/totp/enrolment', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'startTotpEnrolment',
        tags,
        summary: 'Start two-factor enrolment: a new secret and its QR code',
        response: { 200: ZTotpEnrolment },
      },
      handler: (request) => identity.startTotpEnrolment(ctx, sessionOf(request)),
    });

    app.post('/api/me/totp/enrolment/confirm', {
      config: { access: { type: 'user' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'confirmTotpEnrolment',
        tags,
        summary: 'Confirm enrolment with a code; returns ten recovery codes, shown once',
        body: ZConfirmTotpRequest,
        response: { 200: ZRecoveryCodes },
      },
      handler: (request) => identity.confirmTotpEnrolment(ctx, sessionOf(request), request.body.code),
    });

    app.post('/api/me/totp/disable', {
      config: { access: { type: 'user' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'disableTotp',
        tags,
        summary: 'Switch two-factor off (asks for the password)',
        body: ZPasswordConfirmation,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await identity.disableTotp(ctx, sessionOf(request), request.body.password);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/me/recovery-codes', {
      config: { access: { type: 'user' }, rateLimit: authRateLimit },
      schema: {
        operationId: 'replaceRecoveryCodes',
        tags,
        summary: 'Replace my recovery codes (asks for the password)',
        body: ZPasswordConfirmation,
        response: { 200: ZRecoveryCodes },
      },
      handler: (request) => identity.regenerateRecoveryCodes(ctx, sessionOf(request), request.body.password),
    });

    app.get('/api/me/sessions', {
      config: { access: { type: 'user' } },
      schema: { operationId: 'listMySessions', tags, summary: 'My active sessions', response: { 200: ZSessionList } },
      handler: async (request) => ({ sessions: await identity.listSessions(ctx, sessionOf(request)) }),
    });

    app.delete('/api/me/sessions/:sessionId', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'revokeMySession',
        tags,
        summary: 'Revoke one of my sessions',
        params: z.object({ sessionId: z.uuid() }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await identity.revokeOwnSession(ctx, sessionOf(request), request.params.sessionId);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/me/sessions/revoke-others', {
      config: { access: { type: 'user' } },
      schema: {
        operationId: 'revokeMyOtherSessions',
        tags,
        summary: 'Sign out everywhere else',
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
      handler: async (request) => ({ revoked: await identity.revokeOtherSessions(ctx, sessionOf(request)) }),
    });
  };
}
