import mysql, { type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cutoff, Selection } from '../connector.ts';
import { cutoffAt } from '../contract.test-suite.ts';
import { mysqlManifest } from './manifest.ts';
import type { TMysqlConfig, TMysqlRecordType } from './schema.ts';
import { createMysqlTestDatabase, MYSQL_TEST_SERVER } from './test-server.ts';

let database: Awaited<ReturnType<typeof createMysqlTestDatabase>>;
const PASSWORD = 'S3cret-pw-never-shown';
const limitedUser = `pdlim_${process.pid}_${Date.now() % 1_000_000}`;
const minimalUser = `pdmin_${process.pid}_${Date.now() % 1_000_000}`;

beforeAll(async () => {
  database = await createMysqlTestDatabase('my_kind');
});
afterAll(async () => {
  await database?.client.query(`DROP USER IF EXISTS '${limitedUser}'@'%', '${minimalUser}'@'%'`);
  await database?.drop();
});

const open = (config: Partial<TMysqlConfig> = {}, timeoutMs = 10_000) =>
  mysqlManifest.open({ ...database.config, ...config }, { timeoutMs });

const all: Selection = { conditions: [], exclusions: [] };
async function keysOf(iterable: AsyncIterable<{ records: { key: string }[] }>) {
  const keys: string[] = [];
  for await (const batch of iterable) keys.push(...batch.records.map((r) => r.key));
  return keys;
}
async function countRows(table: string) {
  const [rows] = await database.client.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

const simpleType = (table: string, extra: Partial<TMysqlRecordType> = {}): TMysqlRecordType => ({
  table,
  keyColumn: 'id',
  identityColumns: [{ column: 'email', kind: 'email' }],
  timestampColumns: ['ts'],
  anonymisableColumns: [],
  ...extra,
});

describe('mysql: names and values cannot inject SQL', () => {
  const weirdTable = `we"ird; DROP TABLE victim; -- /* \`tick\` ✓`;
  const weirdKey = `k"ey'; -- \`x\``;
  const weirdText = `nø"te */ \`x\` ; DELETE FROM victim; --`;
  const hostileValues = [`'; DROP TABLE victim; --`, `' OR '1'='1`, `/* comment`, '100%_done', 'ünïcødé ✓ \\ "`'];
  const recordType = (): TMysqlRecordType => ({
    table: weirdTable,
    keyColumn: weirdKey,
    identityColumns: [{ column: weirdText, kind: 'email' }],
    timestampColumns: [],
    anonymisableColumns: [weirdText],
  });

  beforeAll(async () => {
    const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;
    await database.client.query('CREATE TABLE victim (id int primary key)');
    await database.client.query('INSERT INTO victim VALUES (1), (2), (3)');
    await database.client.query(
      `CREATE TABLE ${q(weirdTable)} (${q(weirdKey)} varchar(100) primary key, ${q(weirdText)} varchar(200))`,
    );
    for (const [i, value] of hostileValues.entries())
      await database.client.execute(`INSERT INTO ${q(weirdTable)} VALUES (?, ?)`, [value, `${i}:${value}`]);
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
    expect(await countRows('victim')).toBe(3);
  });

  it('refuses names that are not in the live schema, before any statement touches a table', async () => {
    const connector = open();
    const hostileTable = { ...recordType(), table: 'victim`; DROP TABLE victim; --' };
    expect(await connector.checkRecordType(hostileTable)).toMatchObject({
      ok: false,
      problems: [{ path: 'table', code: 'missing' }],
    });
    await expect(connector.delete(hostileTable, ['1'])).rejects.toMatchObject({ code: 'schema_changed' });
    const hostileField = {
      ...all,
      conditions: [{ field: `${weirdKey}\` OR 1=1 --`, operator: 'is_not_null' as const }],
    };
    await expect(keysOf(connector.find(recordType(), hostileField, { batchSize: 10 }))).rejects.toMatchObject({
      code: 'schema_changed',
    });
    await connector.close();
    expect(await countRows('victim')).toBe(3);
  });
});

/** Cut-offs built by hand: midnight (or 03:00) on the Amsterdam wall clock and the instant it is. */
const handCutoffs: Record<string, Cutoff> = {
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
  leapDay: { instant: new Date('2028-02-28T23:00:00Z'), localDateTime: '2028-02-29T00:00:00', localDate: '2028-02-29' },
};

describe('mysql: cut-offs on TIMESTAMP, DATETIME and DATE on leap and DST days (Europe/Amsterdam)', () => {
  // In time order: a cut-off matches a prefix of this list. TIMESTAMP holds the instant, DATETIME the Amsterdam wall clock.
  const rows: [label: string, instant: string | null, wallClock: string | null, date: string | null][] = [
    ['spring-before', '2026-03-29T00:59:59Z', '2026-03-29 01:59:59', '2026-03-28'],
    ['spring-at', '2026-03-29T01:00:00Z', '2026-03-29 03:00:00', '2026-03-29'],
    ['autumn-before', '2026-10-24T21:59:59Z', '2026-10-24 23:59:59', '2026-10-24'],
    ['autumn-at', '2026-10-24T22:00:00Z', '2026-10-25 00:00:00', '2026-10-25'],
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
    await database.client.query(
      'CREATE TABLE times (label varchar(40) primary key, tstz timestamp(0) null default null, ts datetime, d date)',
    );
    // Written from a session in another zone (+09:00): the connector's own session zone must make it irrelevant.
    const writer = await mysql.createConnection({ ...MYSQL_TEST_SERVER, database: database.name });
    await writer.query("SET time_zone = '+09:00'");
    const inTokyo = (iso: string) =>
      new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    for (const [label, instant, wallClock, date] of rows)
      await writer.execute('INSERT INTO times VALUES (?, ?, ?, ?)', [
        label,
        instant ? inTokyo(instant) : null,
        wallClock,
        date,
      ]);
    await writer.end();
  });

  it('the hand-built cut-offs are what the suite helper computes for the same instants', () => {
    for (const cutoff of Object.values(handCutoffs)) expect(cutoffAt(cutoff.instant)).toEqual(cutoff);
  });

  const newestMatch: Record<keyof typeof handCutoffs, string> = {
    springForward: 'spring-before',
    autumnMidnight: 'autumn-before',
    dayAfterAutumn: 'autumn-late',
    leapDay: 'leap-before',
  };
  for (const [cutoffName, newest] of Object.entries(newestMatch))
    for (const column of ['tstz', 'ts', 'd'])
      it(`${cutoffName} on ${column}: every record up to ${newest} matches, none from the cut-off on`, async () => {
        const connector = open();
        const selection = { ...all, timestampField: column, cutoff: handCutoffs[cutoffName] };
        const found = await keysOf(connector.find(recordType, selection, { batchSize: 100 }));
        await connector.close();
        const inTimeOrder = rows.filter((row) => row[0] !== 'empty').map((row) => row[0]);
        expect(found.sort()).toEqual(inTimeOrder.slice(0, inTimeOrder.indexOf(newest) + 1).sort());
      });

  it('reports TIMESTAMP as an instant in ISO UTC, DATETIME and DATE as stored', async () => {
    const connector = open();
    const selection = { ...all, conditions: [{ field: 'label', operator: 'eq' as const, value: 'autumn-twice-b' }] };
    const timestamps: (string | null)[] = [];
    for (const column of ['tstz', 'ts', 'd'])
      for await (const batch of connector.find(recordType, { ...selection, timestampField: column }, { batchSize: 5 }))
        timestamps.push(...batch.records.map((r) => r.timestamp));
    await connector.close();
    expect(timestamps).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25 02:30:00', '2026-10-25']);
  });
});

describe('mysql: failures are classified, fast, and never show the password', () => {
  beforeAll(async () => {
    await database.client.query(
      'CREATE TABLE people (id int auto_increment primary key, email varchar(100), ts datetime)',
    );
    await database.client.query("INSERT INTO people (email, ts) VALUES ('a@example.org', '2020-01-01 00:00:00')");
    await database.client.query(`CREATE USER '${limitedUser}'@'%' IDENTIFIED BY '${PASSWORD}'`);
    await database.client.query(`GRANT SELECT ON \`${database.name}\`.people TO '${limitedUser}'@'%'`);
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

  it('a wrong password gives auth_failed, and the detail does not contain it', async () => {
    const wrong = `${PASSWORD}-wrong`;
    const connector = open({ user: limitedUser, password: wrong });
    const check = await connector.check();
    expect(check).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(JSON.stringify(check)).not.toContain(wrong);
    await connector.close();
  });

  it('an error about a value shows neither the value nor the password', async () => {
    await database.client.query(
      'CREATE TABLE people_archive (id int auto_increment primary key, source_key varchar(50) unique, email varchar(100), ts datetime)',
    );
    const connector = open({ password: '' });
    const target = simpleType('people_archive', { sourceKeyColumn: 'source_key' });
    const copies = [{ sourceKey: '1', fields: { email: 'anna@example.org', ts: 'Anna Jansen 0612345678' } }];
    const failure = await connector.write(target, copies).catch((e) => e);
    expect(failure).toMatchObject({ name: 'ConnectorError', code: 'failed' });
    expect(failure.detail).toContain('ER_TRUNCATED_WRONG_VALUE');
    expect(failure.detail).not.toContain('Anna');
    expect(failure.message).not.toContain('anna@example.org');
    await connector.close();
  });

  it('checkRecordType refuses a key column that may be NULL, and a timestamp column that is not a date or time', async () => {
    await database.client.query('CREATE TABLE loose (id int, email varchar(100), ts datetime)');
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
    await database.client.query('CREATE TABLE shrinking (id int primary key, email varchar(100), ts datetime)');
    const values = Array.from({ length: 30 }, (_, i) => `(${i + 1}, 'x${i}@example.org', '2020-01-01')`).join(', ');
    await database.client.query(`INSERT INTO shrinking VALUES ${values}`);
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
    await connector.close();
  });

  it('a user without DELETE gives permission_denied on delete and anonymise, and deletes nothing', async () => {
    const connector = open({ user: limitedUser, password: PASSWORD });
    const recordType = simpleType('people', { anonymisableColumns: ['email'] });
    expect(await keysOf(connector.find(recordType, all, { batchSize: 10 }))).toEqual(['1']);
    await expect(connector.delete(recordType, ['1'])).rejects.toMatchObject({ code: 'permission_denied' });
    await expect(connector.anonymise(recordType, ['1'], [{ field: 'email', value: null }])).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await connector.close();
    const [rows] = await database.client.query<RowDataPacket[]>('SELECT email FROM people');
    expect(rows.map((row) => row.email)).toEqual(['a@example.org']);
  });

  it('a statement that waits longer than the operation timeout gives timeout, and nothing is deleted', async () => {
    const locker = await mysql.createConnection({ ...MYSQL_TEST_SERVER, database: database.name });
    await locker.query('LOCK TABLES people WRITE');
    const connector = open({}, 1_000);
    const started = Date.now();
    await expect(connector.delete(simpleType('people'), ['1'])).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4_000);
    await locker.query('UNLOCK TABLES');
    await locker.end();
    await connector.close();
    expect(await countRows('people')).toBe(1);
  });
});

describe('mysql: the grants docs/connectors-sql.md names', () => {
  it('SELECT, DELETE, UPDATE on the anonymised columns and SELECT+INSERT on the archive target are enough', async () => {
    const columns = 'email varchar(100), name varchar(100), ts datetime';
    await database.client.query(`CREATE TABLE clients (id bigint auto_increment primary key, ${columns})`);
    await database.client.query(
      `CREATE TABLE clients_archive (id bigint auto_increment primary key, source_key varchar(50) unique, ${columns})`,
    );
    await database.client.query(
      "INSERT INTO clients (email, name, ts) VALUES ('c1@example.org', 'Client 1', '2020-01-01'), ('c2@example.org', 'Client 2', '2020-01-01'), ('c3@example.org', 'Client 3', '2020-01-01')",
    );
    const db = `\`${database.name}\``;
    await database.client.query(`CREATE USER '${minimalUser}'@'%' IDENTIFIED BY '${PASSWORD}'`);
    await database.client.query(`GRANT SELECT, DELETE ON ${db}.clients TO '${minimalUser}'@'%'`);
    await database.client.query(`GRANT UPDATE (name) ON ${db}.clients TO '${minimalUser}'@'%'`);
    await database.client.query(`GRANT SELECT, INSERT ON ${db}.clients_archive TO '${minimalUser}'@'%'`);
    const connector = open({ user: minimalUser, password: PASSWORD });
    const source = simpleType('clients', { anonymisableColumns: ['name', 'email'] });
    const target = simpleType('clients_archive', { sourceKeyColumn: 'source_key' });
    expect(await connector.checkRecordType(source)).toMatchObject({ ok: true });
    expect(await connector.checkRecordType(target)).toMatchObject({ ok: true });
    const introspection = await connector.introspect();
    expect(introspection.kind === 'tables' && introspection.tables.find((t) => t.name === 'clients')).toMatchObject({
      schema: null,
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
    const found = await connector.findSubject(
      target,
      { emails: ['C2@example.org'], phones: [], names: [] },
      { limit: 5 },
    );
    expect(found).toMatchObject([{ key: written[0], identity: { email: 'c2@example.org' } }]);
    await connector.close();
  });
});

describe('mysql: volume', () => {
  it('bigint keys beyond 2^53 (up to the unsigned maximum) page and delete exactly', async () => {
    await database.client.query('CREATE TABLE big (id bigint unsigned primary key, email varchar(100), ts datetime)');
    await database.client.query(
      "INSERT INTO big VALUES (9007199254740992, 'a@x.org', NULL), (9007199254740993, 'b@x.org', NULL), (18446744073709551615, 'c@x.org', NULL)",
    );
    const connector = open();
    const batches: string[][] = [];
    for await (const batch of connector.find(simpleType('big'), all, { batchSize: 1 }))
      batches.push(batch.records.map((r) => r.key));
    expect(batches).toEqual([['9007199254740992'], ['9007199254740993'], ['18446744073709551615']]);
    expect(await connector.delete(simpleType('big'), ['9007199254740993'])).toEqual({ deleted: 1 });
    const [rows] = await database.client.query<RowDataPacket[]>(
      'SELECT CAST(id AS CHAR) AS k FROM big ORDER BY big.id',
    );
    expect(rows.map((row) => row.k)).toEqual(['9007199254740992', '18446744073709551615']);
    await connector.close();
  });

  it('10k rows in batches of 1000: every row found exactly once, count agrees, one delete per batch', async () => {
    await database.client.query('CREATE TABLE many (id bigint primary key, email varchar(100), ts datetime)');
    for (let start = 0; start < 10_000; start += 1000) {
      const values = Array.from({ length: 1000 }, (_, i) => {
        const n = start + i + 1;
        return `(${n}, 'p${n}@example.org', '2020-01-01' + INTERVAL ${n} MINUTE)`;
      });
      await database.client.query(`INSERT INTO many VALUES ${values.join(', ')}`);
    }
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
