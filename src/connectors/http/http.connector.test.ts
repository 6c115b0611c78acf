import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Selection } from '../connector.ts';
import { cutoffAt, describeConnectorContract } from '../contract.test-suite.ts';
import { httpManifest } from './manifest.ts';
import { type THttpConfig, type THttpRecordType, ZHttpConfig, ZHttpRecordType } from './schema.ts';

const TOKEN = 'Bearer crm-test-token-7f3a';
const READ_ONLY_TOKEN = 'Bearer crm-read-only';
const DAY_MS = 86_400_000;

interface Contact {
  id: number;
  updated_at: string | null;
  email: string | null;
  name: string | null;
  note: string;
  keep: boolean;
}

/** A small CRM API: page and cursor pagination, an auth header, 429 on demand, a search and a delete endpoint. */
class FakeCrm {
  readonly stores = new Map<string, Contact[]>();
  rateLimitedRequests = 0;
  requests = 0;
  private nextId = 1;
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  add(store: string, contacts: Omit<Contact, 'id'>[]): number[] {
    const list = this.stores.get(store) ?? [];
    this.stores.set(store, list);
    return contacts.map((contact) => {
      const id = this.nextId++;
      list.push({ id, ...contact });
      return id;
    });
  }

  private handle(request: IncomingMessage, response: ServerResponse) {
    this.requests += 1;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const auth = request.headers['x-api-key'];
    if (auth !== TOKEN && auth !== READ_ONLY_TOKEN) return send(401, { error: 'unauthorised' });
    if (url.pathname === '/api/slow') return; // never answers
    if (this.rateLimitedRequests > 0) {
      this.rateLimitedRequests -= 1;
      return send(429, { error: 'slow down' }, { 'retry-after': '1' });
    }
    const match = /^\/api\/s\/([^/]+)\/contacts(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return send(404, { error: 'no such endpoint' });
    const list = this.stores.get(match[1]!);
    if (!list) return send(404, { error: 'no such store' });
    const [, , rest] = match;
    if (request.method === 'DELETE' && rest) {
      if (auth === READ_ONLY_TOKEN) return send(403, { error: 'read only' });
      const index = list.findIndex((contact) => String(contact.id) === rest);
      if (index === -1) return send(404, { error: 'gone' });
      list.splice(index, 1);
      return send(204);
    }
    if (rest === 'search') {
      const term = (url.searchParams.get('q') ?? '').toLowerCase();
      const hits = list.filter((c) => c.email?.toLowerCase().includes(term) || c.name?.toLowerCase().includes(term));
      return send(200, { data: hits });
    }
    const perPage = Number(url.searchParams.get('per_page') ?? url.searchParams.get('limit') ?? 20);
    if (url.searchParams.has('offset')) {
      const offset = Number(url.searchParams.get('offset'));
      return send(200, list.slice(offset, offset + perPage)); // a bare array, no envelope
    }
    if (url.searchParams.has('after') || url.searchParams.has('limit')) {
      const after = Number(url.searchParams.get('after') ?? 0);
      const page = list.filter((contact) => contact.id > after).slice(0, perPage);
      const last = page.at(-1);
      return send(200, { data: page, paging: { next: page.length === perPage && last ? String(last.id) : null } });
    }
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    return send(200, { data: list.slice((pageNumber - 1) * perPage, pageNumber * perPage), total: list.length });
  }
}

const crm = new FakeCrm();
let storeCounter = 0;

const configOf = (overrides: Partial<THttpConfig> = {}): THttpConfig =>
  ZHttpConfig.parse({ baseUrl: crm.baseUrl, authHeaderName: 'X-Api-Key', authHeaderValue: TOKEN, ...overrides });
const open = (overrides: Partial<THttpConfig> = {}, timeoutMs = 5000) =>
  httpManifest.open(configOf(overrides), { timeoutMs });

function pagedRecordType(store: string, pageSize = 10): THttpRecordType {
  return ZHttpRecordType.parse({
    list: {
      path: `/s/${store}/contacts`,
      itemsPath: 'data',
      pageSizeParam: 'per_page',
      pageSize,
      pagination: { kind: 'page', pageParam: 'page' },
    },
    keyField: 'id',
    timestampFields: ['updated_at'],
    identityFields: ['email', 'name'],
    delete: { method: 'DELETE', pathTemplate: `/s/${store}/contacts/{key}` },
    search: { path: `/s/${store}/contacts/search`, queryParam: 'q', itemsPath: 'data' },
  });
}

beforeAll(async () => crm.start());
afterAll(async () => crm.stop());

describeConnectorContract<THttpRecordType>('http', {
  capabilities: httpManifest.capabilities,
  fieldNames: { timestamp: 'updated_at', note: 'note' },
  keepExclusion: [{ field: 'keep', operator: 'eq', value: true }],
  textOperators: ['eq', 'ne', 'in', 'not_in'],
  async createStore() {
    const store = `contract${++storeCounter}`;
    crm.stores.set(store, []);
    return {
      connector: open(),
      recordType: pagedRecordType(store),
      async seed(records) {
        const ids = crm.add(
          store,
          records.map((record) => ({
            updated_at: record.timestamp?.toISOString() ?? null,
            email: record.identity.email ?? null,
            name: record.identity.name ?? null,
            note: record.fields.note,
            keep: record.fields.keep ?? false,
          })),
        );
        return ids.map(String);
      },
      existingKeys: async () => (crm.stores.get(store) ?? []).map((contact) => String(contact.id)),
      async dispose() {
        crm.stores.delete(store);
      },
    };
  },
  openUnreachable: () => httpManifest.open(configOf({ baseUrl: 'http://127.0.0.1:1/api' }), { timeoutMs: 3000 }),
  unreachableRecordType: pagedRecordType('none'),
});

describe('http: a CRM API', () => {
  const now = new Date('2026-12-03T09:00:00Z');
  const cutoff = cutoffAt(new Date(now.getTime() - 365 * DAY_MS));
  const expired = (): Selection => ({ timestampField: 'updated_at', cutoff, conditions: [], exclusions: [] });
  let store: string;

  beforeEach(() => {
    store = `crm${++storeCounter}`;
    crm.rateLimitedRequests = 0;
  });

  const seedContacts = (count: number) =>
    crm.add(
      store,
      Array.from({ length: count }, (_, index) => ({
        updated_at: new Date(now.getTime() - (index % 2 === 0 ? 400 : 30) * DAY_MS).toISOString(),
        email: `person${index}@example.org`,
        name: `Person ${index}`,
        note: index % 2 === 0 ? 'inactive' : 'active',
        keep: false,
      })),
    );

  it('deletes the expired half of 2,500 contacts while paging, in bounded batches, skipping none', async () => {
    const ids = seedContacts(2500);
    const connector = open();
    const recordType = pagedRecordType(store, 100);
    let deleted = 0;
    let batches = 0;
    for await (const batch of connector.find(recordType, expired(), { batchSize: 250 })) {
      expect(batch.records.length).toBeLessThanOrEqual(250);
      batches += 1;
      deleted += (
        await connector.delete(
          recordType,
          batch.records.map((r) => r.key),
        )
      ).deleted;
    }
    expect(deleted).toBe(1250);
    expect(batches).toBe(5);
    expect(crm.stores.get(store)!.map((c) => c.id)).toEqual(ids.filter((_, index) => index % 2 === 1));
    await connector.close();
  });

  it('offset pagination over a bare array: deleting while listing skips nothing', async () => {
    const ids = seedContacts(1000);
    const connector = open();
    const recordType = ZHttpRecordType.parse({
      ...pagedRecordType(store),
      list: {
        path: `/s/${store}/contacts`,
        pageSizeParam: 'limit',
        pageSize: 64,
        pagination: { kind: 'offset', offsetParam: 'offset' },
      },
    });
    let deleted = 0;
    for await (const batch of connector.find(recordType, expired(), { batchSize: 100 })) {
      deleted += (
        await connector.delete(
          recordType,
          batch.records.map((r) => r.key),
        )
      ).deleted;
    }
    expect(deleted).toBe(500);
    expect(crm.stores.get(store)!.map((c) => c.id)).toEqual(ids.filter((_, index) => index % 2 === 1));
    await connector.close();
  });

  it('lists 2,500 contacts through cursor pagination', async () => {
    seedContacts(2500);
    const connector = open();
    const recordType = ZHttpRecordType.parse({
      ...pagedRecordType(store, 200),
      list: {
        path: `/s/${store}/contacts`,
        itemsPath: 'data',
        pageSizeParam: 'limit',
        pageSize: 200,
        pagination: { kind: 'cursor', cursorParam: 'after', nextCursorPath: 'paging.next' },
      },
    });
    const before = crm.requests;
    expect(await connector.count(recordType, expired())).toBe(1250);
    expect(crm.requests - before).toBe(13);
    await connector.close();
  });

  it('waits for Retry-After on a 429, then succeeds; keeps getting 429 gives rate_limited', async () => {
    seedContacts(3);
    const connector = open();
    crm.rateLimitedRequests = 1;
    const started = Date.now();
    expect(await connector.count(pagedRecordType(store), expired())).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    crm.rateLimitedRequests = 100;
    const impatient = open({ maxRetries: 1 });
    await expect(impatient.count(pagedRecordType(store), expired())).rejects.toMatchObject({
      code: 'rate_limited',
      isRetrySafe: true,
    });
    await connector.close();
    await impatient.close();
  });

  it('a wrong token gives auth_failed, a read-only one permission_denied on delete; the token is never shown', async () => {
    const [id] = seedContacts(1);
    const wrong = open({ authHeaderValue: 'Bearer wrong-token-123' });
    const result = await wrong.check();
    expect(result).toMatchObject({ ok: false, code: 'auth_failed' });
    if (!result.ok) expect(result.detail).not.toContain('wrong-token-123');
    const readOnly = open({ authHeaderValue: READ_ONLY_TOKEN });
    await expect(readOnly.delete(pagedRecordType(store), [String(id)])).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(crm.stores.get(store)).toHaveLength(1);
    await wrong.close();
    await readOnly.close();
  });

  it('a server that does not answer gives timeout within the operation timeout', async () => {
    const connector = open({}, 300);
    const slow = ZHttpRecordType.parse({
      ...pagedRecordType(store),
      list: { ...pagedRecordType(store).list, path: '/slow' },
    });
    const started = Date.now();
    await expect(connector.count(slow, expired())).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    await connector.close();
  });

  it('checkRecordType names a missing endpoint and a missing field', async () => {
    seedContacts(1);
    const connector = open();
    expect(await connector.checkRecordType(pagedRecordType(store))).toMatchObject({ ok: true });
    expect(await connector.checkRecordType({ ...pagedRecordType(store), timestampFields: ['closed_at'] })).toEqual({
      ok: false,
      problems: [{ path: 'timestampFields.0', name: 'closed_at', code: 'missing' }],
    });
    expect(await connector.checkRecordType(pagedRecordType('no-such-store'))).toMatchObject({
      ok: false,
      problems: [{ path: 'list.path', code: 'missing' }],
    });
    await connector.close();
  });
});
