import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { scopeOf } from '../../../platform/http/access.ts';
import { ZDownloadInfo, ZDownloadQuery, ZRequestExport, ZRequestExportList } from './contract.ts';
import * as exports from './service.ts';

const tags = ['Requests'];
const requestParams = z.object({ org: z.string().min(1).max(100), requestId: z.uuid() });
const publicLimit = { max: 30, timeWindow: '1 minute' };

/** The export package: asked for on the desk, downloaded by the person through the mailed link. */
export function requestExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/orgs/:org/requests/:requestId/export', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'createRequestExport',
        tags,
        summary: "Build an export package of the person's records (a job); the person gets a download link by mail",
        params: requestParams,
        response: { 202: ZRequestExport },
      },
      handler: async (request, reply) =>
        reply.status(202).send(await exports.requestExport(ctx, scopeOf(request), request.params.requestId)),
    });

    app.get('/api/orgs/:org/requests/:requestId/exports', {
      config: { access: { type: 'org', role: 'privacy_officer' } },
      schema: {
        operationId: 'listRequestExports',
        tags,
        summary: "A request's export packages with their state, expiry and downloads",
        params: requestParams,
        response: { 200: ZRequestExportList },
      },
      handler: (request) => exports.listExports(ctx, scopeOf(request), request.params.requestId),
    });

    app.get('/api/public/requests/download-info', {
      config: { access: { type: 'public' }, rateLimit: publicLimit },
      schema: {
        operationId: 'getRequestDownloadInfo',
        tags,
        summary: 'What an export package behind a download link holds, until when and how often it can be downloaded',
        querystring: ZDownloadQuery,
        response: { 200: ZDownloadInfo },
      },
      handler: (request) => exports.getDownloadInfo(ctx, request.query.token),
    });

    app.get('/api/public/requests/download', {
      config: { access: { type: 'public' }, rateLimit: publicLimit },
      schema: {
        operationId: 'downloadRequestExport',
        tags,
        summary: 'Download the export package (ZIP) while the link is valid and downloads are left; each is audited',
        querystring: ZDownloadQuery,
      },
      handler: async (request, reply) => {
        const file = await exports.downloadPackage(ctx, request.query.token);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('x-checksum-sha256', file.sha256)
          .send(file.bytes);
      },
    });
  };
}
