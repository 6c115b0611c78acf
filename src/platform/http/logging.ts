import type { Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { errorForLog } from '../safe-error.ts';

/** Probes that orchestrators call every few seconds: their lines would drown the log at `info`. */
const HEALTH_PROBES = new Set(['/healthz', '/readyz']);

/** A path segment shaped like a secret token (base64url, 20+ characters) that is not a plain id (UUID). */
const TOKEN_LIKE = /^(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)[A-Za-z0-9_-]{20,}$/i;

/**
 * The URL as the log shows it: without its query string (it may hold tokens or e-mail addresses), and with every
 * path segment that holds a token (a route parameter named `…token…`, or a token-shaped segment of an unmatched
 * URL) replaced by `<token>`: a token read from the log must not open an invitation or a reset.
 */
export function loggedUrl(url: string, routePattern: string | undefined): string {
  const segments = (url.split('?')[0] ?? '').split('/');
  const pattern = routePattern?.split('/');
  return segments
    .map((segment, index) => {
      const parameter = pattern?.[index];
      const isTokenParameter = parameter?.startsWith(':') === true && /token/i.test(parameter);
      const isUnmatchedToken = !parameter?.startsWith(':') && parameter !== segment && TOKEN_LIKE.test(segment);
      return isTokenParameter || isUnmatchedToken ? '<token>' : segment;
    })
    .join('/');
}

/**
 * Logs carry no personal data: credentials and bodies are never logged, URLs lose their query string and tokens,
 * and errors lose the database's detail, the query's bound values and anything quoted (see `errorForLog`).
 */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (request) => ({
        id: request.id,
        method: request.method,
        url: loggedUrl(String(request.url), request.routeOptions?.url),
        route: request.routeOptions?.url,
      }),
      res: (reply) => ({ statusCode: reply.statusCode }),
      err: errorForLog,
    },
  };
}

/** One line per request, when it is answered: at `info`, health probes at `debug`. */
export function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const level = HEALTH_PROBES.has(request.url.split('?')[0] ?? '') ? 'debug' : 'info';
    request.log[level]({ req: request, res: reply, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
  });
}
