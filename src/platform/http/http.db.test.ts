import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { createPerson, TEST_PASSWORD } from '../../../test/factories.ts';
import { users } from '../../modules/identity/tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function nameOf(userId: string) {
  const [row] = await app.ctx.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name;
}

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document listing every /api route and method, with no dangling references', async () => {
    const response = await new TestClient(app.http).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('privacydesk API');
    const routes = app.http.registeredRoutes.filter(
      (route) => route.url.startsWith('/api/') && !route.isHidden && route.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes
      .map((route) => ({ method: route.method.toLowerCase(), path: route.url.replace(/:(\w+)/g, '{$1}') }))
      .filter(({ method, path }) => !document.paths[path]?.[method])
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);

    const text = JSON.stringify(document);
    const references = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    for (const name of references) expect(document.components.schemas, name).toHaveProperty(name as string);
  });

  it('documents the path parameters and the request bodies', async () => {
    const document = (await new TestClient(app.http).get('/api/openapi.json')).body;
    const operation = document.paths['/api/orgs/{org}/members/{userId}/role'].put;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(['org', 'userId']);
    expect(operation.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['role'],
      additionalProperties: false,
    });
  });

  it('serves a readable documentation page at /api/docs', async () => {
    const response = await new TestClient(app.http).get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(String(response.body)).toContain('swagger');
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const client = new TestClient(app.http);
    expect(await client.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await client.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no-sniff and no framing on API answers and problems alike', async () => {
    const client = new TestClient(app.http);
    for (const response of [await client.get('/api/auth/session'), await client.get('/api/me')]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('gives a problem the same correlation id as its header', async () => {
    const response = await new TestClient(app.http).get('/api/me');
    expect(response.status).toBe(401);
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  });
});

describe('CSRF protection for cookie sessions', () => {
  it('refuses a write without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const person = await createPerson(app, { locale: 'en' });
    const before = await nameOf(person.id);
    const wrong = await person.client.request('PATCH', '/api/me', { name: 'Overgenomen' }, { 'x-csrf-token': 'wrong' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({
      code: 'csrf_failed',
      detail: 'The request could not be verified. Reload the page and try again.',
    });
    person.client.dropCsrfToken();
    const missing = await person.client.patch('/api/me', { name: 'Overgenomen' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    expect(await nameOf(person.id)).toBe(before);
    expect((await person.client.get('/api/me')).status).toBe(200);
  });

  it('refuses cross-site writes even with the right token, and cross-site sign-in (login CSRF)', async () => {
    const person = await createPerson(app);
    const before = await nameOf(person.id);
    const crossSite = await person.client.request(
      'PATCH',
      '/api/me',
      { name: 'Overgenomen' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('csrf_failed');
    expect(await nameOf(person.id)).toBe(before);
    const sameOrigin = await person.client.request(
      'PATCH',
      '/api/me',
      { name: 'Eigen Naam' },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(sameOrigin.status).toBe(200);
    expect(await nameOf(person.id)).toBe('Eigen Naam');

    const login = await new TestClient(app.http).request(
      'POST',
      '/api/auth/sign-in',
      { email: person.email, password: TEST_PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
  });
});

describe('unknown routes', () => {
  it('answer 404 problem+json in the caller’s language', async () => {
    const english = await new TestClient(app.http, { locale: 'en' }).get('/api/nothing-here');
    expect(english.status).toBe(404);
    expect(english.headers['content-type']).toContain('application/problem+json');
    expect(english.body).toMatchObject({
      code: 'route_not_found',
      title: 'Not found',
      detail: 'This address does not exist.',
    });
    const dutch = await new TestClient(app.http, { locale: 'nl-NL,nl;q=0.9' }).request('DELETE', '/api/orgs');
    expect(dutch.status).toBe(404);
    expect(dutch.body).toMatchObject({ code: 'route_not_found', title: 'Niet gevonden' });
    expect(dutch.body.detail).not.toBe(english.body.detail);
  });
});
