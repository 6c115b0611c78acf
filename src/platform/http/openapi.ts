import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from './access.ts';
import type { Problem } from './problem.ts';

/** An operationId reads as verbNoun: `listVendors`, `signIn`, `getEeaStatus`. */
export const OPERATION_ID_PATTERN = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/** The problem+json body every error answer carries (RFC 9457 plus the code, field errors and correlation id). */
export const ZProblem = z
  .object({
    type: z.string().describe('URI naming the kind of problem, ending in its code'),
    title: z.string().describe('the kind of problem, in the caller’s language'),
    status: z.number().int().describe('the HTTP status'),
    code: z.string().describe('stable machine-readable code, e.g. `validation_failed`'),
    detail: z.string().describe('what went wrong, in the caller’s language'),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('one entry per invalid field (400 only)'),
    correlationId: z.string().describe('the request id, also in the `x-correlation-id` header and the log'),
  })
  .describe('RFC 9457 problem details');
// The documented schema describes what problem.ts sends: this fails to compile when they drift apart.
const _problemMatchesSchema: z.infer<typeof ZProblem> = {} as Problem;
void _problemMatchesSchema;

/** The 4xx answers, as named responses every operation refers to. */
const ERROR_RESPONSES = {
  400: { name: 'BadRequest', description: 'Invalid input: malformed body, or field errors listed in `errors`' },
  401: { name: 'Unauthorized', description: 'Not signed in, an unknown API token, or wrong credentials' },
  403: {
    name: 'Forbidden',
    description: 'Signed in, but the role, token scope, two-factor rule or CSRF check refuses',
  },
  404: { name: 'NotFound', description: 'No such object in an organisation of the caller (or no such organisation)' },
  409: { name: 'Conflict', description: 'The change conflicts with the current state (or a concurrent change)' },
  413: { name: 'ContentTooLarge', description: 'The request body is larger than allowed' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not of a media type this operation reads' },
  429: { name: 'TooManyRequests', description: 'Too many attempts: wait (see `Retry-After`) and try again' },
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The 4xx statuses a route can answer, from what the HTTP layer does with it: validation (400), the access hook
 * (401 for a bad token on any route; 403 for cross-site writes, roles, scopes and session-only routes), path
 * parameters that name something (404), writes that can conflict (409), bodies (413, 415) and rate limits (429).
 */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'schema' | 'config'>): ErrorStatus[] {
  const method = [route.method].flat()[0]?.toUpperCase() ?? 'GET';
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const config = (route.config ?? {}) as { access?: RouteAccess; rateLimit?: unknown };
  const isSafe = SAFE_METHODS.has(method);
  const takesBody = BODY_METHODS.has(method);
  const statuses: ErrorStatus[] = [];
  if (schema.params || schema.querystring || schema.body || takesBody) statuses.push(400);
  statuses.push(401);
  if (!(isSafe && config.access?.type === 'public')) statuses.push(403);
  if (schema.params) statuses.push(404);
  if (!isSafe) statuses.push(409);
  if (takesBody) statuses.push(413, 415);
  if (config.rateLimit) statuses.push(429);
  return statuses;
}

function errorResponseComponents() {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }) => [
      name,
      {
        description,
        ...(name === 'TooManyRequests'
          ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } }
          : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
}

/** The Problem schema as a component (without the `$schema` line: the document's dialect already says it). */
function problemJsonSchema(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(ZProblem, { target: 'draft-2020-12' });
  return schema;
}

type Operation = { responses?: Record<string, unknown> };
type PathItem = Record<string, Operation>;

/** Adds each operation's error answers (collected per route while the document was built) as response refs. */
function withErrorResponses(
  paths: Record<string, PathItem> | undefined,
  statusesByOperation: Map<string, ErrorStatus[]>,
): Record<string, PathItem> {
  const result: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(paths ?? {})) {
    result[path] = {};
    for (const [method, operation] of Object.entries(item)) {
      const statuses = statusesByOperation.get(`${method.toUpperCase()} ${path}`) ?? [];
      const errors = Object.fromEntries(
        statuses.map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` }]),
      );
      result[path][method] = { ...operation, responses: { ...operation.responses, ...errors } };
    }
  }
  return result;
}

/** Fastify's `/api/orgs/:org` as OpenAPI's `/api/orgs/{org}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

export interface OpenApiOptions {
  /** PUBLIC_URL: the server the document names. */
  publicUrl: string;
}

/** OpenAPI 3.1 generated from the routes' zod schemas, at /api/openapi.json, with a readable page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  const statusesByOperation = new Map<string, ErrorStatus[]>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'privacydesk API',
        version: '1',
        description:
          'The privacy office of a small business. Authenticate with an organisation API token (`Authorization: Bearer pd_…`) ' +
          'or, from the web app, a session cookie plus the `x-csrf-token` header. Errors are RFC 9457 problem details ' +
          '(`application/problem+json`, schema `Problem`) in the language of `Accept-Language`.',
        license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: options.publicUrl, description: 'this installation (PUBLIC_URL)' }],
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'Organisation API token (pd_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    // Servers name the whole address; the routes keep their /api prefix whatever path PUBLIC_URL has.
    stripBasePath: false,
    transform: (document) => {
      for (const method of [document.route.method].flat()) {
        statusesByOperation.set(
          `${method.toUpperCase()} ${openApiPath(document.url)}`,
          errorStatusesOf({ ...document.route, method }),
        );
      }
      return jsonSchemaTransform(document);
    },
    transformObject: (document) => {
      const object = jsonSchemaTransformObject(document) as {
        components?: Record<string, unknown> & { schemas?: Record<string, unknown> };
        paths?: Record<string, PathItem>;
      };
      return {
        ...object,
        paths: withErrorResponses(object.paths, statusesByOperation),
        components: {
          ...object.components,
          schemas: { ...object.components?.schemas, Problem: problemJsonSchema() },
          responses: errorResponseComponents(),
        },
      } as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
