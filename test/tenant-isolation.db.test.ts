import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../src/platform/http/create-app.ts';
import { createTestApp, type TestApp } from './app.ts';
import { TestClient, type TestResponse } from './client.ts';
import { createOrganisation, createPerson, type TestOrganisation, type TestPerson } from './factories.ts';
import {
  createTenantObjects,
  MINIMAL_BODIES,
  MINIMAL_ITEMS,
  OBJECTS_UNDER_URL,
  REFERENCE_FIELDS,
  SHARED_PARAMS,
  type TenantObjects,
  tenantSnapshot,
  tenantTables,
  withOwnObjects,
} from './tenant-fixtures.ts';

/**
 * A member of organisation A can neither read nor change anything of organisation B, through any route. The
 * routes are the ones the app registered (so routes added later are walked unasked); test/tenant-fixtures.ts
 * knows how to make each kind of object, and this test fails for any route parameter or id field it does not know.
 */
const MARKER = 'GeheimB';
/** Routes anyone may call: they take no organisation, or a secret link, and are tested on their own. */
const PUBLIC_ROUTES = new Set([
  'GET /api/auth/session',
  'POST /api/auth/sign-in',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/setup',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/public/orgs/:slug/request-page',
  'POST /api/public/orgs/:slug/requests',
  'POST /api/public/requests/confirm',
  'GET /api/public/requests/download-info',
  'GET /api/public/requests/download',
  'GET /api/public/orgs/:slug/privacy-statement',
]);
const isDocs = (route: RegisteredRoute) => route.url === '/api/docs' || route.url.startsWith('/api/docs/');
const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
/** The parameters that name an object of the organisation (not `:org`, not a shared catalogue entry). */
const objectParamsOf = (url: string) => paramsOf(url).filter((name) => name !== 'org' && !(name in SHARED_PARAMS));

let app: TestApp;
let member: TestPerson;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let a: TenantObjects;
/** A second set of A's objects: a write on one of A's objects refers to another (a vendor cannot be its own parent). */
let a2: TenantObjects;
let b: TenantObjects;
let tables: string[];
let routes: RegisteredRoute[];

beforeAll(async () => {
  // With SMTP configured a retry of B's failed mail would succeed if isolation broke (the server is never reached).
  app = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  member = await createPerson(app, { name: 'Lid van A' });
  orgA = await createOrganisation(app, { owner: member, input: { name: 'Organisatie A' } });
  orgB = await createOrganisation(app, { input: { name: `${MARKER} Organisatie` } });
  a = await createTenantObjects(app, orgA, 'OrgA');
  a2 = await createTenantObjects(app, orgA, 'OrgA2');
  b = await createTenantObjects(app, orgB, MARKER);
  tables = await tenantTables(app);
  routes = app.http.registeredRoutes.filter((route) => route.method !== 'HEAD' && !isDocs(route));
});
afterAll(async () => {
  await app?.close();
});

const snapshots = async () => ({
  a: await tenantSnapshot(app, orgA.id, tables),
  b: await tenantSnapshot(app, orgB.id, tables),
});
const fill = (url: string, values: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_, name) => (SHARED_PARAMS[name] ?? values[name]) as string);
const orgRoutes = () => routes.filter((route) => route.access?.type === 'org');
const isWrite = (route: RegisteredRoute) => route.method !== 'GET';

function bodyFor(route: RegisteredRoute): unknown {
  if (!route.hasBody) return isWrite(route) ? {} : undefined;
  return MINIMAL_BODIES[key(route)] ?? {};
}

async function call(client: TestClient, route: RegisteredRoute, url: string, body = bodyFor(route)) {
  // A required reference in a minimal body (a policy's record type) is one of A's: only the route or field under
  // test names B's object.
  const sent = body === undefined ? undefined : withOwnObjects(body, a);
  const response: TestResponse<any> = await client.request(route.method as 'GET', url, sent);
  return { response, label: `${key(route)} → ${url}: ${response.status} ${JSON.stringify(response.body)}` };
}

describe('the route inventory', () => {
  it('knows every route parameter as a kind of object', () => {
    const unknown = routes.flatMap((route) =>
      objectParamsOf(route.url).filter((name) => !(name in b) && name !== 'token'),
    );
    expect([...new Set(unknown)], 'extend createTenantObjects in test/tenant-fixtures.ts').toEqual([]);
  });

  it('has a minimal body for every write route that names an object of the organisation', () => {
    const missing = orgRoutes()
      .filter((route) => route.hasBody && objectParamsOf(route.url).length > 0 && !MINIMAL_BODIES[key(route)])
      .map(key);
    expect(missing, 'extend MINIMAL_BODIES in test/tenant-fixtures.ts').toEqual([]);
  });

  it('lists every route without a person or organisation as public on purpose', () => {
    const open = routes.filter((route) => !route.access || route.access.type === 'public').map(key);
    expect(open.filter((route) => !PUBLIC_ROUTES.has(route))).toEqual([]);
  });

  it('walks a real set of routes, and A’s member can use A', async () => {
    expect(orgRoutes().length).toBeGreaterThan(20);
    expect((await member.client.get(`/api/orgs/${orgA.id}`)).status).toBe(200);
    expect((await member.client.get(`/api/orgs/${orgB.id}`)).status).toBe(404);
  });
});

describe("A's member, on B's organisation", () => {
  it("gets 404 or 403 for every organisation route with B's id or slug and B's objects, and changes nothing", async () => {
    const before = await snapshots();
    const failures: string[] = [];
    for (const route of orgRoutes()) {
      for (const org of [orgB.id, orgB.slug]) {
        const { response, label } = await call(member.client, route, fill(route.url, { ...b, org }));
        if (![403, 404].includes(response.status) || JSON.stringify(response.body).includes(MARKER))
          failures.push(label);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshots()).toEqual(before);
  });
});

describe("A's member, on A's routes with B's objects", () => {
  it('gets 404 for every route that names an object, and changes nothing', async () => {
    const before = await snapshots();
    const failures: string[] = [];
    for (const route of orgRoutes().filter((candidate) => objectParamsOf(candidate.url).length > 0)) {
      const { response, label } = await call(member.client, route, fill(route.url, { ...b, org: orgA.id }));
      if (response.status !== 404 || JSON.stringify(response.body).includes(MARKER)) failures.push(label);
    }
    expect(failures).toEqual([]);
    expect(await snapshots()).toEqual(before);
  });

  it("gets 404 for personal routes with another person's objects", async () => {
    const before = await snapshots();
    const personal = routes.filter((route) => route.access?.type === 'user' && objectParamsOf(route.url).length > 0);
    expect(personal.length).toBeGreaterThan(0);
    for (const route of personal) {
      const { response, label } = await call(member.client, route, fill(route.url, b));
      expect(response.status, label).toBe(404);
    }
    expect(await snapshots()).toEqual(before);
  });
});

/** Every id field in a request body, from the OpenAPI document: `field` or `array[].field`. */
function referenceFields(schema: any, resolve: (s: any) => any, prefix = ''): string[] {
  const node = resolve(schema);
  if (!node) return [];
  const found: string[] = node.format === 'uuid' ? [prefix] : [];
  for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? [])])
    found.push(...referenceFields(alternative, resolve, prefix));
  if (node.items) found.push(...referenceFields(node.items, resolve, `${prefix}[]`));
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    found.push(...referenceFields(child, resolve, prefix ? `${prefix}.${name}` : name));
  }
  return [...new Set(found)];
}

let counter = 0;
/** Names must be unique per organisation in some registers: every body gets its own. */
function uniquelyNamed(body: Record<string, unknown>): Record<string, unknown> {
  counter += 1;
  return typeof body.name === 'string' ? { ...body, name: `${body.name} ${counter}` } : body;
}

/**
 * The minimal body with one reference set: `vendorId`, `dataCategoryIds[]`, `locations[].providerVendorId` or
 * `action.targetRecordTypeId`.
 */
function withReference(base: Record<string, unknown>, field: string, id: string): Record<string, unknown> {
  const [outer, inner] = field.split('[].') as [string, string | undefined];
  const body = uniquelyNamed(base);
  if (inner) return { ...body, [outer]: [{ ...MINIMAL_ITEMS[outer], [inner]: id }] };
  if (field.endsWith('[]')) return { ...body, [field.slice(0, -2)]: [id] };
  const [object, property] = field.split('.') as [string, string | undefined];
  // `action.targetRecordTypeId`: the field inside a minimal object of its kind.
  if (property) return { ...body, [object]: { ...MINIMAL_ITEMS[object], ...(body[object] as object), [property]: id } };
  return { ...body, [field]: id };
}

describe("A's member, referring to B's objects in a body", () => {
  it('is refused for every id field of every write, while the same body with A’s own object works', async () => {
    const document = (await member.client.get('/api/openapi.json')).body;
    const resolve = (s: any): any => (s?.$ref ? resolve(document.components.schemas[s.$ref.split('/').pop()]) : s);
    const writes = routes.filter((route) => route.hasBody && ['org', 'user'].includes(route.access?.type as string));
    const unknownFields: string[] = [];
    const failures: string[] = [];
    let checked = 0;
    const bBefore = await tenantSnapshot(app, orgB.id, tables);
    for (const route of writes) {
      const operation = document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const fields = referenceFields(operation?.requestBody?.content?.['application/json']?.schema, resolve);
      for (const field of fields) {
        const path = field.replace(/\[\]$/, '');
        const kind = REFERENCE_FIELDS[path] ?? REFERENCE_FIELDS[path.split('.').pop() as string];
        const base = MINIMAL_BODIES[key(route)];
        if (!kind || !base) {
          unknownFields.push(`${key(route)} ${field}`);
          continue;
        }
        const url = fill(route.url, { ...a2, org: orgA.id });
        const foreign = await call(member.client, route, url, withReference(base, field, b[kind] as string));
        if (foreign.response.status < 400 || JSON.stringify(foreign.response.body).includes(MARKER))
          failures.push(foreign.label);
        // An object that lives under the URL's object (a finding of the request) must be the URL object's own.
        const owner = OBJECTS_UNDER_URL.has(kind) ? a2 : a;
        const own = await call(member.client, route, url, withReference(base, field, owner[kind] as string));
        if (own.response.status >= 300) failures.push(`own object refused: ${own.label}`);
        checked += 1;
      }
    }
    expect(unknownFields, 'extend REFERENCE_FIELDS / MINIMAL_BODIES in test/tenant-fixtures.ts').toEqual([]);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(5);
    expect(await tenantSnapshot(app, orgB.id, tables)).toEqual(bBefore);
  });
});

describe("A's member, filtering A's lists by B's objects", () => {
  it('gets nothing of B for every id filter of every list', async () => {
    const document = (await member.client.get('/api/openapi.json')).body;
    const failures: string[] = [];
    let checked = 0;
    for (const route of orgRoutes().filter((candidate) => candidate.method === 'GET')) {
      const operation = document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.get;
      const filters = (operation?.parameters ?? []).filter(
        (parameter: { in: string; schema?: { format?: string } }) =>
          parameter.in === 'query' && parameter.schema?.format === 'uuid',
      );
      for (const { name } of filters as { name: string }[]) {
        const kind = REFERENCE_FIELDS[name];
        if (!kind) {
          failures.push(`${key(route)} ?${name}: extend REFERENCE_FIELDS in test/tenant-fixtures.ts`);
          continue;
        }
        const url = `${fill(route.url, { ...a, org: orgA.id })}?${name}=${b[kind]}`;
        const { response, label } = await call(member.client, route, url);
        if (response.status >= 500 || JSON.stringify(response.body).includes(MARKER)) failures.push(label);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

describe("B's API token, on A's routes", () => {
  it('gets 404 (403 where tokens are refused) and changes nothing', async () => {
    const before = await snapshots();
    const token = new TestClient(app.http, { bearer: b.token });
    expect((await token.get(`/api/orgs/${orgB.id}`)).status).toBe(200);
    for (const route of orgRoutes()) {
      const { response, label } = await call(token, route, fill(route.url, { ...a, org: orgA.id }));
      const refusesTokens = route.access?.type === 'org' && route.access.tokenScope === 'none';
      expect(response.status, label).toBe(refusesTokens ? 403 : 404);
    }
    expect(await snapshots()).toEqual(before);
  });
});
