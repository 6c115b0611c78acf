import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { problemErrorHandler, toAppError } from '../../platform/http/problem.ts';
import { MEASURE_CATALOGUE } from './catalogue.ts';
import {
  MAX_EVIDENCE_BYTES,
  ZActivityMeasuresText,
  ZAddEvidence,
  ZApplyCatalogue,
  ZCatalogue,
  ZCreateMeasure,
  ZEvidenceFileQuery,
  ZFindings,
  ZMeasure,
  ZMeasureList,
  ZMeasuresExportQuery,
  ZUpdateMeasure,
} from './contract.ts';
import * as measures from './service.ts';

const tags = ['Security measures'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const measureParams = orgParams.extend({ measureId: z.uuid() });
const evidenceParams = measureParams.extend({ evidenceId: z.uuid() });
const read = { access: { type: 'org' as const, role: 'viewer' as const } };
const write = { access: { type: 'org' as const, role: 'editor' as const } };

/** Media types an evidence upload may be sent with as the raw body; the bytes decide what it is. */
const UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'];

/** A body over the limit is `evidence_too_large`, like a file the use case finds too large. */
function uploadErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (toAppError(error, request)?.code === 'body_too_large') {
    const tooLarge = new AppError('too_large', 'evidence_too_large', { params: { limit: '10 MB' } });
    return problemErrorHandler(tooLarge, request, reply);
  }
  return problemErrorHandler(error, request, reply);
}

export function measureRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get('/api/orgs/:org/measures', {
      config: read,
      schema: {
        operationId: 'listMeasures',
        tags,
        summary: 'The register of technical and organisational measures, with their evidence',
        params: orgParams,
        response: { 200: ZMeasureList },
      },
      handler: (request) => measures.listMeasures(ctx, scopeOf(request), request.locale),
    });

    app.post('/api/orgs/:org/measures', {
      config: write,
      schema: {
        operationId: 'createMeasure',
        tags,
        summary: 'Add a measure from the catalogue or one of its own',
        params: orgParams,
        body: ZCreateMeasure,
        response: { 201: ZMeasure },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await measures.createMeasure(ctx, scopeOf(request), request.body)),
    });

    app.get('/api/orgs/:org/measures/catalogue', {
      config: read,
      schema: {
        operationId: 'getMeasureCatalogue',
        tags,
        summary: 'The catalogue of measures with their ISO/IEC 27001:2022 Annex A controls',
        params: orgParams,
        response: { 200: ZCatalogue },
      },
      handler: async (request) => ({
        items: MEASURE_CATALOGUE.map((entry) => ({
          key: entry.key,
          controls: [...entry.controls],
          covers: [...entry.covers],
          title: entry.title[request.locale],
          description: entry.description[request.locale],
        })),
      }),
    });

    app.post('/api/orgs/:org/measures/catalogue/apply', {
      config: write,
      schema: {
        operationId: 'applyMeasureCatalogue',
        tags,
        summary: 'Add the catalogue measures not in the register yet (all, or the keys given) as planned',
        params: orgParams,
        body: ZApplyCatalogue,
        response: { 200: ZMeasureList },
      },
      handler: (request) => measures.applyCatalogue(ctx, scopeOf(request), request.body.keys, request.locale),
    });

    app.get('/api/orgs/:org/measures/export', {
      config: read,
      schema: {
        operationId: 'exportMeasures',
        tags,
        summary: 'The register of measures as a file: xlsx (measures and open findings) or pdf',
        params: orgParams,
        querystring: ZMeasuresExportQuery,
      },
      handler: async (request, reply) => {
        const locale = request.query.locale ?? request.locale;
        const file = await measures.exportMeasures(ctx, scopeOf(request), request.query.format, locale);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    });

    app.get('/api/orgs/:org/measures/findings', {
      config: read,
      schema: {
        operationId: 'getMeasureFindings',
        tags,
        summary:
          'What the inventory shows is missing (no 2FA, an unencrypted backup, a backup on its primary’s platform, an expired certification, an overdue review), and what linked measures settle',
        params: orgParams,
        response: { 200: ZFindings },
      },
      handler: (request) => measures.getFindings(ctx, scopeOf(request), request.locale),
    });

    app.get('/api/orgs/:org/activities/:activityId/security-measures-text', {
      config: read,
      schema: {
        operationId: 'getActivityMeasuresText',
        tags,
        summary: 'The register’s “security measures” text for an activity, from the in-place measures of its systems',
        params: orgParams.extend({ activityId: z.uuid() }),
        response: { 200: ZActivityMeasuresText },
      },
      handler: (request) => measures.activityMeasuresText(ctx, scopeOf(request), request.params.activityId),
    });

    app.get('/api/orgs/:org/measures/:measureId', {
      config: read,
      schema: {
        operationId: 'getMeasure',
        tags,
        summary: 'A measure with its systems, vendors and evidence',
        params: measureParams,
        response: { 200: ZMeasure },
      },
      handler: (request) => measures.getMeasure(ctx, scopeOf(request), request.params.measureId, request.locale),
    });

    app.patch('/api/orgs/:org/measures/:measureId', {
      config: write,
      schema: {
        operationId: 'updateMeasure',
        tags,
        summary: 'Change a measure: status (not applicable needs a reason), owner, review date, links',
        params: measureParams,
        body: ZUpdateMeasure,
        response: { 200: ZMeasure },
      },
      handler: (request) =>
        measures.updateMeasure(ctx, scopeOf(request), request.params.measureId, request.body, request.locale),
    });

    app.delete('/api/orgs/:org/measures/:measureId', {
      config: write,
      schema: {
        operationId: 'deleteMeasure',
        tags,
        summary: 'Delete a measure and its evidence',
        params: measureParams,
      },
      handler: async (request, reply) => {
        await measures.deleteMeasure(ctx, scopeOf(request), request.params.measureId);
        return reply.status(204).send();
      },
    });

    app.post('/api/orgs/:org/measures/:measureId/evidence', {
      config: write,
      schema: {
        operationId: 'addMeasureEvidence',
        tags,
        summary: 'Add a link or a note as evidence',
        params: measureParams,
        body: ZAddEvidence,
        response: { 201: ZMeasure },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await measures.addEvidence(ctx, scopeOf(request), request.params.measureId, request.body, request.locale),
          ),
    });

    app.post('/api/orgs/:org/measures/:measureId/evidence/file', {
      config: write,
      bodyLimit: MAX_EVIDENCE_BYTES,
      errorHandler: uploadErrorHandler,
      schema: {
        operationId: 'uploadMeasureEvidence',
        tags,
        summary:
          'Upload a file as evidence: the raw body, a PDF, PNG or JPEG of at most 10 MB; its name and media type must match its content',
        params: measureParams,
        querystring: ZEvidenceFileQuery,
        response: { 201: ZMeasure },
      },
      handler: async (request, reply) => {
        const file = {
          bytes: request.body,
          fileName: request.query.fileName,
          note: request.query.note,
          claimedType: request.headers['content-type'] ?? null,
        };
        const measure = await measures.addEvidenceFile(
          ctx,
          scopeOf(request),
          request.params.measureId,
          file,
          request.locale,
        );
        return reply.status(201).send(measure);
      },
    });

    app.delete('/api/orgs/:org/measures/:measureId/evidence/:evidenceId', {
      config: write,
      schema: {
        operationId: 'removeMeasureEvidence',
        tags,
        summary: 'Remove a piece of evidence',
        params: evidenceParams,
        response: { 200: ZMeasure },
      },
      handler: (request) =>
        measures.removeEvidence(
          ctx,
          scopeOf(request),
          request.params.measureId,
          request.params.evidenceId,
          request.locale,
        ),
    });

    app.get('/api/orgs/:org/measures/:measureId/evidence/:evidenceId/download', {
      config: read,
      schema: {
        operationId: 'downloadMeasureEvidence',
        tags,
        summary: 'Download an evidence file',
        params: evidenceParams,
      },
      handler: async (request, reply) => {
        const file = await measures.downloadEvidence(
          ctx,
          scopeOf(request),
          request.params.measureId,
          request.params.evidenceId,
        );
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    });
  };
}
