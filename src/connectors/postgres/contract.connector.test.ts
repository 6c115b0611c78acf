import type { ContractRecord, StoreUnderTest } from '../contract.test-suite.ts';
import { describeConnectorContract } from '../contract.test-suite.ts';
import { postgresManifest } from './manifest.ts';
import type { TPostgresRecordType } from './schema.ts';
import { createPostgresTestDatabase } from './test-server.ts';

let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let tableNumber = 0;

const recordTypeFor = (table: string, extra: Partial<TPostgresRecordType> = {}): TPostgresRecordType => ({
  schema: 'public',
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

async function createStore(): Promise<StoreUnderTest<TPostgresRecordType>> {
  tableNumber += 1;
  const table = `contract_${tableNumber}`;
  const archive = `archive_${tableNumber}`;
  const columns =
    'ts timestamptz, note text not null, keep boolean not null default false, email text, name text, phone text';
  await database.client.query(`CREATE TABLE ${table} (id bigint generated always as identity primary key, ${columns})`);
  await database.client.query(
    `CREATE TABLE ${archive} (id bigint generated always as identity primary key, source_key text not null unique, ${columns})`,
  );
  const connector = postgresManifest.open(database.config, { timeoutMs: 10_000 });
  return {
    connector,
    recordType: recordTypeFor(table),
    async seed(records: readonly ContractRecord[]) {
      const keys: string[] = [];
      for (const record of records) {
        const { rows } = await database.client.query(
          `INSERT INTO ${table} (ts, note, keep, email, name, phone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            record.timestamp,
            record.fields.note,
            record.fields.keep ?? false,
            record.identity.email ?? null,
            record.identity.name ?? null,
            record.identity.phone ?? null,
          ],
        );
        keys.push(String(rows[0].id));
      }
      return keys;
    },
    async existingKeys() {
      const { rows } = await database.client.query(`SELECT id FROM ${table}`);
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

describeConnectorContract<TPostgresRecordType>('postgres', {
  capabilities: postgresManifest.capabilities,
  fieldNames: { timestamp: 'ts', note: 'note' },
  keepExclusion: [{ field: 'keep', operator: 'eq', value: true }],
  anonymisableField: 'name',
  textOperators: ['eq', 'ne', 'in', 'not_in'],
  compareKeys: (a, b) => Number(a) - Number(b),
  async beforeAll() {
    database = await createPostgresTestDatabase('pg_contract');
  },
  async afterAll() {
    await database?.drop();
  },
  createStore,
  openUnreachable: () =>
    postgresManifest.open({ ...database.config, port: 1, connectTimeoutMs: 3_000 }, { timeoutMs: 3_000 }),
  unreachableRecordType: recordTypeFor('nowhere'),
});
