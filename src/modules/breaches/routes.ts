import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import {
  ZAddStep,
  ZAuthorityReport,
  ZCreateIncident,
  ZDecideIncident,
  ZIncident,
  ZIncidentList,
  ZNotifyClients,
  ZPlaybookTemplate,
  ZRecordNotification,
  ZRunTriage,
  ZSavePlaybook,
  ZSendSubjectLetters,
  ZSentSubjectLetters,
  ZSubjectLetterContent,
  ZSubjectLetterPreview,
  ZUpdateIncident,
  ZUpdateStep,
} from './contract.ts';
import * as breaches from './service.ts';

const tags = ['Breaches'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const incidentParams = orgParams.extend({ incidentId: z.uuid() });
const access = { access: { type: 'org' as const, role: 'editor' as const } };
const localeQuery = z.object({ locale: z.enum(['nl', 'en']).optional() });

export function breachRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/breaches', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'listIncidents',
        tags,
        summary: 'The register of incidents, open first, each with its 72-hour clock',
        params: orgParams,
        response: { 200: ZIncidentList },
      },
      handler: (request) => breaches.listIncidents(ctx, scopeOf(request)),
    });

    app.get('/api/orgs/:org/breach-playbook', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'getBreachPlaybook',
        tags,
        summary: 'The playbook (draaiboek) every new incident starts with: the standard one or the organisation’s own',
        params: orgParams,
        response: { 200: ZPlaybookTemplate },
      },
      handler: (request) => breaches.getPlaybook(ctx, scopeOf(request)),
    });

    app.put('/api/orgs/:org/breach-playbook', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'saveBreachPlaybook',
        tags,
        summary:
          'Replace the organisation’s playbook (an empty list restores the standard one); recorded incidents keep theirs',
        params: orgParams,
        body: ZSavePlaybook,
        response: { 200: ZPlaybookTemplate },
      },
      handler: (request) => breaches.savePlaybook(ctx, scopeOf(request), request.body),
    });

    app.get('/api/orgs/:org/breaches/export', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'exportIncidents',
        tags,
        summary: 'The register of incidents (Art. 33(5)) as XLSX or PDF, every incident, notified or not',
        params: orgParams,
        querystring: localeQuery.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }),
      },
      handler: async (request, reply) => {
        const locale = request.query.locale ?? request.locale;
        const file = await breaches.exportIncidents(ctx, scopeOf(request), request.query.format, locale);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    });

    app.post('/api/orgs/:org/breaches', {
      config: access,
      schema: {
        operationId: 'recordIncident',
        tags,
        summary: 'Record an incident; the 72-hour clock starts at the moment of awareness',
        params: orgParams,
        body: ZCreateIncident,
        response: { 201: ZIncident },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await breaches.createIncident(ctx, scopeOf(request), request.body)),
    });

    app.get('/api/orgs/:org/breaches/:incidentId', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'getIncident',
        tags,
        summary: 'An incident with its clock, decision, notifications, playbook and timeline',
        params: incidentParams,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.getIncident(ctx, scopeOf(request), request.params.incidentId, request.locale),
    });

    app.patch('/api/orgs/:org/breaches/:incidentId', {
      config: access,
      schema: {
        operationId: 'updateIncident',
        tags,
        summary: 'Change what is known of an incident',
        params: incidentParams,
        body: ZUpdateIncident,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.updateIncident(ctx, scopeOf(request), request.params.incidentId, request.body),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/triage', {
      config: access,
      schema: {
        operationId: 'triageIncident',
        tags,
        summary: 'Run the triage: should the authority and the people be told (ENISA severity, EDPB guidelines)?',
        params: incidentParams,
        body: ZRunTriage,
        response: { 200: ZIncident },
      },
      handler: (request) =>
        breaches.triageIncident(ctx, scopeOf(request), request.params.incidentId, request.body.facts, request.locale),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/decision', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'decideIncident',
        tags,
        summary: 'Record the decision on notifying the authority and the people concerned, with the reason',
        params: incidentParams,
        body: ZDecideIncident,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.decideIncident(ctx, scopeOf(request), request.params.incidentId, request.body),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/notifications', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'recordIncidentNotification',
        tags,
        summary: 'Record a notification made (initial, supplementary, final); late ones need the reason',
        params: incidentParams,
        body: ZRecordNotification,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.recordNotification(ctx, scopeOf(request), request.params.incidentId, request.body),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/steps', {
      config: access,
      schema: {
        operationId: 'addIncidentStep',
        tags,
        summary: 'Add a step of its own to the incident’s playbook',
        params: incidentParams,
        body: ZAddStep,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.addStep(ctx, scopeOf(request), request.params.incidentId, request.body),
    });

    app.patch('/api/orgs/:org/breaches/:incidentId/steps/:stepId', {
      config: access,
      schema: {
        operationId: 'updateIncidentStep',
        tags,
        summary: 'Tick a playbook step off (or on again), with a note',
        params: incidentParams.extend({ stepId: z.uuid() }),
        body: ZUpdateStep,
        response: { 200: ZIncident },
      },
      handler: (request) =>
        breaches.updateStep(ctx, scopeOf(request), request.params.incidentId, request.params.stepId, request.body),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/close', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'closeIncident',
        tags,
        summary: 'Close the incident (a decision on notifying must be recorded); it stays in the register',
        params: incidentParams,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.closeIncident(ctx, scopeOf(request), request.params.incidentId),
    });

    app.get('/api/orgs/:org/breaches/:incidentId/authority-report', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'getIncidentAuthorityReport',
        tags,
        summary:
          'The notification to the Autoriteit Persoonsgegevens (Art. 33(3)) in the order of its form, with what is missing',
        params: incidentParams,
        querystring: localeQuery,
        response: { 200: ZAuthorityReport },
      },
      handler: (request) =>
        breaches.getAuthorityReport(
          ctx,
          scopeOf(request),
          request.params.incidentId,
          request.query.locale ?? request.locale,
        ),
    });

    app.get('/api/orgs/:org/breaches/:incidentId/authority-report.pdf', {
      config: { access: { type: 'org', role: 'viewer' } },
      schema: {
        operationId: 'downloadIncidentAuthorityReport',
        tags,
        summary: 'The notification to the authority as a PDF',
        params: incidentParams,
        querystring: localeQuery,
      },
      handler: async (request, reply) => {
        const locale = request.query.locale ?? request.locale;
        const file = await breaches.authorityReportPdf(ctx, scopeOf(request), request.params.incidentId, locale);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    });

    app.post('/api/orgs/:org/breaches/:incidentId/subject-letters/preview', {
      config: access,
      schema: {
        operationId: 'previewIncidentSubjectLetters',
        tags,
        summary: 'The letter to the people affected (Art. 34(2)) in Dutch and English, as it would be sent',
        params: incidentParams,
        body: ZSubjectLetterContent,
        response: { 200: ZSubjectLetterPreview },
      },
      handler: (request) =>
        breaches.previewSubjectLetters(ctx, scopeOf(request), request.params.incidentId, request.body),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/subject-letters', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'sendIncidentSubjectLetters',
        tags,
        summary: 'Send the letter to the people affected through the outbox and record it as a notification',
        params: incidentParams,
        body: ZSendSubjectLetters,
        response: { 202: ZSentSubjectLetters },
      },
      handler: async (request, reply) =>
        reply
          .status(202)
          .send(await breaches.sendSubjectLetters(ctx, scopeOf(request), request.params.incidentId, request.body)),
    });

    app.post('/api/orgs/:org/breaches/:incidentId/clients', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'notifyIncidentClients',
        tags,
        summary:
          'A provider tells the client organisations it manages (Art. 33(2)): each gets a linked incident with its own clock',
        params: incidentParams,
        body: ZNotifyClients,
        response: { 200: ZIncident },
      },
      handler: (request) => breaches.notifyClients(ctx, scopeOf(request), request.params.incidentId, request.body),
    });
  };
}
