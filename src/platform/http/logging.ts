import type { FastifyServerOptions } from 'fastify';

/**
 * Logs carry no personal data: credentials and bodies are never logged, URLs lose their query string (it may
 * hold tokens or e-mail addresses), and database errors lose the `detail` that quotes offending values.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (request) => ({
        id: request.id,
        method: request.method,
        url: String(request.url).split('?')[0],
        route: request.routeOptions?.url,
      }),
      res: (reply) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: string }) => ({
        type: error.name,
        code: error.code,
        message: error.message,
        stack: error.stack ?? '',
      }),
    },
  };
}
