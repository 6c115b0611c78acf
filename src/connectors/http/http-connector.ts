import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent } from 'undici';
import {
  type CheckResult,
  type Connector,
  ConnectorError,
  type FieldInfo,
  type FieldType,
  type FoundRecord,
  type Introspection,
  type OpenOptions,
  type RecordBatch,
  type RecordTypeCheck,
  type Selection,
  type StoredRecord,
  type SubjectIdentity,
  type SubjectIdentityKind,
  type SubjectMatch,
} from '../connector.ts';
import { type SubjectValue, subjectValues } from '../subject-text.ts';
import { type FieldAccess, type FieldValue, matchesSelection } from './client-side-selection.ts';
import type { THttpConfig, THttpRecordType } from './schema.ts';

type Json = unknown;
type Item = Record<string, Json>;

/** The value at a dot path (`attributes.email`) of a JSON value, or undefined. */
export function valueAt(value: Json, path: string | undefined): Json {
  if (!path) return value;
  let current: Json = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Item)[part];
  }
  return current;
}

function asFieldValue(value: Json): FieldValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((element) => typeof element === 'string')) return value as string[];
  return JSON.stringify(value);
}

const asText = (value: Json): string | null => {
  const field = asFieldValue(value);
  return field === null ? null : Array.isArray(field) ? field.join(', ') : String(field);
};

/** Where a listing stands: the page's cursor (cursor pagination) or the absolute position of the next item. */
interface Position {
  cursor: string | null;
  offset: number;
}

interface Page {
  items: Item[];
  /** The position of the page after this one; null at the end of the list. */
  next: Position | null;
}

function fieldType(value: Json): FieldType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value !== 'string') return 'other';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return 'timestamp';
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) return 'timestamptz';
  return 'text';
}

/**
 * A generic HTTP (CRM) API, reached with undici. Listing pages through the configured endpoint; conditions and the
 * cut-off are evaluated here on the listed items, since APIs rarely filter on arbitrary fields.
 */
export class HttpConnector implements Connector<THttpRecordType> {
  /** undici's connection pool, loaded and created with the first request. */
  private dispatcher: Promise<Agent> | undefined;
  /** Keys deleted through this connector, seen by running find()s so page offsets do not skip items. */
  private readonly deletionListeners = new Set<(key: string) => void>();

  constructor(
    private readonly config: THttpConfig,
    private readonly options: OpenOptions,
  ) {}

  private agent(): Promise<Agent> {
    this.dispatcher ??= import('undici').then(
      ({ Agent }) => new Agent({ connect: { timeout: Math.min(this.options.timeoutMs, 10_000) } }),
    );
    return this.dispatcher;
  }

  async check(): Promise<CheckResult> {
    const started = performance.now();
    try {
      await this.send('GET', '/', {}, undefined, { acceptStatuses: [404, 405] });
      return { ok: true, serverVersion: null, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const failure = error instanceof ConnectorError ? error : new ConnectorError('failed', String(error));
      return { ok: false, code: failure.code, detail: failure.detail };
    }
  }

  async introspect(): Promise<Introspection> {
    return { kind: 'none' };
  }

  /** Lists one item and checks the key, timestamp and identity fields exist on it. */
  async checkRecordType(recordType: THttpRecordType): Promise<RecordTypeCheck> {
    let page: Page;
    try {
      page = await this.listPage(recordType, { cursor: null, offset: 0 }, 1);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const code = error.code === 'permission_denied' || error.code === 'auth_failed' ? 'no_permission' : 'missing';
      return { ok: false, problems: [{ path: 'list.path', code, name: recordType.list.path }] };
    }
    const named = [
      { path: 'keyField', name: recordType.keyField },
      ...recordType.timestampFields.map((name, index) => ({ path: `timestampFields.${index}`, name })),
      ...recordType.identityFields.map((name, index) => ({ path: `identityFields.${index}`, name })),
    ];
    const sample = page.items[0];
    if (!sample)
      return {
        ok: true,
        fields: named.map(({ name }) => ({ name, type: 'other', storeType: 'json', isNullable: true })),
      };
    const problems = named
      .filter(({ name }) => valueAt(sample, name) === undefined)
      .map(({ path, name }) => ({ path, name, code: 'missing' as const }));
    if (problems.length > 0) return { ok: false, problems };
    const fields: FieldInfo[] = named.map(({ name }) => {
      const value = valueAt(sample, name);
      return { name, type: fieldType(value), storeType: value === null ? 'null' : typeof value, isNullable: true };
    });
    return { ok: true, fields };
  }

  async count(recordType: THttpRecordType, selection: Selection): Promise<number> {
    let total = 0;
    for await (const batch of this.find(recordType, selection, { batchSize: 1000 })) total += batch.records.length;
    return total;
  }

  /**
   * Pages through the list in the API's own order. The batch cursor names the page and the last key; with page or
   * offset pagination, items this connector deleted meanwhile shift the offset back, so none is skipped.
   */
  async *find(
    recordType: THttpRecordType,
    selection: Selection,
    options: { batchSize: number; after?: string; signal?: AbortSignal },
  ): AsyncIterable<RecordBatch> {
    const resume = options.after ? parseCursor(options.after) : undefined;
    // `position.offset` counts items as they were listed when this find() began; a request subtracts the items
    // this connector has deleted behind it since.
    let position: Position = resume ? { cursor: resume.cursor, offset: resume.offset } : { cursor: null, offset: 0 };
    let skipThrough = resume?.key;
    const passed = new Set<string>();
    let deletedBehind = 0;
    const listener = (key: string) => {
      if (passed.delete(key)) deletedBehind += 1;
    };
    this.deletionListeners.add(listener);
    const pending: { record: FoundRecord; cursor: string }[] = [];
    const batchOf = (entries: { record: FoundRecord; cursor: string }[]): RecordBatch => ({
      records: entries.map((entry) => entry.record),
      cursor: entries.at(-1)!.cursor,
    });
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        const at: Position = { cursor: position.cursor, offset: Math.max(0, position.offset - deletedBehind) };
        const page = await this.listPage(recordType, at, recordType.list.pageSize, options.signal);
        const keys = page.items.map((item) => keyOf(recordType, item));
        const skipIndex = skipThrough === undefined ? -1 : keys.indexOf(skipThrough);
        skipThrough = undefined;
        page.items.forEach((item, index) => {
          const key = keys[index]!;
          if (index <= skipIndex || !matchesSelection({ ...itemAccess(item), key }, selection)) return;
          passed.add(key);
          const cursor = JSON.stringify({ c: at.cursor, o: at.offset + index + 1, k: key });
          pending.push({ record: toFound(recordType, item, key, selection), cursor });
        });
        while (pending.length >= options.batchSize) yield batchOf(pending.splice(0, options.batchSize));
        if (!page.next) break;
        position = { cursor: page.next.cursor, offset: position.offset + page.items.length };
      }
      if (pending.length > 0) yield batchOf(pending.splice(0));
    } finally {
      this.deletionListeners.delete(listener);
    }
  }

  /** One request per key; a 404 or 410 is a record already gone. */
  async delete(recordType: THttpRecordType, keys: readonly string[]): Promise<{ deleted: number }> {
    let deleted = 0;
    for (const key of keys) {
      const path = recordType.delete.pathTemplate.replaceAll('{key}', encodeURIComponent(key));
      const { status } = await this.send(recordType.delete.method, path, {}, undefined, { acceptStatuses: [404, 410] });
      if (status !== 404 && status !== 410) deleted += 1;
      for (const listener of this.deletionListeners) listener(key);
    }
    return { deleted };
  }

  async anonymise(): Promise<{ anonymised: number }> {
    throw new ConnectorError('failed', 'the HTTP connector deletes items; anonymising is not offered');
  }

  async read(): Promise<StoredRecord[]> {
    throw new ConnectorError('failed', 'the HTTP connector does not read whole items');
  }

  async write(): Promise<string[]> {
    throw new ConnectorError('failed', 'the HTTP connector does not accept copies');
  }

  /**
   * Items whose identity fields equal one of the person's values of any kind (case-insensitive, white space
   * collapsed): through the search endpoint when configured (one request per e-mail address, name, customer number
   * and compact form of a phone number, IBAN or BSN), else by listing every item.
   */
  async findSubject(
    recordType: THttpRecordType,
    identity: SubjectIdentity,
    options: { limit: number },
  ): Promise<FoundRecord[]> {
    const values = subjectValues(identity);
    if (values.length === 0) return [];
    const kindsOf = new Map<string, SubjectIdentityKind[]>();
    for (const { kind, value } of values) kindsOf.set(value, [...(kindsOf.get(value) ?? []), kind]);
    const matchesOf = (item: Item): SubjectMatch[] =>
      recordType.identityFields.flatMap((field) => {
        const text = asText(valueAt(item, field))?.trim().replace(/\s+/g, ' ').toLowerCase() ?? '';
        return (kindsOf.get(text) ?? []).map((kind) => ({ field, kind }));
      });
    const found = new Map<string, FoundRecord>();
    const add = (item: Item) => {
      const key = keyOf(recordType, item);
      const matchedBy = matchesOf(item);
      if (matchedBy.length > 0 && found.size < options.limit && !found.has(key))
        found.set(key, { ...toFound(recordType, item, key, undefined), matchedBy });
    };
    if (recordType.search) {
      for (const term of searchTerms(values)) {
        if (found.size >= options.limit) break;
        const { body } = await this.send('GET', recordType.search.path, { [recordType.search.queryParam]: term });
        for (const item of itemsOf(body, recordType.search.itemsPath)) add(item);
      }
      return [...found.values()];
    }
    let position: Position | null = { cursor: null, offset: 0 };
    while (position && found.size < options.limit) {
      const page: Page = await this.listPage(recordType, position, recordType.list.pageSize);
      for (const item of page.items) add(item);
      position = page.next;
    }
    return [...found.values()];
  }

  async close(): Promise<void> {
    await (await this.dispatcher)?.close().catch(() => {});
  }

  private async listPage(
    recordType: THttpRecordType,
    position: Position,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<Page> {
    const { list } = recordType;
    const query: Record<string, string> = { ...list.query, [list.pageSizeParam]: String(pageSize) };
    const pagination = list.pagination;
    let skip = 0;
    if (pagination.kind === 'cursor' && position.cursor) query[pagination.cursorParam] = position.cursor;
    if (pagination.kind === 'offset') query[pagination.offsetParam] = String(position.offset);
    if (pagination.kind === 'page') {
      query[pagination.pageParam] = String(pagination.firstPage + Math.floor(position.offset / pageSize));
      skip = position.offset % pageSize;
    }
    const { body } = await this.send('GET', list.path, query, signal);
    const all = itemsOf(body, list.itemsPath);
    const items = all.slice(skip);
    if (pagination.kind === 'cursor') {
      const next = asText(valueAt(body, pagination.nextCursorPath));
      return { items, next: next ? { cursor: next, offset: position.offset + items.length } : null };
    }
    return { items, next: all.length < pageSize ? null : { cursor: null, offset: position.offset + items.length } };
  }

  /** One request with the auth header and the timeout; 429 waits for Retry-After, a bounded number of times. */
  private async send(
    method: string,
    path: string,
    query: Record<string, string>,
    signal?: AbortSignal,
    options: { acceptStatuses?: number[] } = {},
  ): Promise<{ status: number; body: Json }> {
    const url = new URL(this.config.baseUrl);
    url.pathname = `${url.pathname.replace(/\/$/, '')}${path.split('?')[0]}`;
    for (const [name, value] of new URLSearchParams(path.split('?')[1] ?? '')) url.searchParams.set(name, value);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const described = `${method} ${url.pathname}`;
    for (let attempt = 0; ; attempt += 1) {
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      let response: Awaited<ReturnType<typeof import('undici').request>>;
      try {
        const { request } = await import('undici');
        response = await request(url, {
          method: method as 'GET',
          headers: { [this.config.authHeaderName]: this.config.authHeaderValue, accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          dispatcher: await this.agent(),
        });
      } catch (error) {
        throw requestError(error, described, timeout.aborted);
      }
      const { statusCode: status } = response;
      if (status === 429) {
        await response.body.dump();
        const wait = retryAfterMs(response.headers['retry-after']);
        if (attempt >= this.config.maxRetries || wait > this.config.maxRetryAfterMs) {
          throw new ConnectorError('rate_limited', `${described}: 429 after ${attempt + 1} attempts`, true);
        }
        await sleep(wait, undefined, signal ? { signal } : undefined);
        continue;
      }
      const text = await response.body.text().catch((error) => {
        throw requestError(error, described, timeout.aborted);
      });
      if (status >= 200 && status < 300) return { status, body: parseJson(text, described) };
      if (options.acceptStatuses?.includes(status)) return { status, body: null };
      throw statusError(status, described);
    }
  }
}

/**
 * What the search endpoint is asked for: e-mail addresses, names and customer numbers as given; of phone numbers,
 * IBANs and BSNs only the compact forms (an API's search rarely cares about spaces, and 40 spellings of one number
 * would be 40 requests).
 */
function searchTerms(values: readonly SubjectValue[]): string[] {
  const isCompact = (value: string) => /^\+?[0-9a-z]+$/.test(value);
  const terms = values.filter(
    ({ kind, value }) => kind === 'email' || kind === 'name' || kind === 'customer_number' || isCompact(value),
  );
  return [...new Set(terms.map(({ value }) => value))];
}

const keyOf = (recordType: THttpRecordType, item: Item) => {
  const key = asText(valueAt(item, recordType.keyField));
  if (key === null || key === '') {
    throw new ConnectorError('invalid_response', `an item has no key field "${recordType.keyField}"`);
  }
  return key;
};

function itemAccess(item: Item): FieldAccess {
  return { value: (field) => asFieldValue(valueAt(item, field)) };
}

function toFound(recordType: THttpRecordType, item: Item, key: string, selection: Selection | undefined): FoundRecord {
  const timestampField = selection?.timestampField ?? recordType.timestampFields[0]!;
  return {
    key,
    timestamp: asText(valueAt(item, timestampField)),
    identity: Object.fromEntries(recordType.identityFields.map((field) => [field, asText(valueAt(item, field))])),
  };
}

function itemsOf(body: Json, itemsPath: string | undefined): Item[] {
  const items = valueAt(body, itemsPath);
  if (!Array.isArray(items)) {
    throw new ConnectorError('invalid_response', `no items array at "${itemsPath ?? '(the response)'}"`);
  }
  return items.filter((item): item is Item => item !== null && typeof item === 'object' && !Array.isArray(item));
}

function parseCursor(cursor: string): { cursor: string | null; offset: number; key: string } {
  try {
    const parsed = JSON.parse(cursor) as { c?: unknown; o?: unknown; k?: unknown };
    if (typeof parsed.o === 'number' && typeof parsed.k === 'string') {
      return { cursor: typeof parsed.c === 'string' ? parsed.c : null, offset: parsed.o, key: parsed.k };
    }
  } catch {
    // fall through
  }
  throw new ConnectorError('failed', 'not a cursor of the HTTP connector');
}

function parseJson(text: string, described: string): Json {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError('invalid_response', `${described}: the answer is not JSON`);
  }
}

/** Retry-After in seconds or as an HTTP date; absent or unreadable: one second. */
function retryAfterMs(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function statusError(status: number, described: string): ConnectorError {
  const detail = `${described}: HTTP ${status}`;
  if (status === 401) return new ConnectorError('auth_failed', detail);
  if (status === 403) return new ConnectorError('permission_denied', detail);
  if (status === 404 || status === 410) return new ConnectorError('schema_changed', detail);
  if (status === 408 || status === 504) return new ConnectorError('timeout', detail, true);
  if (status >= 500) return new ConnectorError('failed', detail, true);
  return new ConnectorError('failed', detail);
}

function requestError(error: unknown, described: string, isTimedOut: boolean): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const failure = error as { code?: string; name?: string; message?: string };
  const detail = `${described}: ${failure.code ?? failure.name ?? 'error'}`;
  if (isTimedOut || failure.code === 'UND_ERR_CONNECT_TIMEOUT' || failure.code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new ConnectorError('timeout', detail, true);
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(failure.code ?? '')) {
    return new ConnectorError('unreachable', detail, true);
  }
  if (failure.name === 'AbortError') return new ConnectorError('failed', `${described}: cancelled`);
  return new ConnectorError('failed', `${detail} ${failure.message ?? ''}`.trim());
}
