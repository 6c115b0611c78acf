import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandIdentity } from '../../modules/requests/identities.ts';
import type { Connector, FoundRecord } from '../connector.ts';
import { mysqlManifest } from '../mysql/manifest.ts';
import { createMysqlTestDatabase } from '../mysql/test-server.ts';
import { postgresManifest } from '../postgres/manifest.ts';
import { createPostgresTestDatabase } from '../postgres/test-server.ts';
import type { TSqlRecordType } from './schema.ts';

/**
 * Discovery on the real PostgreSQL and MariaDB servers: one person written in different forms is found once per
 * row with the columns that matched; another person is not; hostile values are data.
 */

interface Store {
  connector: Connector<TSqlRecordType>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

const JAN = expandIdentity({
  emails: ['jan.jansen@example.nl'],
  phones: ['+31 6 12345678'],
  names: ['Jan Jansen'],
  customerNumbers: ['C-1001'],
  ibans: ['NL91ABNA0417164300'],
  bsns: ['012345672'],
});

const ROWS: [number, ...(string | null)[]][] = [
  [1, 'Jan.Jansen@Example.nl', '06-12345678', 'Jan Jansen', 'C-1001', 'NL91 ABNA 0417 1643 00', '012345672'],
  [2, 'jan.jansen@example.nl', '+31 6 12345678', null, null, null, null],
  [3, null, '0031612345678', 'JAN JANSEN', null, null, null],
  [4, null, '0612345678', null, 'c-1001', 'NL91ABNA0417164300', null],
  [5, null, '(06) 12 34 56 78', null, null, null, '12345672'],
  [6, 'janjansen@example.nl', '06-87654321', 'Piet Pieters', 'C-1002', 'NL20INGB0001234567', '111222333'],
  [7, 'jan.jansen+crm@example.nl', '0612345679', 'Jan Jansen-Smit', 'C-10010', null, '123456782'],
  [8, "o'brien%_@example.nl", null, "Zoë 'Quote' %_", 'K_1', null, null],
];

const recordType = (table: string, extra: Partial<TSqlRecordType> = {}) =>
  ({
    table,
    keyColumn: 'id',
    identityColumns: [
      { column: 'email', kind: 'email' },
      { column: 'phone', kind: 'phone' },
      { column: 'full_name', kind: 'name' },
      { column: 'customer_no', kind: 'customer_number' },
      { column: 'iban', kind: 'iban' },
      { column: 'bsn', kind: 'bsn' },
      { column: 'notes', kind: 'other' },
    ],
    timestampColumns: [],
    anonymisableColumns: [],
    ...extra,
    schema: 'public',
  }) as TSqlRecordType;

const sqlText = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

async function seed(store: Store) {
  await store.exec(
    `CREATE TABLE people (id int PRIMARY KEY, email varchar(200), phone varchar(40), full_name varchar(200),
      customer_no varchar(40), iban varchar(40), bsn varchar(20), notes varchar(200))`,
  );
  for (const row of ROWS) {
    await store.exec(`INSERT INTO people VALUES (${[...row, 'Jan Jansen'].map(sqlText).join(', ')})`);
  }
  for (const column of ['email', 'phone', 'full_name', 'customer_no', 'iban', 'bsn'])
    await store.exec(`CREATE INDEX people_${column} ON people (${column})`);
  // Numbers stored as numbers: the leading zeros of the BSN and the phone number are gone.
  await store.exec('CREATE TABLE numbers (id int PRIMARY KEY, bsn bigint, phone bigint)');
  await store.exec('INSERT INTO numbers VALUES (1, 12345672, 612345678), (2, 111222333, 687654321)');
}

const keys = (found: FoundRecord[]) => found.map((record) => record.key);
const matched = (found: FoundRecord[], key: string) =>
  found.find((record) => record.key === key)?.matchedBy?.map((match) => `${match.field}:${match.kind}`);

const stores: [string, () => Promise<Store>][] = [
  [
    'postgres',
    async () => {
      const database = await createPostgresTestDatabase('subject');
      return {
        connector: postgresManifest.open(database.config, { timeoutMs: 10_000 }),
        exec: (sql) => database.client.query(sql),
        close: () => database.drop(),
      };
    },
  ],
  [
    'mysql',
    async () => {
      const database = await createMysqlTestDatabase('subject');
      return {
        connector: mysqlManifest.open(database.config, { timeoutMs: 10_000 }) as Connector<TSqlRecordType>,
        exec: (sql) => database.client.query(sql),
        close: () => database.drop(),
      };
    },
  ],
];

describe.each(stores)('%s: findSubject', (_, openStore) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
    await seed(store);
  });
  afterAll(async () => {
    await store?.connector.close();
    await store?.close();
  });

  it('finds every row of the person once, in key order, with the columns that matched', async () => {
    const found = await store.connector.findSubject(recordType('people'), JAN, { limit: 100 });
    expect(keys(found)).toEqual(['1', '2', '3', '4', '5']);
    expect(matched(found, '1')).toEqual([
      'email:email',
      'phone:phone',
      'full_name:name',
      'customer_no:customer_number',
      'iban:iban',
      'bsn:bsn',
    ]);
    expect(matched(found, '3')).toEqual(['phone:phone', 'full_name:name']);
    expect(matched(found, '4')).toEqual(['phone:phone', 'customer_no:customer_number', 'iban:iban']);
    expect(matched(found, '5')).toEqual(['phone:phone', 'bsn:bsn']);
  });

  it('finds each kind on its own, and never another person with a similar value', async () => {
    const only = async (identity: Parameters<typeof expandIdentity>[0]) =>
      keys(await store.connector.findSubject(recordType('people'), expandIdentity(identity), { limit: 100 }));
    expect(await only({ emails: [' JAN.JANSEN@example.NL '] })).toEqual(['1', '2']);
    expect(await only({ phones: ['0612345678'] })).toEqual(['1', '2', '3', '4', '5']);
    expect(await only({ ibans: ['nl91abna0417164300'] })).toEqual(['1', '4']);
    expect(await only({ bsns: ['12345672'] })).toEqual(['1', '5']);
    expect(await only({ customerNumbers: ['C-1001'] })).toEqual(['1', '4']);
    expect(await only({ emails: ['piet@example.nl'], phones: ['06-11111111'], bsns: ['999999990'] })).toEqual([]);
  });

  it('finds identities in number columns by their digits', async () => {
    const numbers = recordType('numbers', {
      identityColumns: [
        { column: 'bsn', kind: 'bsn' },
        { column: 'phone', kind: 'phone' },
      ],
    });
    const found = await store.connector.findSubject(numbers, JAN, { limit: 10 });
    expect(keys(found)).toEqual(['1']);
    expect(matched(found, '1')).toEqual(['bsn:bsn', 'phone:phone']);
  });

  it('treats quotes, LIKE wildcards and unicode as plain values', async () => {
    const find = async (identity: Parameters<Connector<TSqlRecordType>['findSubject']>[1]) =>
      keys(await store.connector.findSubject(recordType('people'), identity, { limit: 100 }));
    const none = { emails: [], phones: [], names: [] };
    expect(await find({ ...none, emails: ["O'Brien%_@example.nl"] })).toEqual(['8']);
    expect(await find({ ...none, names: ["zoë 'quote' %_"] })).toEqual(['8']);
    expect(await find({ ...none, emails: ['%'], names: ['_', "' OR '1'='1"], customerNumbers: ['K%'] })).toEqual([]);
    expect(await find({ ...none, phones: ["'); DROP TABLE people; --"] })).toEqual([]);
    expect(await find(none)).toEqual([]);
    expect(keys(await store.connector.findSubject(recordType('people'), JAN, { limit: 2 }))).toEqual(['1', '2']);
  });
});
