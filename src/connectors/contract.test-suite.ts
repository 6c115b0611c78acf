import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Connector,
  ConnectorCapabilities,
  ConnectorFailureCode,
  Cutoff,
  FilterValue,
  FoundRecord,
  Selection,
} from './connector.ts';

/**
 * The one contract-test suite every connector kind passes against a real server of its kind
 * (DESIGN.md, convention 8). A kind supplies a {@link ContractHarness}; the suite seeds records through it, drives
 * the connector and checks the outcome through the harness's own view of the store (not through the connector).
 *
 * Usage, in a `*.connector.test.ts` file:
 * ```ts
 * describeConnectorContract('postgres', postgresHarness);
 * ```
 */

/** A record the suite wants in the store. Timestamps are whole seconds (IMAP INTERNALDATE has no milliseconds). */
export interface ContractRecord {
  /** A key the store should use, where the store lets the caller choose; stores that assign keys ignore it. */
  key?: string;
  /** The value of the record type's timestamp field; null means the field is empty (NULL, no date). */
  timestamp: Date | null;
  identity: { email?: string | null; phone?: string | null; name?: string | null };
  fields: {
    /** Free text the suite filters on with `contains` (and the harness's `textOperators`). */
    note: string;
    /** The "keep" marker (a boolean column, an IMAP flag); only seeded where the harness names `keepExclusion`. */
    keep?: boolean;
  };
}

/** A fresh, empty store (a table, a mailbox, a directory) with a connector opened on it. */
export interface StoreUnderTest<RecordType> {
  connector: Connector<RecordType>;
  recordType: RecordType;
  /** Puts the records in the store; returns their keys as the connector reports them, in the order given. */
  seed(records: readonly ContractRecord[]): Promise<string[]>;
  /** The keys that still exist, as the connector reports them (any order), read without the connector. */
  existingKeys(): Promise<string[]>;
  /**
   * A second, empty record type in the same store that accepts copies (where canWrite), and the fields `read()`
   * returns on the source that the target does not keep as they were (its own key column, for example).
   */
  archiveTarget?: { recordType: RecordType; fieldsNotCopied: readonly string[] };
  /** Removes what `createStore` made and closes the connector (the suite has usually closed it already). */
  dispose(): Promise<void>;
}

export interface ContractHarness<RecordType> {
  capabilities: ConnectorCapabilities;
  /** Field names of the record type as the connector's `Selection` and `Filter` use them. */
  fieldNames: {
    timestamp: string;
    note: string;
  };
  /**
   * The exclusion group that means "keep this record" (`[{ field: 'keep', operator: 'eq', value: true }]`, or an
   * IMAP flag with `contains`), or null when the kind has no such marker.
   */
  keepExclusion: readonly { field: string; operator: 'eq' | 'contains' | 'is_not_null'; value?: FilterValue }[] | null;
  /** A field `anonymise()` may overwrite (where the manifest says canAnonymise). */
  anonymisableField?: string;
  /** Once per file: start or reach the server, create a uniquely named database, mailbox user or root directory. */
  beforeAll?(): Promise<void>;
  afterAll?(): Promise<void>;
  /** Once per test: a fresh, empty store and a connector on it. */
  createStore(): Promise<StoreUnderTest<RecordType>>;
  /** A connector whose server is not there (127.0.0.1 port 1) or whose root does not exist. */
  openUnreachable(): Connector<RecordType>;
  /** The record type to use with `openUnreachable()`. */
  unreachableRecordType: RecordType;
  /** Orders keys the way `find()` promises to (numeric keys numerically); omit when the order is the store's own. */
  compareKeys?(a: string, b: string): number;
  /**
   * False when every record of the kind has a timestamp (a file's mtime, a message's INTERNALDATE): the suite then
   * seeds no record without one, and says so. Default true.
   */
  hasNullTimestamps?: boolean;
  /** Extra text operators the kind supports on the note field, besides `contains` (e.g. `eq`, `in`). */
  textOperators?: readonly ('eq' | 'ne' | 'in' | 'not_in')[];
}

const DAY_MS = 86_400_000;
const amsterdamParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A cut-off at an instant, with its Europe/Amsterdam wall-clock forms, as the retention module computes it. */
export function cutoffAt(instant: Date): Cutoff {
  const part = (type: string) => amsterdamParts.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  const localDate = `${part('year')}-${part('month')}-${part('day')}`;
  return { instant, localDate, localDateTime: `${localDate}T${part('hour')}:${part('minute')}:${part('second')}` };
}

async function collect<R>(iterable: AsyncIterable<{ records: FoundRecord[]; cursor: string }>) {
  const batches: { records: FoundRecord[]; cursor: string }[] = [];
  for await (const batch of iterable) batches.push(batch);
  return { batches, keys: batches.flatMap((b) => b.records.map((r) => r.key)) as R[] };
}

const sorted = (keys: readonly string[]) => [...keys].sort();

/** A record with defaults, `daysAgo` days before `base` (null: no timestamp). */
function record(base: Date, daysAgo: number | null, note: string, extra: Partial<ContractRecord> = {}): ContractRecord {
  return {
    timestamp: daysAgo === null ? null : new Date(base.getTime() - daysAgo * DAY_MS),
    identity: { email: `${note}@example.org`, name: `Person ${note}`, phone: null },
    fields: { note },
    ...extra,
  };
}

/** Runs the contract against one connector kind. `name` appears in every test name. */
export function describeConnectorContract<RecordType>(name: string, harness: ContractHarness<RecordType>): void {
  const base = new Date('2026-06-15T10:00:00Z');
  const cutoff = cutoffAt(base);
  const caps = harness.capabilities;

  describe(`${name}: connector contract`, () => {
    let store: StoreUnderTest<RecordType>;
    const expired = (extra: Partial<Selection> = {}): Selection => ({
      timestampField: harness.fieldNames.timestamp,
      cutoff,
      conditions: [],
      exclusions: [],
      ...extra,
    });
    const canSeedNull = harness.hasNullTimestamps !== false;
    /** Seeds through the harness, leaving out records without a timestamp where the kind cannot have them. */
    const seed = (records: readonly ContractRecord[]) =>
      store.seed(canSeedNull ? records : records.filter((record) => record.timestamp !== null));
    const findAll = (selection: Selection, batchSize = 100, after?: string) =>
      collect<string>(store.connector.find(store.recordType, selection, { batchSize, after }));

    beforeAll(async () => harness.beforeAll?.());
    afterAll(async () => harness.afterAll?.());
    beforeEach(async () => {
      store = await harness.createStore();
    });
    afterEach(async () => {
      await store.connector.close().catch(() => undefined);
      await store.dispose();
    });

    if (!canSeedNull) console.info(`[${name}] every record has a timestamp here: the suite seeds none without one`);

    it('check() reports ok with a latency', async () => {
      const result = await store.connector.check();
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('check() on a closed port or missing root: ok false, unreachable or not_found, fast, throws nothing', async () => {
      const connector = harness.openUnreachable();
      const started = Date.now();
      const result = await connector.check();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['unreachable', 'not_found'] satisfies ConnectorFailureCode[]).toContain(result.code);
      await connector.close();
    });

    it('find() on an unreachable store rejects with a ConnectorError, not a driver error', async () => {
      const connector = harness.openUnreachable();
      const iterate = collect(
        connector.find(harness.unreachableRecordType, { conditions: [], exclusions: [] }, { batchSize: 10 }),
      );
      await expect(iterate).rejects.toMatchObject({ name: 'ConnectorError' });
      await connector.close();
    });

    it(`find() yields exactly the records strictly before the cut-off${canSeedNull ? '; NULL never matches' : ''}`, async () => {
      const keys = await seed([
        record(base, 400, 'old'),
        { ...record(base, 0, 'exact'), timestamp: new Date(base) },
        { ...record(base, 0, 'justbefore'), timestamp: new Date(base.getTime() - 1000) },
        { ...record(base, 0, 'justafter'), timestamp: new Date(base.getTime() + 1000) },
        record(base, null, 'nodate'),
        record(base, -30, 'future'),
      ]);
      const { keys: found, batches } = await findAll(expired());
      expect(sorted(found)).toEqual(sorted([keys[0]!, keys[2]!]));
      const old = batches.flatMap((b) => b.records).find((r) => r.key === keys[0]);
      expect(old?.timestamp && new Date(old.timestamp).getTime()).toBe(base.getTime() - 400 * DAY_MS);
      expect(old?.identity).toBeTypeOf('object');
    });

    it('find() without a cut-off yields every record, NULL timestamps included', async () => {
      const keys = await seed([record(base, 10, 'a'), record(base, null, 'b'), record(base, -10, 'c')]);
      const { keys: found } = await findAll({ conditions: [], exclusions: [] });
      expect(sorted(found)).toEqual(sorted(keys));
    });

    it('find() honours conditions (text contains, case-insensitive)', async () => {
      const keys = await seed([
        record(base, 10, 'closed-one'),
        record(base, 10, 'open-two'),
        record(base, 10, 'CLOSED-three'),
        record(base, -10, 'closed-future'),
      ]);
      const selection = expired({
        conditions: [{ field: harness.fieldNames.note, operator: 'contains', value: 'closed' }],
      });
      expect(sorted((await findAll(selection)).keys)).toEqual(sorted([keys[0]!, keys[2]!]));
    });

    for (const operator of harness.textOperators ?? []) {
      it(`find() honours the ${operator} operator on text`, async () => {
        const keys = await seed(['alpha', 'beta', 'gamma'].map((note) => record(base, 5, note)));
        const value = operator === 'in' || operator === 'not_in' ? ['alpha', 'gamma'] : 'alpha';
        const selection = expired({ conditions: [{ field: harness.fieldNames.note, operator, value }] });
        const expected = { eq: [keys[0]!], ne: [keys[1]!, keys[2]!], in: [keys[0]!, keys[2]!], not_in: [keys[1]!] };
        expect(sorted((await findAll(selection)).keys)).toEqual(sorted(expected[operator]));
      });
    }

    it('find() leaves out records that meet an exclusion group (every filter of the group)', async () => {
      const keepExclusion = harness.keepExclusion;
      const records = [
        record(base, 20, 'kept-and-held', { fields: { note: 'kept-and-held', keep: true } }),
        record(base, 20, 'held-only'),
        record(base, 20, 'plain', { fields: { note: 'plain', keep: keepExclusion ? true : undefined } }),
      ];
      const keys = await seed(records);
      const noteField = harness.fieldNames.note;
      const holdGroup = [{ field: noteField, operator: 'contains' as const, value: 'held' }];
      // A group of two filters excludes only records that meet both (kept AND held); the plain one is kept only
      // when the kind has no keep marker.
      const exclusions = keepExclusion ? [[...keepExclusion, ...holdGroup]] : [holdGroup];
      const { keys: found } = await findAll(expired({ exclusions }));
      expect(sorted(found)).toEqual(keepExclusion ? sorted([keys[1]!, keys[2]!]) : [keys[2]!]);
    });

    if (harness.keepExclusion) {
      const keepExclusion = harness.keepExclusion;
      it('find() with the keep marker as exclusion leaves kept records out', async () => {
        const keys = await seed([
          record(base, 30, 'keep', { fields: { note: 'keep', keep: true } }),
          record(base, 30, 'drop', { fields: { note: 'drop', keep: false } }),
        ]);
        const { keys: found } = await findAll(expired({ exclusions: [keepExclusion] }));
        expect(found).toEqual([keys[1]!]);
      });
    } else {
      it(`find() with a keep marker: ${name} has none (harness keepExclusion=null), nothing to prove`, () => {
        expect(harness.keepExclusion).toBeNull();
      });
    }

    it('find() yields bounded batches in key order and resumes from a cursor without repeats or gaps', async () => {
      const seeded = await seed(Array.from({ length: 23 }, (_, i) => record(base, 1 + i, `n${i}`)));
      const { batches, keys: all } = await findAll(expired(), 5);
      expect(batches.length).toBeGreaterThanOrEqual(5);
      for (const batch of batches) {
        expect(batch.records.length).toBeGreaterThan(0);
        expect(batch.records.length).toBeLessThanOrEqual(5);
      }
      expect(new Set(all).size).toBe(all.length);
      expect(sorted(all)).toEqual(sorted(seeded));
      if (harness.compareKeys) expect(all).toEqual([...all].sort(harness.compareKeys));
      const resumed = await findAll(expired(), 5, batches[1]!.cursor);
      expect([...batches[0]!.records, ...batches[1]!.records].map((r) => r.key).concat(resumed.keys)).toEqual(all);
    });

    it('count() equals the number of records find() yields for the same selection', async () => {
      await seed([
        ...Array.from({ length: 7 }, (_, i) => record(base, 3 + i, `match${i}`)),
        record(base, 3, 'other'),
        record(base, null, 'matchless'),
        record(base, -3, 'match-future'),
      ]);
      const selection = expired({
        conditions: [{ field: harness.fieldNames.note, operator: 'contains', value: 'match' }],
        exclusions: [[{ field: harness.fieldNames.note, operator: 'contains', value: 'match6' }]],
      });
      const { keys } = await findAll(selection, 3);
      expect(keys).toHaveLength(6);
      expect(await store.connector.count(store.recordType, selection)).toBe(keys.length);
    });

    if (caps.canDelete) {
      it('delete() removes exactly the given keys and is idempotent', async () => {
        const keys = await seed(Array.from({ length: 6 }, (_, i) => record(base, i, `d${i}`)));
        const gone = [keys[1]!, keys[3]!, keys[4]!];
        expect(await store.connector.delete(store.recordType, gone)).toEqual({ deleted: 3 });
        expect(sorted(await store.existingKeys())).toEqual(sorted([keys[0]!, keys[2]!, keys[5]!]));
        expect(await store.connector.delete(store.recordType, gone)).toEqual({ deleted: 0 });
        expect(await store.connector.delete(store.recordType, [])).toEqual({ deleted: 0 });
        expect(sorted(await store.existingKeys())).toEqual(sorted([keys[0]!, keys[2]!, keys[5]!]));
      });
    } else {
      it(`delete(): not offered by ${name} (manifest canDelete=false), nothing to prove`, () => {
        expect(caps.canDelete).toBe(false);
      });
    }

    if (caps.canAnonymise) {
      it('anonymise() overwrites the named field of exactly the given keys and is idempotent', async () => {
        const field = harness.anonymisableField;
        expect(field, 'harness must name anonymisableField when canAnonymise').toBeTypeOf('string');
        const keys = await seed([record(base, 10, 'x'), record(base, 10, 'y')]);
        const replacements = [{ field: field!, value: null }];
        expect(await store.connector.anonymise(store.recordType, [keys[0]!], replacements)).toEqual({ anonymised: 1 });
        await store.connector.anonymise(store.recordType, [keys[0]!], replacements);
        expect(sorted(await store.existingKeys())).toEqual(sorted(keys));
        if (caps.canRead) {
          const [first, second] = await store.connector.read(store.recordType, keys);
          expect(first?.fields[field!]).toBeNull();
          expect(second?.fields[field!]).not.toBeNull();
        }
      });
    } else {
      it(`anonymise(): not offered by ${name} (manifest canAnonymise=false), nothing to prove`, () => {
        expect(caps.canAnonymise).toBe(false);
      });
    }

    if (caps.canRead && caps.canWrite) {
      it('read() + write() round-trip a record; writing the same copy twice leaves one', async () => {
        const target = store.archiveTarget;
        expect(target, 'harness must name archiveTarget when canWrite').toBeDefined();
        const keys = await seed([record(base, 10, 'arch-1'), record(base, 10, 'arch-2')]);
        const originals = await store.connector.read(store.recordType, keys);
        expect(originals.map((r) => r.key)).toEqual(keys);
        const copies = originals.map((r) => ({ sourceKey: r.key, fields: r.fields }));
        const targetKeys = await store.connector.write(target!.recordType, copies);
        expect(await store.connector.write(target!.recordType, copies)).toEqual(targetKeys);
        const { keys: inTarget } = await collect<string>(
          store.connector.find(target!.recordType, { conditions: [], exclusions: [] }, { batchSize: 10 }),
        );
        expect(sorted(inTarget)).toEqual(sorted(targetKeys));
        const read = await store.connector.read(target!.recordType, targetKeys);
        const strip = (fields: Record<string, FilterValue>) =>
          Object.fromEntries(Object.entries(fields).filter(([k]) => !target!.fieldsNotCopied.includes(k)));
        expect(read.map((r) => strip(r.fields))).toEqual(originals.map((r) => strip(r.fields)));
      });
    } else if (caps.canRead) {
      it('read() returns the given records in the order given, and nothing for keys that are gone', async () => {
        const keys = await seed([record(base, 10, 'r1'), record(base, 10, 'r2')]);
        const read = await store.connector.read(store.recordType, [keys[1]!, keys[0]!]);
        expect(read.map((r) => r.key)).toEqual([keys[1]!, keys[0]!]);
      });
      it(`write(): not offered by ${name} (manifest canWrite=false), nothing to prove`, () => {
        expect(caps.canWrite).toBe(false);
      });
    } else {
      it(`read()/write(): not offered by ${name} (manifest canRead=false), nothing to prove`, () => {
        expect(caps.canRead).toBe(false);
      });
    }

    if (caps.canFindSubject) {
      it('findSubject() finds by e-mail case-insensitively, and only that person', async () => {
        const keys = await seed([
          record(base, 10, 'anna', { identity: { email: 'Anna.Jansen@Example.org', name: 'Anna Jansen' } }),
          record(base, 10, 'bert', { identity: { email: 'bert@example.org', name: 'Bert' } }),
          record(base, 20, 'anna2', { identity: { email: 'anna.jansen@example.ORG', name: null } }),
        ]);
        const found = await store.connector.findSubject(
          store.recordType,
          { emails: ['anna.jansen@example.org'], phones: [], names: [] },
          { limit: 10 },
        );
        expect(sorted(found.map((r) => r.key))).toEqual(sorted([keys[0]!, keys[2]!]));
        const none = await store.connector.findSubject(
          store.recordType,
          { emails: ['nobody@example.org'], phones: [], names: [] },
          { limit: 10 },
        );
        expect(none).toEqual([]);
      });
    } else {
      it(`findSubject(): not offered by ${name} (manifest canFindSubject=false), nothing to prove`, () => {
        expect(caps.canFindSubject).toBe(false);
      });
    }

    it('close() ends the connection; a second close() is harmless', async () => {
      await store.connector.close();
      await store.connector.close();
    });
  });
}
