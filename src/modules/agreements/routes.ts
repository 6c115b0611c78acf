import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { problemErrorHandler, toAppError } from '../../platform/http/problem.ts';
import {
  MAX_AGREEMENT_DOCUMENT_BYTES,
  ZAgreement,
  ZAgreementCoverage,
  ZAgreementDocumentQuery,
  ZAgreementList,
  ZCreateAgreement,
  ZUpdateAgreement,
  ZUpdateChecklist,
} from './contract.ts';
import * as agreements from './service.ts';
import { documentTooLarge } from './use-cases/documents.ts';

const tags = ['Processor agreements'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const agreementParams = orgParams.extend({ agreementId: z.uuid() });
const documentParams = agreementParams.extend({ documentId: z.uuid() });
const read = { access: { type: 'org' as const, role: 'viewer' as const } };
const write = { access: { type: 'org' as const, role: 'editor' as const } };

/** A body over the limit is `agreement_document_too_large`, like a file the use case finds too large. */
function uploadErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (toAppError(error, request)?.code === 'body_too_large')
    return problemErrorHandler(documentTooLarge(), request, reply);
  return problemErrorHandler(error, request, reply);
}

export function agreementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // A plugin of its own: the PDF parser does not leak into other modules' routes.
    app.addContentTypeParser(
      ['application/pdf', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_AGREEMENT_DOCUMENT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get('/api/orgs/:org/agreements', {
      config: read,
      schema: {
        operationId: 'listAgreements',
        tags,
        summary: 'Processor agreements with suppliers and clients, with status, checklist and documents',
        params: orgParams,
        response: { 200: ZAgreementList },
      },
      handler: (request) => agreements.listAgreements(ctx, scopeOf(request), request.locale),
    });

    app.post('/api/orgs/:org/agreements', {
      config: write,
      schema: {
        operationId: 'createAgreement',
        tags,
        summary: 'Record a processor agreement with a supplier (vendor) or a client (managed or external)',
        params: orgParams,
        body: ZCreateAgreement,
        response: { 201: ZAgreement },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await agreements.createAgreement(ctx, scopeOf(request), request.body)),
    });

    app.get('/api/orgs/:org/agreements/coverage', {
      config: read,
      schema: {
        operationId: 'getAgreementCoverage',
        tags,
        summary:
          'Processors without a signed agreement, clients processed for without one, agreements ending within 60 days',
        params: orgParams,
        response: { 200: ZAgreementCoverage },
      },
      handler: (request) => agreements.getCoverage(ctx, scopeOf(request)),
    });

    app.get('/api/orgs/:org/agreements/:agreementId', {
      config: read,
      schema: {
        operationId: 'getAgreement',
        tags,
        summary: 'A processor agreement with its Art. 28(3) checklist and documents',
        params: agreementParams,
        response: { 200: ZAgreement },
      },
      handler: (request) => agreements.getAgreement(ctx, scopeOf(request), request.params.agreementId, request.locale),
    });

    app.patch('/api/orgs/:org/agreements/:agreementId', {
      config: write,
      schema: {
        operationId: 'updateAgreement',
        tags,
        summary: 'Change a processor agreement: parties, coverage, dates, status, signature',
        params: agreementParams,
        body: ZUpdateAgreement,
        response: { 200: ZAgreement },
      },
      handler: (request) =>
        agreements.updateAgreement(ctx, scopeOf(request), request.params.agreementId, request.body, request.locale),
    });

    app.delete('/api/orgs/:org/agreements/:agreementId', {
      config: write,
      schema: {
        operationId: 'deleteAgreement',
        tags,
        summary: 'Delete a processor agreement and its documents',
        params: agreementParams,
      },
      handler: async (request, reply) => {
        await agreements.deleteAgreement(ctx, scopeOf(request), request.params.agreementId);
        return reply.status(204).send();
      },
    });

    app.put('/api/orgs/:org/agreements/:agreementId/checklist', {
      config: write,
      schema: {
        operationId: 'updateAgreementChecklist',
        tags,
        summary: 'Tick Art. 28(3) items with where the agreement says them; items left out keep what they had',
        params: agreementParams,
        body: ZUpdateChecklist,
        response: { 200: ZAgreement },
      },
      handler: (request) =>
        agreements.updateChecklist(ctx, scopeOf(request), request.params.agreementId, request.body, request.locale),
    });

    app.post('/api/orgs/:org/agreements/:agreementId/documents', {
      config: write,
      bodyLimit: MAX_AGREEMENT_DOCUMENT_BYTES,
      errorHandler: uploadErrorHandler,
      schema: {
        operationId: 'uploadAgreementDocument',
        tags,
        summary: 'Upload the signed agreement (or a Data Pro Statement) as the raw body: a PDF of at most 10 MB',
        params: agreementParams,
        querystring: ZAgreementDocumentQuery,
        response: { 201: ZAgreement },
      },
      handler: async (request, reply) => {
        const file = {
          bytes: request.body,
          fileName: request.query.fileName,
          kind: request.query.kind,
          claimedType: request.headers['content-type'] ?? null,
        };
        const agreement = await agreements.uploadDocument(
          ctx,
          scopeOf(request),
          request.params.agreementId,
          file,
          request.locale,
        );
        return reply.status(201).send(agreement);
      },
    });

    app.delete('/api/orgs/:org/agreements/:agreementId/documents/:documentId', {
      config: write,
      schema: {
        operationId: 'removeAgreementDocument',
        tags,
        summary: 'Remove a document from an agreement',
        params: documentParams,
        response: { 200: ZAgreement },
      },
      handler: (request) =>
        agreements.removeDocument(
          ctx,
          scopeOf(request),
          request.params.agreementId,
          request.params.documentId,
          request.locale,
        ),
    });

    app.get('/api/orgs/:org/agreements/:agreementId/documents/:documentId/download', {
      config: read,
      schema: {
        operationId: 'downloadAgreementDocument',
        tags,
        summary: 'Download an agreement document',
        params: documentParams,
      },
      handler: async (request, reply) => {
        const file = await agreements.downloadDocument(
          ctx,
          scopeOf(request),
          request.params.agreementId,
          request.params.documentId,
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
