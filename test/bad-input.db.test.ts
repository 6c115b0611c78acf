import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reference from '../reference/identifiers-nl.json' with { type: 'json' };
import { apiTokens } from '../src/modules/api-tokens/tables.ts';
import { sessions, users } from '../src/modules/identity/tables.ts';
import { invitations, memberships, organisations } from '../src/modules/organisations/tables.ts';
import { auditChainHeads, auditEntries } from '../src/platform/audit/tables.ts';
import { mailMessages } from '../src/platform/mail/tables.ts';
import { createTestApp, type TestApp } from './app.ts';
import { TestClient, type TestResponse } from './client.ts';
import { addMember, createOrganisation, createPerson, type TestOrganisation, type TestPerson } from './factories.ts';

/**
 * Bad input on the routes that take input from people: a 400/413/415 problem in the caller's language, with
 * field errors, and nothing written — checked by comparing the database before and after every request.
 */
type Locale = 'nl' | 'en';
type Localised = Record<Locale, string>;

let app: TestApp;
let org: TestOrganisation;
const people = {} as Record<Locale, TestPerson>;

beforeAll(async () => {
  app = await createTestApp();
  people.nl = await createPerson(app, { locale: 'nl' });
  people.en = await createPerson(app, { locale: 'en' });
  org = await createOrganisation(app, { owner: people.nl });
  await addMember(app, org, 'owner', people.en);
});
afterAll(async () => {
  await app?.close();
});

/** Everything a request could have written. Sessions only by count: reading one may touch its last-seen time. */
async function snapshot() {
  const db = app.ctx.db;
  const counts = await Promise.all(
    [memberships, invitations, apiTokens, mailMessages, sessions, auditEntries].map(async (table) => {
      const [row] = await db.select({ total: count() }).from(table);
      return row?.total;
    }),
  );
  return {
    users: await db.select().from(users).orderBy(users.id),
    organisations: await db.select().from(organisations).orderBy(organisations.id),
    heads: await db.select().from(auditChainHeads).orderBy(auditChainHeads.chain),
    counts,
  };
}

interface Target {
  name: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  valid: () => Record<string, unknown>;
  /** A field that must be a string. */
  textField: string;
  /** Sessions speak their person's language; anonymous callers their Accept-Language. */
  client: (locale: Locale) => TestClient;
}

const signedIn = (locale: Locale) => people[locale].client;
const targets: Target[] = [
  {
    name: 'create organisation',
    method: 'POST',
    url: () => '/api/orgs',
    valid: () => ({ name: 'Geldige Naam' }),
    textField: 'name',
    client: signedIn,
  },
  {
    name: 'update organisation',
    method: 'PATCH',
    url: () => `/api/orgs/${org.id}`,
    valid: () => ({ city: 'Zwolle' }),
    textField: 'city',
    client: signedIn,
  },
  {
    name: 'invite',
    method: 'POST',
    url: () => `/api/orgs/${org.id}/invitations`,
    valid: () => ({ email: 'nieuw@example.nl', role: 'viewer' }),
    textField: 'email',
    client: signedIn,
  },
  {
    name: 'create API token',
    method: 'POST',
    url: () => `/api/orgs/${org.id}/api-tokens`,
    valid: () => ({ name: 'Koppeling', scopes: ['read'] }),
    textField: 'name',
    client: signedIn,
  },
  {
    name: 'sign in',
    method: 'POST',
    url: () => '/api/auth/sign-in',
    valid: () => ({ email: people.nl.email, password: people.nl.password }),
    textField: 'email',
    client: (locale) => new TestClient(app.http, { locale }),
  },
  {
    name: 'update profile',
    method: 'PATCH',
    url: () => '/api/me',
    valid: () => ({ name: 'Nieuwe Naam' }),
    textField: 'name',
    client: signedIn,
  },
];

const json = { 'content-type': 'application/json' };
const VALIDATION_FAILED: Localised = {
  nl: 'Niet alle velden zijn goed ingevuld.',
  en: 'Some fields are not filled in correctly.',
};

interface Expected {
  status: number;
  code: string;
  detail: Localised;
  errors?: { path: string; code: string; message: Localised }[];
}

/** Sends the request in Dutch and in English; both must fail as expected and leave the database as it was. */
async function expectRefused(target: Target, body: string, headers: Record<string, string>, expected: Expected) {
  for (const locale of ['nl', 'en'] as const) {
    const before = await snapshot();
    const response: TestResponse<any> = await target.client(locale).request(target.method, target.url(), body, headers);
    expect(response.status, `${locale}: ${JSON.stringify(response.body)}`).toBe(expected.status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: expected.status,
      code: expected.code,
      detail: expected.detail[locale],
    });
    const errors = expected.errors?.map((error) => ({
      path: error.path,
      code: error.code,
      message: error.message[locale],
    }));
    expect(response.body.errors).toEqual(errors);
    expect(await snapshot()).toEqual(before);
  }
}

describe.each(targets)('bad input: $name', (target) => {
  const send = (body: unknown) => JSON.stringify(body);

  it('refuses malformed and empty JSON', async () => {
    const detail = { nl: 'De inhoud van het verzoek is geen geldige JSON.', en: 'The request body is not valid JSON.' };
    await expectRefused(target, '{"name": ', json, { status: 400, code: 'malformed_body', detail });
    await expectRefused(target, '', json, { status: 400, code: 'malformed_body', detail });
  });

  it('refuses a body that is no object', async () => {
    const message = { nl: 'Verkeerd soort waarde (verwacht: object).', en: 'Wrong type of value (expected object).' };
    for (const body of ['[]', 'null', '"text"']) {
      await expectRefused(target, body, json, {
        status: 400,
        code: 'validation_failed',
        detail: VALIDATION_FAILED,
        errors: [{ path: '', code: 'invalid_type', message }],
      });
    }
  });

  it('refuses a field of the wrong type', async () => {
    await expectRefused(target, send({ ...target.valid(), [target.textField]: 12345 }), json, {
      status: 400,
      code: 'validation_failed',
      detail: VALIDATION_FAILED,
      errors: [
        {
          path: target.textField,
          code: 'invalid_type',
          message: { nl: 'Verkeerd soort waarde (verwacht: string).', en: 'Wrong type of value (expected string).' },
        },
      ],
    });
  });

  it('refuses unknown fields, naming each', async () => {
    const message = { nl: 'Onbekend veld.', en: 'Unknown field.' };
    await expectRefused(target, send({ ...target.valid(), isAdmin: true, orgId: org.id }), json, {
      status: 400,
      code: 'validation_failed',
      detail: VALIDATION_FAILED,
      errors: [
        { path: 'isAdmin', code: 'unknown_field', message },
        { path: 'orgId', code: 'unknown_field', message },
      ],
    });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const body = send({ ...target.valid(), [target.textField]: 'x'.repeat(1_100_000) });
    await expectRefused(target, body, json, {
      status: 413,
      code: 'body_too_large',
      detail: { nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
    });
  });

  it('refuses a NUL character in a text field (PostgreSQL text cannot hold one) with a field error', async () => {
    await expectRefused(target, send({ ...target.valid(), [target.textField]: 'Zwol\u0000le' }), json, {
      status: 400,
      code: 'validation_failed',
      detail: VALIDATION_FAILED,
      errors: [
        {
          path: target.textField,
          code: 'nul_character',
          message: { nl: 'Bevat een ongeldig teken (NUL).', en: 'Contains an invalid character (NUL).' },
        },
      ],
    });
  });

  it('refuses anything but JSON with 415', async () => {
    const detail = {
      nl: 'Dit type inhoud wordt niet ondersteund; stuur JSON.',
      en: 'This content type is not supported; send JSON.',
    };
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      await expectRefused(
        target,
        send(target.valid()),
        { 'content-type': contentType },
        {
          status: 415,
          code: 'unsupported_media_type',
          detail,
        },
      );
    }
  });
});

describe.each(targets.filter((target) => target.name.endsWith('organisation')))(
  'Dutch identifiers: $name',
  (target) => {
    const withField = (field: string, value: string) => JSON.stringify({ ...target.valid(), [field]: value });
    const fieldError = (path: string, code: string, message: Localised) => ({
      status: 400,
      code: 'validation_failed',
      detail: VALIDATION_FAILED,
      errors: [{ path, code, message }],
    });

    it.each(reference.kvk.invalid)('refuses KvK number %s', async (kvkNumber) => {
      await expectRefused(
        target,
        withField('kvkNumber', kvkNumber),
        json,
        fieldError('kvkNumber', 'kvk_format', {
          nl: 'Een KvK-nummer heeft precies 8 cijfers.',
          en: 'A KvK number has exactly 8 digits.',
        }),
      );
    });

    it.each(reference.postcode.invalid)('refuses Dutch postcode %s', async (postcode) => {
      await expectRefused(
        target,
        withField('postcode', postcode),
        json,
        fieldError('postcode', 'postcode_format', {
          nl: 'Een Nederlandse postcode ziet eruit als 1234 AB.',
          en: 'A Dutch postcode looks like 1234 AB.',
        }),
      );
    });

    it.each(['XX', 'xx', 'NLD', ''])('refuses country code %j', async (country) => {
      await expectRefused(
        target,
        withField('country', country),
        json,
        fieldError('country', 'country_code', {
          nl: 'Geen bekende landcode (ISO 3166, bijv. NL).',
          en: 'Not a known country code (ISO 3166, e.g. NL).',
        }),
      );
    });

    it('accepts the valid values of the reference (the refusals above are not for every value)', async () => {
      for (const kvkNumber of reference.kvk.valid) {
        const response = await target
          .client('nl')
          .request(target.method, target.url(), withField('kvkNumber', kvkNumber), json);
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      }
    });
  },
);

describe('NUL characters on every route that takes a body', () => {
  it('refuses them before any query runs: never a 500', async () => {
    const routes = app.http.registeredRoutes.filter((route) => route.hasBody && route.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const url = route.url
        .replace(':org', org.id)
        .replace(/:\w*token\w*/i, 'a'.repeat(43))
        .replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const before = await snapshot();
      const response = await people.en.client.request(
        route.method as 'POST',
        url,
        JSON.stringify({ name: 'a\u0000b' }),
        json,
      );
      const where = `${route.method} ${route.url}: ${JSON.stringify(response.body)}`;
      expect([400, 401, 403], where).toContain(response.status);
      if (response.status === 400) {
        expect(response.body.errors, where).toContainEqual(
          expect.objectContaining({ path: 'name', code: 'nul_character' }),
        );
      }
      expect(await snapshot(), where).toEqual(before);
    }
  });
});
