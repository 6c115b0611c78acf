import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { ContractRecord, StoreUnderTest } from '../contract.test-suite.ts';
import { describeConnectorContract } from '../contract.test-suite.ts';
import { mysqlManifest } from './manifest.ts';
import type { TMysqlRecordType } from './schema.ts';
import { createMysqlTestDatabase } from './test-server.ts';

let database: Awaited<ReturnType<typeof createMysqlTestDatabase>>;
let tableNumber = 0;

const recordTypeFor = (table: string, extra: Partial<TMysqlRecordType> = {}): TMysqlRecordType => ({
  table,
  keyColumn: 'id',
  identityColumns: [
    { column: 'email', kind: 'email' },
    { column: 'name', kind: 'name' },
    { column: 'phone', kind: 'phone' },
  ],
  timestampColumns: ['ts'],
  anonymisableColumns: ['name', 'email'],
  ...extra,
});

/** The contract seeds instants, so the store's timestamp column is a TIMESTAMP (an instant, read in UTC). */
async function createStore(): Promise<StoreUnderTest<TMysqlRecordType>> {
  tableNumber += 1;
  const table = `contract_${tableNumber}`;
  const archive = `archive_${tableNumber}`;
  const columns =
    'ts timestamp(3) null default null, note varchar(200) not null, keep tinyint(1) not null default 0, ' +
    'email varchar(200), name varchar(200), phone varchar(50)';
  await database.client.query(`CREATE TABLE ${table} (id bigint auto_increment primary key, ${columns})`);
  await database.client.query(
    `CREATE TABLE ${archive} (id bigint auto_increment primary key, source_key varchar(100) not null unique, ${columns})`,
  );
  const connector = mysqlManifest.open(database.config, { timeoutMs: 10_000 });
  return {
    connector,
    recordType: recordTypeFor(table),
    async seed(records: readonly ContractRecord[]) {
      const keys: string[] = [];
      for (const record of records) {
        const [result] = await database.client.execute<ResultSetHeader>(
          `INSERT INTO ${table} (ts, note, keep, email, name, phone) VALUES (?, ?, ?, ?, ?, ?)`,
          [
            record.timestamp ? record.timestamp.toISOString().replace('T', ' ').replace('Z', '') : null,
            record.fields.note,
            record.fields.keep ? 1 : 0,
            record.identity.email ?? null,
            record.identity.name ?? null,
            record.identity.phone ?? null,
          ],
        );
        keys.push(String(result.insertId));
      }
      return keys;
    },
    async existingKeys() {
      const [rows] = await database.client.query<RowDataPacket[]>(`SELECT id FROM ${table}`);
      return rows.map((row) => String(row.id));
    },
    archiveTarget: {
      recordType: recordTypeFor(archive, { sourceKeyColumn: 'source_key' }),
      fieldsNotCopied: ['id', 'source_key'],
    },
    async dispose() {
      await connector.close();
      await database.client.query(`DROP TABLE ${table}, ${archive}`);
    },
  };
}

describeConnectorContract<TMysqlRecordType>('mysql', {
  capabilities: mysqlManifest.capabilities,
  fieldNames: { timestamp: 'ts', note: 'note' },
  keepExclusion: [{ field: 'keep', operator: 'eq', value: true }],
  anonymisableField: 'name',
  textOperators: ['eq', 'ne', 'in', 'not_in'],
  compareKeys: (a, b) => Number(a) - Number(b),
  async beforeAll() {
    database = await createMysqlTestDatabase('my_contract');
  },
  async afterAll() {
    await database?.drop();
  },
  createStore,
  openUnreachable: () =>
    mysqlManifest.open({ ...database.config, port: 1, connectTimeoutMs: 3_000 }, { timeoutMs: 3_000 }),
  unreachableRecordType: recordTypeFor('nowhere'),
});
