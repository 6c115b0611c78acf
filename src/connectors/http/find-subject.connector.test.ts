import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandIdentity } from '../../modules/requests/identities.ts';
import type { FoundRecord } from '../connector.ts';
import { httpManifest } from './manifest.ts';
import { ZHttpRecordType } from './schema.ts';

const ITEMS = [
  { id: 1, updated: '2026-01-01', email: 'Jan.Jansen@Example.nl', phone: '06-12345678', iban: null },
  { id: 2, updated: '2026-01-02', email: null, phone: '+31 6 12345678', iban: 'NL91 ABNA 0417 1643 00' },
  { id: 3, updated: '2026-01-03', email: 'jan.jansen+crm@example.nl', phone: '06-87654321', iban: null },
  { id: 4, updated: '2026-01-04', email: "o'brien%_@example.org", phone: null, iban: null },
];
let server: Server;
let baseUrl = '';
const searched: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/contacts/search') {
      const term = url.searchParams.get('q') ?? '';
      searched.push(term);
      // A loose search, as APIs have: on any field, ignoring case and spaces.
      const loose = (value: unknown) =>
        String(value ?? '')
          .toLowerCase()
          .replace(/\s/g, '');
      return send({ data: ITEMS.filter((item) => Object.values(item).some((v) => loose(v).includes(loose(term)))) });
    }
    const page = Number(url.searchParams.get('page') ?? 1);
    send({ data: ITEMS.slice((page - 1) * 2, page * 2) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));

const recordType = (withSearch: boolean) =>
  ZHttpRecordType.parse({
    list: {
      path: '/contacts',
      itemsPath: 'data',
      pageSizeParam: 'per_page',
      pageSize: 2,
      pagination: { kind: 'page', pageParam: 'page' },
    },
    keyField: 'id',
    timestampFields: ['updated'],
    identityFields: ['email', 'phone', 'iban'],
    delete: { pathTemplate: '/contacts/{key}' },
    ...(withSearch ? { search: { path: '/contacts/search', queryParam: 'q', itemsPath: 'data' } } : {}),
  });
const open = () =>
  httpManifest.open(
    { baseUrl, authHeaderName: 'Authorization', authHeaderValue: 'Bearer t', maxRetries: 0, maxRetryAfterMs: 0 },
    { timeoutMs: 5000 },
  );
const matched = (found: FoundRecord[]) =>
  Object.fromEntries(found.map((r) => [r.key, r.matchedBy?.map((m) => `${m.field}:${m.kind}`)]));
const JAN = expandIdentity({
  emails: ['jan.jansen@example.nl'],
  phones: ['0612345678'],
  ibans: ['NL91ABNA0417164300'],
});

describe.each([true, false])('http: findSubject (search endpoint: %s)', (withSearch) => {
  it('finds the person in any configured field, in any stored form, each item once', async () => {
    const connector = open();
    const found = await connector.findSubject(recordType(withSearch), JAN, { limit: 100 });
    expect(matched(found)).toEqual({ '1': ['email:email', 'phone:phone'], '2': ['phone:phone', 'iban:iban'] });
    await connector.close();
  });

  it('finds nobody for another person; hostile values are plain text', async () => {
    const connector = open();
    const other = expandIdentity({ emails: ['piet@example.nl'], phones: ['06-11111111'] });
    expect(await connector.findSubject(recordType(withSearch), other, { limit: 100 })).toEqual([]);
    const hostile = { emails: ['%', "' OR 1=1"], phones: ['&q=*'], names: ['_'] };
    expect(await connector.findSubject(recordType(withSearch), hostile, { limit: 100 })).toEqual([]);
    const obrien = { emails: ["O'Brien%_@example.org"], phones: [], names: [] };
    expect(matched(await connector.findSubject(recordType(withSearch), obrien, { limit: 100 }))).toEqual({
      '4': ['email:email'],
    });
    await connector.close();
  });
});

it('http: the search endpoint is asked for compact forms only, not every spelling', async () => {
  searched.length = 0;
  const connector = open();
  await connector.findSubject(recordType(true), JAN, { limit: 100 });
  await connector.close();
  expect(searched.sort()).toEqual(
    [
      '+31612345678',
      '0031612345678',
      '31612345678',
      '0612345678',
      'jan.jansen@example.nl',
      'nl91abna0417164300',
    ].sort(),
  );
});
