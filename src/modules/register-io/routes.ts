import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/http/access.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { type Problem, problemErrorHandler, sendProblem, toAppError, toProblem } from '../../platform/http/problem.ts';
import {
  ZExportProgress,
  ZExportProgressQuery,
  ZExportQuery,
  ZImportQuery,
  ZImportReport,
} from '../register/contract.ts';
import * as registerIo from './service.ts';

const tags = ['Register: export and import'];
const orgParams = z.object({ org: z.string().min(1).max(100) });
const read = { type: 'org', role: 'viewer' } as const;
const write = { type: 'org', role: 'editor' } as const;

/** The largest file an import accepts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Media types an import accepts as the raw request body, and how each is read. */
const UPLOAD_KINDS: Record<string, registerIo.UploadKind> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  [registerIo.XLSX_MEDIA_TYPE]: 'xlsx',
  // Browsers on Windows send .csv files as Excel's old type; the bytes tell which it is.
  'application/vnd.ms-excel': 'sniff',
  'application/octet-stream': 'sniff',
};

function uploadKind(contentType: string | undefined): registerIo.UploadKind {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return UPLOAD_KINDS[mediaType] ?? 'sniff';
}

/** The raw file; a JSON body (the one other parser of the API) is not a file. An empty body is an empty file. */
function uploadedFile(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'unsupported_media_type');
  return body;
}

/**
 * The import's errors: a file over the limit is `file_too_large`; an import refused for row errors answers with
 * each row error in `errors` (path `rows.<row>.<column>`) and the whole report as `report`.
 */
function importErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (toAppError(error, request)?.code === 'body_too_large') {
    const tooLarge = new AppError('too_large', 'file_too_large', { params: { limit: '10 MB' } });
    return problemErrorHandler(tooLarge, request, reply);
  }
  if (!(error instanceof registerIo.ImportNotCleanError)) return problemErrorHandler(error, request, reply);
  const problem: Problem & { report: z.infer<typeof ZImportReport> } = {
    ...toProblem(error, request.locale, request.id),
    errors: error.report.errors.map((rowError) => ({
      path: ['rows', rowError.row, rowError.column].filter((part) => part !== null).join('.'),
      code: rowError.code,
      message: rowError.message,
    })),
    report: error.report,
  };
  return sendProblem(reply, problem);
}

export function registerIoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      Object.keys(UPLOAD_KINDS),
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get('/api/orgs/:org/register/export', {
      config: { access: read },
      schema: {
        operationId: 'exportRegister',
        tags,
        summary:
          'The register as a file: pdf (the Art. 30 document), xlsx (a sheet per entity), csv (one entity, or a ZIP of all) or json',
        params: orgParams,
        querystring: ZExportQuery,
      },
      handler: async (request, reply) => {
        const locale = request.query.locale ?? request.locale;
        const file = await registerIo.exportRegister(ctx, scopeOf(request), request.query, locale);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    });

    app.get('/api/orgs/:org/register/export/progress', {
      config: { access: read },
      schema: {
        operationId: 'getExportProgress',
        tags,
        summary:
          'How far the export started with this `progressId` is (pages of a PDF laid out, then drawn); 404 when unknown to this instance',
        params: orgParams,
        querystring: ZExportProgressQuery,
        response: { 200: ZExportProgress },
      },
      handler: async (request) => registerIo.getExportProgress(scopeOf(request), request.query.id),
    });

    app.post('/api/orgs/:org/register/import', {
      config: { access: write },
      bodyLimit: MAX_IMPORT_BYTES,
      errorHandler: importErrorHandler,
      schema: {
        operationId: 'importRegister',
        tags,
        summary:
          'Import activities, systems or vendors from a CSV or XLSX file (the raw body, at most 10 MB): preview lists every row error; apply writes all rows or nothing',
        params: orgParams,
        querystring: ZImportQuery,
        response: { 200: ZImportReport },
      },
      handler: async (request) => {
        const upload = {
          ...request.query,
          file: uploadedFile(request.body),
          kind: uploadKind(request.headers['content-type']),
        };
        return registerIo.importRegister(ctx, scopeOf(request), upload, request.locale);
      },
    });
  };
}
