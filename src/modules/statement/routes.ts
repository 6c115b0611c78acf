import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { renderPdf } from '../register-io/service.ts';
import {
  ZDiffQuery,
  ZExportQuery,
  ZOwnTexts,
  ZPublicStatement,
  ZPublicStatementQuery,
  ZSaveOwnTexts,
  ZStatementDiff,
  ZStatementDraft,
  ZStatementStatus,
  ZStatementVersion,
  ZVersionHead,
  ZVersionList,
} from './contract.ts';
import { statementPageHtml } from './html.ts';
import { statementPdfDocument } from './pdf.ts';
import * as statement from './service.ts';

const tags = ['Privacy statement'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const versionParams = orgParams.extend({ versionId: z.uuid() });
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const read = { access: { type: 'org' as const, role: 'viewer' as const } };
const officer = { access: { type: 'org' as const, role: 'privacy_officer' as const } };

export function statementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/:org/privacy-statement', {
      config: read,
      schema: {
        operationId: 'getPrivacyStatementDraft',
        tags,
        summary: 'The statement as the register makes it now, with the own texts, the Art. 13/14 checklist and status',
        params: orgParams,
        response: { 200: ZStatementDraft },
      },
      handler: (request) => statement.getDraft(ctx, scopeOf(request), request.locale),
    });

    app.get('/api/orgs/:org/privacy-statement/status', {
      config: read,
      schema: {
        operationId: 'getPrivacyStatementStatus',
        tags,
        summary: 'The published version, and whether the register has changed what the statement says since',
        params: orgParams,
        response: { 200: ZStatementStatus },
      },
      handler: (request) => statement.getStatus(ctx, scopeOf(request)),
    });

    app.put('/api/orgs/:org/privacy-statement/texts', {
      config: officer,
      schema: {
        operationId: 'savePrivacyStatementTexts',
        tags,
        summary: 'Save the texts written beside the generated statement: introduction and cookie section, nl and en',
        params: orgParams,
        body: ZSaveOwnTexts,
        response: { 200: ZOwnTexts },
      },
      handler: (request) => statement.saveOwnTexts(ctx, scopeOf(request), request.body),
    });

    app.post('/api/orgs/:org/privacy-statement/versions', {
      config: officer,
      schema: {
        operationId: 'publishPrivacyStatement',
        tags,
        summary: 'Publish the statement as it stands now as the next version',
        params: orgParams,
        response: { 201: ZVersionHead },
      },
      handler: async (request, reply) => reply.status(201).send(await statement.publish(ctx, scopeOf(request))),
    });

    app.get('/api/orgs/:org/privacy-statement/versions', {
      config: read,
      schema: {
        operationId: 'listPrivacyStatementVersions',
        tags,
        summary: 'The published versions, newest first',
        params: orgParams,
        response: { 200: ZVersionList },
      },
      handler: (request) => statement.listVersions(ctx, scopeOf(request)),
    });

    app.get('/api/orgs/:org/privacy-statement/versions/:versionId', {
      config: read,
      schema: {
        operationId: 'getPrivacyStatementVersion',
        tags,
        summary: 'One published version, as it was frozen',
        params: versionParams,
        response: { 200: ZStatementVersion },
      },
      handler: (request) => statement.getVersion(ctx, scopeOf(request), request.params.versionId),
    });

    app.get('/api/orgs/:org/privacy-statement/diff', {
      config: read,
      schema: {
        operationId: 'diffPrivacyStatementVersions',
        tags,
        summary: 'What changed between two published versions, line by line',
        params: orgParams,
        querystring: ZDiffQuery,
        response: { 200: ZStatementDiff },
      },
      handler: (request) => statement.diffVersions(ctx, scopeOf(request), request.query),
    });

    app.get('/api/orgs/:org/privacy-statement/export', {
      config: read,
      schema: {
        operationId: 'exportPrivacyStatement',
        tags,
        summary: 'The statement (a version, or the draft) as a self-contained HTML page or a PDF',
        params: orgParams,
        querystring: ZExportQuery,
      },
      handler: async (request, reply) => {
        const { document, subtitle, fileName } = await statement.documentToExport(ctx, scopeOf(request), request.query);
        const isPdf = request.query.format === 'pdf';
        const body = isPdf
          ? await renderPdf(statementPdfDocument(document, subtitle))
          : statementPageHtml(document, subtitle);
        return reply
          .header('content-type', isPdf ? 'application/pdf' : 'text/html; charset=utf-8')
          .header('content-disposition', contentDisposition(`${fileName}.${isPdf ? 'pdf' : 'html'}`))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .header('cache-control', 'no-store')
          .send(body);
      },
    });

    // The public page: no account.
    app.get('/api/public/orgs/:slug/privacy-statement', {
      config: { access: { type: 'public' }, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        operationId: 'getPublicPrivacyStatement',
        tags,
        summary: "An organisation's published privacy statement: the current version, or an earlier one",
        params: slugParams,
        querystring: ZPublicStatementQuery,
        response: { 200: ZPublicStatement },
      },
      handler: (request) => statement.getPublicStatement(ctx, request.params.slug, request.query),
    });
  };
}
