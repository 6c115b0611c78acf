import {
  type CheckResult,
  type Connector,
  ConnectorError,
  type FilterValue,
  type FoundRecord,
  type RecordBatch,
  type RecordTypeCheck,
  type StoredRecord,
  type SubjectIdentity,
} from '../connector.ts';
import type { TSqlRecordType } from './schema.ts';
import { BoundValues, type SqlDialect, type SqlSession, type TableRef } from './session.ts';
import { columnValues, matchesOf, subjectTerms } from './subject.ts';
import { column, type LiveTable, missingColumn, whereSql } from './where.ts';

/** Keys per DELETE/UPDATE/SELECT statement: one statement per batch, and never an unbounded one. */
export const MAX_KEYS_PER_STATEMENT = 10_000;
const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'date']);

type Row = Record<string, unknown>;

/**
 * The Connector for a SQL database, shared by PostgreSQL and MySQL/MariaDB: every name is checked against the live
 * schema and quoted by the dialect; every value is bound.
 */
export function createSqlConnector<RecordType extends TSqlRecordType>(options: {
  session: SqlSession;
  dialect: SqlDialect;
  tableOf: (recordType: RecordType) => TableRef;
}): Connector<RecordType> {
  const { session, dialect, tableOf } = options;
  const q = dialect.quoteName;
  let isClosed = false;

  async function run<R = Row>(sql: string, params: readonly unknown[]) {
    try {
      return await session.query<R>(sql, params);
    } catch (error) {
      throw error instanceof ConnectorError ? error : session.classify(error, params);
    }
  }

  async function liveColumns(recordType: RecordType) {
    try {
      return await session.columns(tableOf(recordType));
    } catch (error) {
      throw error instanceof ConnectorError ? error : session.classify(error, []);
    }
  }

  async function liveTable(recordType: RecordType): Promise<LiveTable> {
    const table = tableOf(recordType);
    const fields = await liveColumns(recordType);
    if (fields.length === 0) throw new ConnectorError('schema_changed', `table ${tableName(table)} not found`);
    const columns = new Map(fields.map((field) => [field.name, field]));
    const key = columns.get(recordType.keyColumn);
    if (!key) throw missingColumn(recordType.keyColumn);
    return { sql: table.schema ? `${q(table.schema)}.${q(table.name)}` : q(table.name), columns, key };
  }

  function foundRecord(live: LiveTable, recordType: RecordType, row: Row, timestampField?: string): FoundRecord {
    const identity: Record<string, string | null> = {};
    for (const { column } of recordType.identityColumns) identity[column] = textOrNull(row[column]);
    const timestampColumn = timestampField ?? recordType.timestampColumns[0];
    return {
      key: String(row[recordType.keyColumn]),
      timestamp: timestampColumn ? textOrNull(readValue(live, timestampColumn, row[timestampColumn])) : null,
      identity,
    };
  }

  function selectList(live: LiveTable, recordType: RecordType, timestampField: string | undefined): string {
    const names = new Set([live.key.name, ...recordType.identityColumns.map((c) => c.column)]);
    const timestampColumn = timestampField ?? recordType.timestampColumns[0];
    if (timestampColumn) names.add(timestampColumn);
    return [...names].map((name) => q(column(live, name).name)).join(', ');
  }

  function keyChunks(keys: readonly string[]): string[][] {
    const unique = [...new Set(keys)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_KEYS_PER_STATEMENT)
      chunks.push(unique.slice(i, i + MAX_KEYS_PER_STATEMENT));
    return chunks;
  }

  /** The target keys of the copies already written, by source key. */
  async function targetKeysOf(live: LiveTable, sourceKeyColumn: string, records: readonly { sourceKey: string }[]) {
    const targetKeys = new Map<string, string>();
    for (const chunk of keyChunks(records.map((r) => r.sourceKey))) {
      const bound = new BoundValues(dialect);
      const sql =
        `SELECT ${q(live.key.name)} AS k, ${q(sourceKeyColumn)} AS s FROM ${live.sql}` +
        ` WHERE ${dialect.inList(q(sourceKeyColumn), chunk, bound.bind)}`;
      for (const row of (await run(sql, bound.values)).rows) targetKeys.set(String(row.s), String(row.k));
    }
    return targetKeys;
  }

  return {
    async check(): Promise<CheckResult> {
      const started = performance.now();
      try {
        const serverVersion = await session.serverVersion();
        return { ok: true, serverVersion, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        const failure = error instanceof ConnectorError ? error : session.classify(error, []);
        return { ok: false, code: failure.code, detail: failure.detail };
      }
    },

    async introspect() {
      try {
        return await session.introspect();
      } catch (error) {
        throw error instanceof ConnectorError ? error : session.classify(error, []);
      }
    },

    async checkRecordType(recordType): Promise<RecordTypeCheck> {
      const fields = await liveColumns(recordType);
      if (fields.length === 0)
        return { ok: false, problems: [{ path: 'table', code: 'missing', name: recordType.table }] };
      const columns = new Map(fields.map((field) => [field.name, field]));
      const problems: Extract<RecordTypeCheck, { ok: false }>['problems'] = [];
      const expectColumn = (path: string, name: string, isTime = false) => {
        const field = columns.get(name);
        if (!field) problems.push({ path, code: 'missing', name });
        else if (isTime && !TIME_TYPES.has(field.type)) problems.push({ path, code: 'wrong_type', name });
      };
      expectColumn('keyColumn', recordType.keyColumn);
      // A row whose key is NULL could never be found, deleted or counted: the key must be NOT NULL (a primary key).
      if (columns.get(recordType.keyColumn)?.isNullable)
        problems.push({ path: 'keyColumn', code: 'wrong_type', name: recordType.keyColumn });
      for (const [i, c] of recordType.identityColumns.entries()) expectColumn(`identityColumns.${i}.column`, c.column);
      for (const [i, name] of recordType.timestampColumns.entries()) expectColumn(`timestampColumns.${i}`, name, true);
      for (const [i, name] of recordType.anonymisableColumns.entries()) expectColumn(`anonymisableColumns.${i}`, name);
      if (recordType.sourceKeyColumn) expectColumn('sourceKeyColumn', recordType.sourceKeyColumn);
      return problems.length ? { ok: false, problems } : { ok: true, fields };
    },

    async count(recordType, selection) {
      const live = await liveTable(recordType);
      const bound = new BoundValues(dialect);
      const where = whereSql(dialect, live, selection, bound);
      const sql = `SELECT COUNT(*) AS n FROM ${live.sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      const { rows } = await run<{ n: unknown }>(sql, bound.values);
      return Number(rows[0]?.n ?? 0);
    },

    async *find(recordType, selection, { batchSize, after, signal }): AsyncIterable<RecordBatch> {
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
        throw new ConnectorError('failed', `batch size ${batchSize} is not between 1 and 100000`);
      const live = await liveTable(recordType);
      const columns = selectList(live, recordType, selection.timestampField);
      const fetchBehind = async (cursor: string | undefined) => {
        const bound = new BoundValues(dialect);
        const where = whereSql(dialect, live, selection, bound);
        if (cursor !== undefined) where.push(`${q(live.key.name)} > ${bound.bind(keyValue(live, cursor))}`);
        const sql =
          `SELECT ${columns} FROM ${live.sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}` +
          ` ORDER BY ${q(live.key.name)} LIMIT ${batchSize}`;
        return (await run(sql, bound.values)).rows;
      };
      // The next batch is fetched (on the session's second connection) while the caller works on this one: the
      // keys behind the cursor are the caller's, the ones ahead are the fetch's, so the two never meet.
      let next: Promise<Row[]> | null = fetchBehind(after);
      while (next && !signal?.aborted) {
        const rows: Row[] = await next;
        if (rows.length === 0) return;
        const records = rows.map((row) => foundRecord(live, recordType, row, selection.timestampField));
        const cursor = records[records.length - 1]!.key;
        next = rows.length < batchSize || signal?.aborted ? null : fetchBehind(cursor);
        // A caller that stops early never awaits the prefetch; its failure must not become an unhandled rejection.
        next?.catch(() => undefined);
        yield { records, cursor };
      }
    },

    async delete(recordType, keys) {
      if (keys.length === 0) return { deleted: 0 };
      const live = await liveTable(recordType);
      let deleted = 0;
      for (const chunk of keyChunks(keys)) {
        const bound = new BoundValues(dialect);
        const sql = `DELETE FROM ${live.sql} WHERE ${dialect.inList(
          q(live.key.name),
          chunk.map((key) => keyValue(live, key)),
          bound.bind,
        )}`;
        deleted += (await run(sql, bound.values)).affected;
      }
      return { deleted };
    },

    async anonymise(recordType, keys, replacements) {
      if (keys.length === 0 || replacements.length === 0) return { anonymised: 0 };
      const live = await liveTable(recordType);
      for (const { field } of replacements) {
        if (!recordType.anonymisableColumns.includes(field) || field === live.key.name)
          throw new ConnectorError('failed', `column ${field} is not anonymisable in this record type`);
        column(live, field);
      }
      let anonymised = 0;
      for (const chunk of keyChunks(keys)) {
        const bound = new BoundValues(dialect);
        const sets = replacements.map(({ field, value }) => `${q(field)} = ${bound.bind(value)}`).join(', ');
        const sql = `UPDATE ${live.sql} SET ${sets} WHERE ${dialect.inList(
          q(live.key.name),
          chunk.map((key) => keyValue(live, key)),
          bound.bind,
        )}`;
        anonymised += (await run(sql, bound.values)).affected;
      }
      return { anonymised };
    },

    async read(recordType, keys) {
      if (keys.length === 0) return [];
      const live = await liveTable(recordType);
      const byKey = new Map<string, StoredRecord>();
      const columns = [...live.columns.keys()].map(q).join(', ');
      for (const chunk of keyChunks(keys)) {
        const bound = new BoundValues(dialect);
        const sql = `SELECT ${columns} FROM ${live.sql} WHERE ${dialect.inList(
          q(live.key.name),
          chunk.map((key) => keyValue(live, key)),
          bound.bind,
        )}`;
        for (const row of (await run(sql, bound.values)).rows) {
          const key = String(row[live.key.name]);
          byKey.set(key, {
            key,
            fields: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, storedValue(readValue(live, k, v))])),
          });
        }
      }
      return keys.flatMap((key) => byKey.get(key) ?? []);
    },

    async write(recordType, records) {
      const sourceKeyColumn = recordType.sourceKeyColumn;
      if (!sourceKeyColumn)
        throw new ConnectorError('failed', 'this record type is no archive target: it names no sourceKeyColumn');
      if (records.length === 0) return [];
      const live = await liveTable(recordType);
      column(live, sourceKeyColumn);
      const names = [sourceKeyColumn, ...copiedFields(live, records, sourceKeyColumn)];
      // Copies that exist are left as they are; looking first keeps the grants to SELECT and INSERT (MySQL's
      // ON DUPLICATE KEY UPDATE would need UPDATE as well).
      const existing = await targetKeysOf(live, sourceKeyColumn, records);
      const missing = [...new Map(records.map((r) => [r.sourceKey, r])).values()].filter(
        (record) => !existing.has(record.sourceKey),
      );
      for (let i = 0; i < missing.length; i += 1000) {
        const bound = new BoundValues(dialect);
        const rows = missing.slice(i, i + 1000).map((record) => {
          const values = names.map((name) =>
            name === sourceKeyColumn ? record.sourceKey : writeValue(live, name, record.fields[name] ?? null),
          );
          return `(${values.map(bound.bind).join(', ')})`;
        });
        await run(dialect.insertIfAbsent(live.sql, names.map(q), rows, q(sourceKeyColumn)), bound.values);
      }
      const targetKeys = missing.length ? await targetKeysOf(live, sourceKeyColumn, records) : existing;
      return records.map((record) => {
        const key = targetKeys.get(record.sourceKey);
        if (key === undefined) throw new ConnectorError('failed', 'a written copy could not be found back');
        return key;
      });
    },

    async findSubject(recordType, identity: SubjectIdentity, { limit }) {
      const live = await liveTable(recordType);
      const terms = subjectTerms(identity);
      const bound = new BoundValues(dialect);
      const columns = selectList(live, recordType, undefined);
      const max = Math.max(1, Math.min(Math.floor(limit), 10_000));
      const order = ` ORDER BY ${q(live.key.name)} LIMIT ${max}`;
      // One branch per identity column, so each uses that column's index; UNION returns a row matched twice once.
      const branches: string[] = [];
      for (const { column: name, kind } of recordType.identityColumns) {
        const term = kind === 'other' ? undefined : terms.get(kind);
        if (!term) continue;
        const field = column(live, name);
        const values = columnValues(field, term);
        if (values.length === 0) continue;
        const col = q(field.name);
        const condition = term.ignoresCase
          ? dialect.equalsIgnoringCase(col, values as string[], bound.bind)
          : dialect.inList(col, values, bound.bind);
        branches.push(`SELECT ${columns} FROM ${live.sql} WHERE ${condition}${order}`);
      }
      if (branches.length === 0) return [];
      const sql = branches.length === 1 ? branches[0]! : `(${branches.join(') UNION (')})${order}`;
      return (await run(sql, bound.values)).rows.map((row) => ({
        ...foundRecord(live, recordType, row),
        matchedBy: matchesOf(row, recordType.identityColumns, terms),
      }));
    },

    async close() {
      if (isClosed) return;
      isClosed = true;
      await session.close();
    },
  };
}

/** The fields of the copies that go into the target: all of them but the target's own key; each needs a column. */
function copiedFields(
  live: LiveTable,
  records: readonly { fields: StoredRecord['fields'] }[],
  sourceKeyColumn: string,
): string[] {
  const names = new Set(records.flatMap((record) => Object.keys(record.fields)));
  names.delete(live.key.name);
  names.delete(sourceKeyColumn);
  for (const name of names)
    if (!live.columns.has(name)) throw new ConnectorError('schema_changed', `the archive target has no column ${name}`);
  return [...names];
}

const tableName = (table: TableRef) => (table.schema ? `${table.schema}.${table.name}` : table.name);

/**
 * Integer keys are bound as integers, so comparisons are exact on every server: MySQL's documented rule for a
 * number column against a text value is a floating-point comparison, which loses precision beyond 2^53.
 */
function keyValue(live: LiveTable, key: string): string | bigint {
  return live.key.type === 'number' && /^-?\d{1,30}$/.test(key) ? BigInt(key) : key;
}

/** Instants as ISO text in UTC, whether the driver gave a Date (pg) or UTC text (mysql2 with dateStrings). */
function readValue(live: LiveTable, name: string, value: unknown): unknown {
  if (live.columns.get(name)?.type !== 'timestamptz' || typeof value !== 'string') return value;
  return utcTextToIso(value);
}

const UTC_TEXT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:Z|\+00(?::?00)?)?$/;

/**
 * `2026-10-25 01:30:00.5+00` (PostgreSQL in UTC) or `2026-10-25 01:30:00.500` (MySQL in UTC) as
 * `2026-10-25T01:30:00.500Z`; anything else (infinity, BC, another offset) through Date, or as it came.
 */
export function utcTextToIso(text: string): string {
  const match = UTC_TEXT.exec(text);
  if (match) return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? text : instant.toISOString();
}

/** Instants given as text are bound as instants, so each dialect writes them in its session's zone. */
function writeValue(live: LiveTable, name: string, value: FilterValue): unknown {
  if (live.columns.get(name)?.type !== 'timestamptz' || typeof value !== 'string') return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant;
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function storedValue(value: unknown): FilterValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}
