import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { localeFromAcceptLanguage } from '../i18n/index.ts';
import { type AccessResolver, accessHook, type RouteAccess } from './access.ts';
import { loggerOptions, logRequests } from './logging.ts';
import { refuseNulCharacters } from './nul-guard.ts';
import { registerOpenApi } from './openapi.ts';
import { problemErrorHandler } from './problem.ts';
import { registerWebApp } from './web-app.ts';

export type HttpApp = FastifyInstance;

/** One method of one registered route, as the tenant-isolation test and the OpenAPI check walk them. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  isHidden: boolean;
  /** Whether the route validates a request body. */
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on this app, in registration order (with the HEAD twins Fastify adds to GET routes). */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface HttpAppOptions {
  logLevel: string;
  /** How many reverse proxies in front are believed for the client address and protocol (0: none). */
  trustProxyHops: number;
  access: AccessResolver;
  routes: FastifyPluginAsync[];
  /** Answers /readyz: can this instance serve (database reachable)? */
  isReady: () => Promise<boolean>;
  /** The built SPA; omitted in API-only tests. */
  webDistDir?: string | undefined;
  bodyLimitBytes?: number;
  /** Where the log goes (tests read it); stdout by default. */
  logStream?: Writable;
  /** PUBLIC_URL, the server the OpenAPI document names. */
  publicUrl?: string;
}

/** Believes the socket's peer and the next hops up to the count (as proxy-addr does for a number). */
function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

/**
 * On shutdown, idle keep-alive connections are closed at once (Fastify), and a request still in flight is answered
 * with `Connection: close`, so its connection ends with the answer instead of idling until the keep-alive timeout
 * (72 s) holds the process open.
 */
function closeConnectionsWhenStopping(app: FastifyInstance): void {
  let isStopping = false;
  app.addHook('preClose', async () => {
    isStopping = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (isStopping) reply.header('connection', 'close');
  });
}

/** Builds the Fastify app: security headers, problem+json errors, access control, OpenAPI, the routes, the SPA. */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logStream),
    // Fastify logs two lines per request; `logRequests` writes one, and health probes only at debug.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count, never `true`: trusting every hop would take the left-most X-Forwarded-For, which the client writes.
    trustProxy: trustHops(options.trustProxyHops),
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  // Bodies are JSON (a module that takes uploads adds its own parser): anything else, text/plain included, is a 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  app.decorateRequest('principal', null);
  app.decorateRequest('orgScope', null);
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    reply.header('x-correlation-id', request.id);
  });
  closeConnectionsWhenStopping(app);
  logRequests(app);
  refuseNulCharacters(app);
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access && !route.schema?.hide) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
    for (const method of [route.method].flat()) {
      registeredRoutes.push({
        method,
        url: route.url,
        access: route.config?.access,
        isHidden: route.schema?.hide === true,
        hasBody: route.schema?.body !== undefined,
      });
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited', 'rate_limited'),
  });
  await registerOpenApi(app, { publicUrl: options.publicUrl ?? 'http://localhost:8080' });

  app.addHook('onRequest', accessHook(options.access));

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const isReady = await options.isReady().catch(() => false);
    return reply.status(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'unavailable' });
  });

  for (const routes of options.routes) await app.register(routes);
  await registerWebApp(app, options.webDistDir);
  return app;
}
