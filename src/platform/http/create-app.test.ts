import http from 'node:http';
import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { AccessResolver } from './access.ts';
import { createHttpApp } from './create-app.ts';
import { loggerOptions } from './logging.ts';

/** Nobody is signed in: these tests are about the HTTP layer, not about who asks. */
const nobody: AccessResolver = {
  resolveSession: async () => null,
  resolveApiToken: async () => null,
  resolveOrg: async () => null,
};

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function appWith(
  routes: FastifyPluginAsync,
  options: {
    isReady?: () => Promise<boolean>;
    bodyLimitBytes?: number;
    trustProxyHops?: number;
    log?: { level: string; stream: Writable };
  } = {},
) {
  const app = await createHttpApp({
    logLevel: options.log?.level ?? 'silent',
    ...(options.log ? { logStream: options.log.stream } : {}),
    trustProxyHops: options.trustProxyHops ?? 0,
    access: nobody,
    routes: [routes],
    isReady: options.isReady ?? (async () => true),
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  apps.push(app);
  return app;
}

const publicAccess = { access: { type: 'public' as const } };

describe('createHttpApp', () => {
  it('answers an unexpected failure with a 500 problem: a correlation id, no message, no stack', async () => {
    const app = await appWith(async (instance) => {
      instance.get('/api/boom', { config: publicAccess }, async () => {
        throw new Error('duplicate key value (email)=(jan@example.nl)');
      });
    });
    for (const [language, detail] of [
      ['en', 'Something went wrong on our side. Nothing was changed. Mention reference'],
      ['nl', 'Er ging aan onze kant iets mis. Er is niets gewijzigd.'],
    ]) {
      const response = await app.inject({ method: 'GET', url: '/api/boom', headers: { 'accept-language': language } });
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json();
      expect(body.code).toBe('internal_error');
      expect(body.detail).toContain(detail);
      expect(body.detail).toContain(body.correlationId);
      expect(body.correlationId).toBe(response.headers['x-correlation-id']);
      expect(response.body).not.toMatch(/jan@example|duplicate key|at .*\.ts/);
    }
  });

  it('maps an AppError kind to its status, with the parameters filled in', async () => {
    const app = await appWith(async (instance) => {
      instance.get('/api/locked', { config: publicAccess }, async () => {
        throw new AppError('rate_limited', 'account_locked', { params: { minutes: 15 } });
      });
    });
    const response = await app.inject({ method: 'GET', url: '/api/locked', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toMatchObject({
      type: 'https://privacydesk.org/problems/account_locked',
      title: 'Too many requests',
      detail: 'Too many failed attempts. This account is locked for 15 minutes.',
    });
  });

  it('refuses to start when an /api route declares no access rule', async () => {
    await expect(
      appWith(async (instance) => {
        instance.get('/api/forgotten', async () => ({}));
      }),
    ).rejects.toThrow('Route GET /api/forgotten declares no access rule');
  });

  it('records every route with its access rule and whether it takes a body', async () => {
    const app = await appWith(async (instance) => {
      instance.post('/api/things/:thingId', {
        config: { access: { type: 'org', role: 'editor' } },
        schema: { body: z.object({ name: z.string() }) },
        handler: async () => ({}),
      });
    });
    expect(app.registeredRoutes).toContainEqual({
      method: 'POST',
      url: '/api/things/:thingId',
      access: { type: 'org', role: 'editor' },
      isHidden: false,
      hasBody: true,
    });
  });

  it('answers /readyz with 503 when the database does not answer', async () => {
    const app = await appWith(async () => {}, {
      isReady: async () => {
        throw new Error('connection refused');
      },
    });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
  });

  it('refuses bodies over the configured limit with 413', async () => {
    const app = await appWith(
      async (instance) => {
        instance.post('/api/echo', { config: publicAccess }, async (request) => request.body);
      },
      { bodyLimitBytes: 100 },
    );
    const response = await app.inject({ method: 'POST', url: '/api/echo', payload: { text: 'x'.repeat(200) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('body_too_large');
    expect((await app.inject({ method: 'POST', url: '/api/echo', payload: { text: 'x' } })).statusCode).toBe(200);
  });
});

describe('stopping', () => {
  it('finishes a request in flight and then closes at once, keep-alive connections included', async () => {
    let release = () => {};
    const app = await createHttpApp({
      logLevel: 'silent',
      trustProxyHops: 0,
      access: nobody,
      isReady: async () => true,
      routes: [
        async (instance) => {
          instance.get('/api/slow', { config: publicAccess }, async () => {
            await new Promise<void>((resolve) => {
              release = resolve;
            });
            return { status: 'done' };
          });
          instance.get('/api/quick', { config: publicAccess }, async () => ({ status: 'done' }));
        },
      ],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const get = (path: string) =>
      new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, agent }, (response) => {
            let body = '';
            response.on('data', (chunk) => {
              body += chunk;
            });
            response.on('end', () => resolve({ status: response.statusCode, body }));
          })
          .on('error', reject);
      });
    try {
      expect((await get('/api/quick')).status).toBe(200); // leaves an idle keep-alive connection
      const inFlight = get('/api/slow');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const startedAt = Date.now();
      const closed = app.close();
      setTimeout(() => release(), 200);
      expect(await inFlight).toEqual({ status: 200, body: '{"status":"done"}' });
      await closed;
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      agent.destroy();
    }
  }, 20_000);
});

describe('client address behind reverse proxies', () => {
  const whoAmI = async (trustProxyHops: number, forwardedFor: string) => {
    const app = await appWith(
      async (instance) => {
        instance.get('/api/ip', { config: publicAccess }, async (request) => ({ ip: request.ip }));
      },
      { trustProxyHops },
    );
    const response = await app.inject({
      method: 'GET',
      url: '/api/ip',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
    });
    return response.json().ip;
  };

  it('takes the address the trusted proxy saw, never what the client wrote further left', async () => {
    expect(await whoAmI(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await whoAmI(2, '6.6.6.6, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For without trusted proxies', async () => {
    expect(await whoAmI(0, '6.6.6.6')).toBe('10.0.0.1');
  });
});

/** A log that keeps its lines (parsed) for the test to read. */
function capturedLog(level: string) {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { level, stream, lines };
}

describe('the request log', () => {
  const routes = async (instance: FastifyInstance) => {
    instance.get('/api/invitations/:token', { config: publicAccess }, async () => ({ status: 'ok' }));
    instance.post('/api/users', { config: publicAccess }, async () => {
      const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
      throw new DrizzleQueryError(
        'insert into "users" ("email", "password_hash", "phone") values ($1, $2, $3)',
        ['jan@example.nl', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', '+31 6 12345678'],
        refused,
      );
    });
  };

  it('writes one line per request at info, and health probes only at debug', async () => {
    for (const level of ['info', 'debug']) {
      const log = capturedLog(level);
      const app = await appWith(routes, { log });
      await app.inject({ method: 'GET', url: '/healthz' });
      await app.inject({ method: 'GET', url: '/readyz' });
      await app.inject({ method: 'GET', url: '/api/invitations/x' });
      const urls = log.lines.map((line) => line.req?.url);
      expect(urls).toEqual(
        level === 'info' ? ['/api/invitations/<token>'] : ['/healthz', '/readyz', '/api/invitations/<token>'],
      );
      expect(log.lines.every((line) => line.msg === 'request completed' && line.res.statusCode === 200)).toBe(true);
    }
  });

  it('never shows a token from the URL, in a route parameter or the query string', async () => {
    const log = capturedLog('info');
    const app = await appWith(routes, { log });
    const token = 'Zk3vQ9xYp2LmN8rT4wHs6JdUe1BcAo7GiKfEq5RnXyM';
    await app.inject({ method: 'GET', url: `/api/invitations/${token}?email=jan@example.nl` });
    await app.inject({ method: 'GET', url: `/api/unknown/${token}/accept` });
    await app.inject({ method: 'GET', url: `/reset-password?token=${token}` });
    const written = JSON.stringify(log.lines);
    expect(log.lines).toHaveLength(3);
    expect(written).not.toContain(token);
    expect(written).not.toContain('jan@example.nl');
    expect(log.lines.map((line) => line.req.url)).toEqual([
      '/api/invitations/<token>',
      '/api/unknown/<token>/accept',
      '/reset-password',
    ]);
  });

  it('logs a failed query without its bound values: no hash, e-mail address or phone number', async () => {
    const log = capturedLog('info');
    const app = await appWith(routes, { log });
    const response = await app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(response.statusCode).toBe(500);
    const failure = log.lines.find((line) => line.msg === 'unhandled error');
    expect(failure?.err).toMatchObject({ code: '22021', message: expect.stringContaining('insert into "users"') });
    const written = JSON.stringify(log.lines);
    for (const personal of ['jan@example.nl', 'argon2id', 'aGFzaGhhc2g', '12345678']) {
      expect(written).not.toContain(personal);
    }
  });
});

describe('loggerOptions', () => {
  it('is off when silent', () => {
    expect(loggerOptions('silent')).toBe(false);
  });

  it('logs no query strings, cookies, tokens or database details', () => {
    const options = loggerOptions('info') as any;
    expect(options.redact.paths).toEqual(
      expect.arrayContaining(['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]']),
    );
    const request = {
      id: 'r1',
      method: 'GET',
      url: '/api/invitations/secret?email=jan@example.nl',
      routeOptions: { url: '/x' },
    };
    expect(options.serializers.req(request)).toEqual({
      id: 'r1',
      method: 'GET',
      url: '/api/invitations/secret',
      route: '/x',
    });
    const logged = options.serializers.err(
      Object.assign(new Error('boom'), { code: '23505', detail: 'Key (email)=(jan@example.nl)' }),
    );
    expect(JSON.stringify(logged)).not.toContain('jan@example.nl');
  });
});
