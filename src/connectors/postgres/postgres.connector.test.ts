import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cutoff, Selection } from '../connector.ts';
import { cutoffAt } from '../contract.test-suite.ts';
import { postgresManifest } from './manifest.ts';
import type { TPostgresConfig, TPostgresRecordType } from './schema.ts';
import {
  createPostgresTestDatabase,
  POSTGRES_TEST_SERVER,
  scratchServerUnavailableReason,
  startScratchPostgres,
} from './test-server.ts';

let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
const PASSWORD = 'S3cret-pw-never-shown';
const limitedRole = `pd_limited_${process.pid}_${Date.now()}`;
const minimalRole = `pd_minimal_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  database = await createPostgresTestDatabase('pg_kind');
});
afterAll(async () => {
  await database?.drop();
  const admin = new pg.Client({ ...POSTGRES_TEST_SERVER, database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS "${limitedRole}"`);
  await admin.query(`DROP ROLE IF EXISTS "${minimalRole}"`);
  await admin.end();
});

const open = (config: Partial<TPostgresConfig> = {}, timeoutMs = 10_000) =>
  postgresManifest.open({ ...database.config, ...config }, { timeoutMs });

const all: Selection = { conditions: [], exclusions: [] };
async function keysOf(iterable: AsyncIterable<{ records: { key: string }[] }>) {
  const keys: string[] = [];
  for await (const batch of iterable) keys.push(...batch.records.map((r) => r.key));
  return keys;
}

const simpleType = (table: string, extra: Partial<TPostgresRecordType> = {}): TPostgresRecordType => ({
  schema: 'public',
  table,
  keyColumn: 'id',
  identityColumns: [{ column: 'email', kind: 'email' }],
  timestampColumns: ['ts'],
  anonymisableColumns: [],
  ...extra,
});

describe('postgres: names and values cannot inject SQL', () => {
  const weirdTable = `we"ird; DROP TABLE victim; -- /* \`tick\` ✓`;
  const weirdKey = `k"ey'; --`;
  const weirdText = `nø"te */ \`x\` ; DELETE FROM victim; --`;
  const hostileValues = [`'; DROP TABLE victim; --`, `' OR '1'='1`, `/* comment`, '100%_done', 'ünïcødé ✓ \\ "'];
  const recordType = (): TPostgresRecordType => ({
    schema: 'public',
    table: weirdTable,
    keyColumn: weirdKey,
    identityColumns: [{ column: weirdText, kind: 'email' }],
    timestampColumns: [],
    anonymisableColumns: [weirdText],
  });

  beforeAll(async () => {
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    await database.client.query('CREATE TABLE victim (id int primary key)');
    await database.client.query('INSERT INTO victim VALUES (1), (2), (3)');
    await database.client.query(
      `CREATE TABLE ${q(weirdTable)} (${q(weirdKey)} text primary key, ${q(weirdText)} text)`,
    );
    for (const [i, value] of hostileValues.entries())
      await database.client.query(`INSERT INTO ${q(weirdTable)} VALUES ($1, $2)`, [value, `${i}:${value}`]);
  });

  it('quotes names with quotes, semicolons, comment markers, backticks and unicode, and binds values as data', async () => {
    const connector = open();
    expect(await connector.checkRecordType(recordType())).toMatchObject({ ok: true });
    expect((await keysOf(connector.find(recordType(), all, { batchSize: 2 }))).sort()).toEqual(
      [...hostileValues].sort(),
    );
    for (const value of hostileValues) {
      const selection = { ...all, conditions: [{ field: weirdKey, operator: 'eq' as const, value }] };
      expect(await keysOf(connector.find(recordType(), selection, { batchSize: 10 }))).toEqual([value]);
    }
    const wildcard = { ...all, conditions: [{ field: weirdText, operator: 'contains' as const, value: '%_' }] };
    expect(await keysOf(connector.find(recordType(), wildcard, { batchSize: 10 }))).toEqual(['100%_done']);
    const subject = await connector.findSubject(
      recordType(),
      { emails: [`1:' or '1'='1`], phones: [], names: [] },
      { limit: 5 },
    );
    expect(subject.map((r) => r.key)).toEqual([`' OR '1'='1`]);
    expect(await connector.delete(recordType(), [`' OR '1'='1`, `'; DROP TABLE victim; --`])).toEqual({ deleted: 2 });
    expect(
      await connector.anonymise(
        recordType(),
        ['/* comment'],
        [{ field: weirdText, value: "'); DROP TABLE victim; --" }],
      ),
    ).toEqual({ anonymised: 1 });
    expect(await connector.count(recordType(), all)).toBe(3);
    await connector.close();
    const { rows } = await database.client.query('SELECT count(*)::int AS n FROM victim');
    expect(rows[0].n).toBe(3);
  });

  it('refuses names that are not in the live schema, before any statement touches a table', async () => {
    const connector = open();
    const hostileTable = { ...recordType(), table: 'victim"; DROP TABLE victim; --' };
    expect(await connector.checkRecordType(hostileTable)).toMatchObject({
      ok: false,
      problems: [{ path: 'table', code: 'missing' }],
    });
    await expect(connector.delete(hostileTable, ['1'])).rejects.toMatchObject({ code: 'schema_changed' });
    const hostileField = {
      ...all,
      conditions: [{ field: `${weirdKey}" OR 1=1 --`, operator: 'is_not_null' as const }],
    };
    await expect(keysOf(connector.find(recordType(), hostileField, { batchSize: 10 }))).rejects.toMatchObject({
      code: 'schema_changed',
    });
    await expect(
      connector.anonymise(recordType(), ['x'], [{ field: `${weirdText}" = NULL; --`, value: null }]),
    ).rejects.toMatchObject({ name: 'ConnectorError' });
    await connector.close();
    const { rows } = await database.client.query('SELECT count(*)::int AS n FROM victim');
    expect(rows[0].n).toBe(3);
  });
});

/** Cut-offs built by hand: midnight (or 03:00) on the Amsterdam wall clock and the instant it is. */
const handCutoffs: Record<string, Cutoff> = {
  leapDay: { instant: new Date('2028-02-28T23:00:00Z'), localDateTime: '2028-02-29T00:00:00', localDate: '2028-02-29' },
  springForward: {
    instant: new Date('2026-03-29T01:00:00Z'), // 03:00 CEST, the first moment after the skipped hour
    localDateTime: '2026-03-29T03:00:00',
    localDate: '2026-03-29',
  },
  autumnMidnight: {
    instant: new Date('2026-10-24T22:00:00Z'), // 00:00 CEST
    localDateTime: '2026-10-25T00:00:00',
    localDate: '2026-10-25',
  },
  dayAfterAutumn: {
    instant: new Date('2026-10-25T23:00:00Z'), // 00:00 CET, 25 hours after the previous midnight
    localDateTime: '2026-10-26T00:00:00',
    localDate: '2026-10-26',
  },
};

describe('postgres: cut-offs by column type on leap and DST days (Europe/Amsterdam)', () => {
  // In time order: a cut-off matches a prefix of this list.
  const rows: [label: string, tstz: string | null, ts: string | null, d: string | null][] = [
    ['spring-before', '2026-03-29T00:59:59Z', '2026-03-29 01:59:59', '2026-03-28'],
    ['spring-at', '2026-03-29T01:00:00Z', '2026-03-29 03:00:00', '2026-03-29'],
    ['autumn-before', '2026-10-24T21:59:59Z', '2026-10-24 23:59:59', '2026-10-24'],
    ['autumn-at', '2026-10-24T22:00:00Z', '2026-10-25 00:00:00', '2026-10-25'],
    // 02:30 happens twice on 25 October; both are before the next midnight and after this one.
    ['autumn-twice-a', '2026-10-25T00:30:00Z', '2026-10-25 02:30:00', '2026-10-25'],
    ['autumn-twice-b', '2026-10-25T01:30:00Z', '2026-10-25 02:30:00', '2026-10-25'],
    ['autumn-late', '2026-10-25T22:59:59Z', '2026-10-25 23:59:59', '2026-10-25'],
    ['autumn-next', '2026-10-25T23:00:00Z', '2026-10-26 00:00:00', '2026-10-26'],
    ['leap-before', '2028-02-28T22:59:59Z', '2028-02-28 23:59:59', '2028-02-28'],
    ['leap-at', '2028-02-28T23:00:00Z', '2028-02-29 00:00:00', '2028-02-29'],
    ['leap-after', '2028-02-28T23:30:00Z', '2028-02-29 00:30:00', '2028-03-01'],
    ['empty', null, null, null],
  ];
  const recordType = simpleType('times', {
    keyColumn: 'label',
    identityColumns: [],
    timestampColumns: ['tstz', 'ts', 'd'],
  });

  beforeAll(async () => {
    await database.client.query('CREATE TABLE times (label text primary key, tstz timestamptz, ts timestamp, d date)');
    for (const row of rows) await database.client.query('INSERT INTO times VALUES ($1, $2, $3, $4)', row);
  });

  it('the hand-built cut-offs are what the suite helper computes for the same instants', () => {
    for (const cutoff of Object.values(handCutoffs)) expect(cutoffAt(cutoff.instant)).toEqual(cutoff);
  });

  const expectations: [cutoff: keyof typeof handCutoffs, column: string, newest: string][] = [
    ['leapDay', 'tstz', 'leap-before'],
    ['leapDay', 'ts', 'leap-before'],
    ['leapDay', 'd', 'leap-before'],
    ['springForward', 'tstz', 'spring-before'],
    ['springForward', 'ts', 'spring-before'],
    ['springForward', 'd', 'spring-before'],
    ['autumnMidnight', 'tstz', 'autumn-before'],
    ['autumnMidnight', 'ts', 'autumn-before'],
    ['autumnMidnight', 'd', 'autumn-before'],
    ['dayAfterAutumn', 'tstz', 'autumn-late'],
    ['dayAfterAutumn', 'ts', 'autumn-late'],
    ['dayAfterAutumn', 'd', 'autumn-late'],
  ];
  for (const [cutoffName, column, newest] of expectations) {
    it(`${cutoffName} on ${column}: every record up to ${newest} matches, none from the cut-off on`, async () => {
      const connector = open();
      const selection = { ...all, timestampField: column, cutoff: handCutoffs[cutoffName] };
      const found = await keysOf(connector.find(recordType, selection, { batchSize: 100 }));
      await connector.close();
      const inTimeOrder = rows.filter((row) => row[0] !== 'empty').map((row) => row[0]);
      const expected = inTimeOrder.slice(0, inTimeOrder.indexOf(newest) + 1);
      expect(found.sort()).toEqual(expected.sort());
    });
  }

  it('reports a zone-less timestamp and a date as the stored wall clock, an instant in ISO UTC', async () => {
    const connector = open();
    const selection = { ...all, conditions: [{ field: 'label', operator: 'eq' as const, value: 'autumn-twice-b' }] };
    const records: { timestamp: string | null }[] = [];
    for (const column of ['tstz', 'ts', 'd'])
      for await (const batch of connector.find(recordType, { ...selection, timestampField: column }, { batchSize: 5 }))
        records.push(...batch.records);
    await connector.close();
    expect(records.map((r) => r.timestamp)).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25 02:30:00', '2026-10-25']);
  });
});

describe('postgres: failures are classified, fast, and never show the password', () => {
  beforeAll(async () => {
    await database.client.query('CREATE TABLE people (id serial primary key, email text, ts timestamptz)');
    await database.client.query("INSERT INTO people (email, ts) VALUES ('a@example.org', now() - interval '2 years')");
  });

  it('a closed port (127.0.0.1:1): check and find fail with unreachable within a second', async () => {
    const connector = open({ port: 1, password: PASSWORD });
    const started = Date.now();
    const check = await connector.check();
    expect(check).toMatchObject({ ok: false, code: 'unreachable' });
    await expect(keysOf(connector.find(simpleType('people'), all, { batchSize: 10 }))).rejects.toMatchObject({
      code: 'unreachable',
      isRetrySafe: true,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(JSON.stringify(check)).not.toContain(PASSWORD);
    await connector.close();
  });

  it('a role that does not exist gives auth_failed', async () => {
    const connector = open({ user: 'pd_no_such_role', password: PASSWORD });
    const check = await connector.check();
    expect(check).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(JSON.stringify(check)).not.toContain(PASSWORD);
    await connector.close();
  });

  // The shared server trusts loopback, so a wrong password needs a server of its own (scram-sha-256).
  const scratchProblem = scratchServerUnavailableReason();
  if (scratchProblem) console.warn(`[postgres wrong-password test not run] ${scratchProblem}`);
  it.runIf(!scratchProblem)(
    `a wrong password gives auth_failed, and the detail does not contain it${scratchProblem ? ` (not run: ${scratchProblem})` : ''}`,
    async () => {
      const scratch = await startScratchPostgres(PASSWORD);
      try {
        const server = { host: '127.0.0.1', port: scratch.port, user: 'postgres', database: 'postgres' };
        const wrong = `${PASSWORD}-wrong`;
        const refused = open({ ...server, password: wrong });
        const check = await refused.check();
        expect(check).toMatchObject({ ok: false, code: 'auth_failed' });
        expect(JSON.stringify(check)).not.toContain(wrong);
        await refused.close();
        const accepted = open({ ...server, password: PASSWORD });
        expect(await accepted.check()).toMatchObject({ ok: true });
        await accepted.close();
      } finally {
        await scratch.stop();
      }
    },
    60_000,
  );

  it('an error about a value shows neither the value nor the password', async () => {
    const connector = open({ password: PASSWORD });
    const selection = {
      ...all,
      conditions: [{ field: 'ts', operator: 'eq' as const, value: 'Anna Jansen 0612345678' }],
    };
    const failure = await keysOf(connector.find(simpleType('people'), selection, { batchSize: 5 })).catch((e) => e);
    expect(failure).toMatchObject({ name: 'ConnectorError', code: 'failed' });
    expect(failure.detail).toContain('22007');
    expect(failure.detail).not.toContain('Anna');
    expect(failure.message).not.toContain('0612345678');
    await connector.close();
  });

  it('checkRecordType refuses a key column that may be NULL, and a timestamp column that is not a date or time', async () => {
    await database.client.query('CREATE TABLE loose (id int, email text, ts timestamptz)');
    const connector = open();
    expect(await connector.checkRecordType(simpleType('loose', { timestampColumns: ['email'] }))).toEqual({
      ok: false,
      problems: [
        { path: 'keyColumn', code: 'wrong_type', name: 'id' },
        { path: 'timestampColumns.0', code: 'wrong_type', name: 'email' },
      ],
    });
    await connector.close();
  });

  it('a database that does not exist gives not_found', async () => {
    const connector = open({ database: 'pd_no_such_database' });
    expect(await connector.check()).toMatchObject({ ok: false, code: 'not_found' });
    await connector.close();
  });

  it('a dropped column gives schema_changed on checkRecordType and on find, also in the middle of a run', async () => {
    await database.client.query('CREATE TABLE shrinking (id int primary key, email text, ts timestamptz)');
    await database.client.query(
      "INSERT INTO shrinking SELECT n, 'x' || n || '@example.org', now() FROM generate_series(1, 30) n",
    );
    const connector = open();
    const recordType = simpleType('shrinking');
    expect(await connector.checkRecordType(recordType)).toMatchObject({ ok: true });
    const iterator = connector.find(recordType, all, { batchSize: 10 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value.records).toHaveLength(10);
    await database.client.query('ALTER TABLE shrinking DROP COLUMN email');
    // The batch behind the first one may already have been fetched (find prefetches); the one after fails.
    const nextTwo = async () => {
      await iterator.next();
      await iterator.next();
    };
    await expect(nextTwo()).rejects.toMatchObject({ code: 'schema_changed' });
    expect(await connector.checkRecordType(recordType)).toEqual({
      ok: false,
      problems: [{ path: 'identityColumns.0.column', code: 'missing', name: 'email' }],
    });
    await expect(keysOf(connector.find(recordType, all, { batchSize: 10 }))).rejects.toMatchObject({
      code: 'schema_changed',
    });
    await database.client.query('DROP TABLE shrinking');
    await expect(keysOf(connector.find(recordType, all, { batchSize: 10 }))).rejects.toMatchObject({
      code: 'schema_changed',
    });
    await connector.close();
  });

  it('a role without DELETE gives permission_denied on delete and anonymise, and deletes nothing', async () => {
    await database.client.query(`CREATE ROLE "${limitedRole}" LOGIN`);
    await database.client.query(`GRANT SELECT ON people TO "${limitedRole}"`);
    const connector = open({ user: limitedRole });
    const recordType = simpleType('people', { anonymisableColumns: ['email'] });
    expect(await keysOf(connector.find(recordType, all, { batchSize: 10 }))).toEqual(['1']);
    await expect(connector.delete(recordType, ['1'])).rejects.toMatchObject({ code: 'permission_denied' });
    await expect(connector.anonymise(recordType, ['1'], [{ field: 'email', value: null }])).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await connector.close();
    await database.client.query(`REVOKE ALL ON people FROM "${limitedRole}"`);
    const { rows } = await database.client.query('SELECT email FROM people');
    expect(rows).toEqual([{ email: 'a@example.org' }]);
  });

  it('a statement that waits longer than the operation timeout gives timeout, and nothing is deleted', async () => {
    const locker = new pg.Client({ ...POSTGRES_TEST_SERVER, database: database.name });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE people IN ACCESS EXCLUSIVE MODE');
    const connector = open({}, 500);
    const started = Date.now();
    await expect(connector.delete(simpleType('people'), ['1'])).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    await locker.query('ROLLBACK');
    await locker.end();
    await connector.close();
    const { rows } = await database.client.query('SELECT count(*)::int AS n FROM people');
    expect(rows[0].n).toBe(1);
  });
});

describe('postgres: the grants docs/connectors-sql.md names', () => {
  it('SELECT, DELETE, UPDATE on the anonymised columns and SELECT+INSERT on the archive target are enough', async () => {
    const columns = 'email text, name text, ts timestamptz';
    await database.client.query(
      `CREATE TABLE clients (id bigint generated always as identity primary key, ${columns})`,
    );
    await database.client.query(
      `CREATE TABLE clients_archive (id bigint generated always as identity primary key, source_key text unique, ${columns})`,
    );
    await database.client.query(
      "INSERT INTO clients (email, name, ts) SELECT 'c' || n || '@example.org', 'Client ' || n, timestamptz '2020-01-01' FROM generate_series(1, 3) n",
    );
    await database.client.query(`CREATE ROLE "${minimalRole}" LOGIN`);
    await database.client.query(`GRANT SELECT, DELETE ON clients TO "${minimalRole}"`);
    await database.client.query(`GRANT UPDATE (name) ON clients TO "${minimalRole}"`);
    await database.client.query(`GRANT SELECT, INSERT ON clients_archive TO "${minimalRole}"`);
    const connector = open({ user: minimalRole });
    const source = simpleType('clients', { anonymisableColumns: ['name', 'email'] });
    const target = simpleType('clients_archive', { sourceKeyColumn: 'source_key' });
    expect(await connector.checkRecordType(source)).toMatchObject({ ok: true });
    expect(await connector.checkRecordType(target)).toMatchObject({ ok: true });
    const introspection = await connector.introspect();
    expect(introspection.kind === 'tables' && introspection.tables.find((t) => t.name === 'clients')).toMatchObject({
      schema: 'public',
      primaryKey: ['id'],
    });
    const selection = { ...all, timestampField: 'ts', cutoff: cutoffAt(new Date('2026-01-01T00:00:00Z')) };
    expect(await connector.count(source, selection)).toBe(3);
    expect(await keysOf(connector.find(source, selection, { batchSize: 2 }))).toEqual(['1', '2', '3']);
    expect(await connector.anonymise(source, ['1'], [{ field: 'name', value: null }])).toEqual({ anonymised: 1 });
    await expect(connector.anonymise(source, ['1'], [{ field: 'email', value: null }])).rejects.toMatchObject({
      code: 'permission_denied',
    });
    const copies = (await connector.read(source, ['2', '3'])).map((r) => ({ sourceKey: r.key, fields: r.fields }));
    const written = await connector.write(target, copies);
    expect(await connector.write(target, copies)).toEqual(written);
    expect(await connector.delete(source, ['2', '3'])).toEqual({ deleted: 2 });
    expect(
      await connector.findSubject(target, { emails: ['C2@example.org'], phones: [], names: [] }, { limit: 5 }),
    ).toMatchObject([{ key: written[0], identity: { email: 'c2@example.org' } }]);
    await connector.close();
  });
});

describe('postgres: volume', () => {
  it('10k rows in batches of 1000: every row found exactly once, count agrees, one delete per batch', async () => {
    await database.client.query('CREATE TABLE many (id bigint primary key, email text, ts timestamptz)');
    await database.client.query(
      "INSERT INTO many SELECT n, 'p' || n || '@example.org', timestamptz '2020-01-01' + n * interval '1 minute' FROM generate_series(1, 10000) n",
    );
    const connector = open();
    const recordType = simpleType('many');
    const selection: Selection = { ...all, timestampField: 'ts', cutoff: cutoffAt(new Date('2026-01-01T00:00:00Z')) };
    expect(await connector.count(recordType, selection)).toBe(10_000);
    const seen = new Set<string>();
    let batches = 0;
    for await (const batch of connector.find(recordType, selection, { batchSize: 1000 })) {
      batches += 1;
      expect(batch.records).toHaveLength(1000);
      for (const record of batch.records) seen.add(record.key);
      expect(
        await connector.delete(
          recordType,
          batch.records.map((r) => r.key),
        ),
      ).toEqual({ deleted: 1000 });
    }
    expect(batches).toBe(10);
    expect(seen.size).toBe(10_000);
    expect(await connector.count(recordType, all)).toBe(0);
    await connector.close();
  });
});
