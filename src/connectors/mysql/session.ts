import mysql from 'mysql2';
import type { ConnectorError, FieldInfo, FieldType, Introspection, OpenOptions } from '../connector.ts';
import { connectorError, networkFailure, safeDetail } from '../sql/errors.ts';
import { groupTables, LIKE_ESCAPE, type SqlDialect, type SqlSession, type TableRef } from '../sql/session.ts';
import type { TMysqlConfig } from './schema.ts';

export const mysqlDialect: SqlDialect = {
  quoteName: (name) => `\`${name.replace(/`/g, '``')}\``,
  placeholder: () => '?',
  containsIgnoringCase: (column, pattern) => `LOWER(${column}) LIKE LOWER(${pattern}) ESCAPE '${LIKE_ESCAPE}'`,
  inList: (column, values, bind) => `${column} IN (${values.map(bind).join(', ')})`,
  equalsIgnoringCase: (column, values, bind) => `${column} IN (${values.map(bind).join(', ')})`,
  // The connector inserts only copies it did not find; a concurrent copy fails on the unique source-key column.
  insertIfAbsent: (table, columns, rows) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.join(', ')}`,
};

const TEXT_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set']);
const NUMBER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double']);

/**
 * MySQL TIMESTAMP stores an instant and shows it in the session time zone, which this connector sets to UTC: it is
 * compared with the cut-off instant. DATETIME has no zone: it is read as the Europe/Amsterdam wall clock.
 */
function fieldType(dataType: string, columnType: string): FieldType {
  if (dataType === 'timestamp') return 'timestamptz';
  if (dataType === 'datetime') return 'timestamp';
  if (dataType === 'date') return 'date';
  if (columnType === 'tinyint(1)') return 'boolean';
  if (TEXT_TYPES.has(dataType)) return 'text';
  if (NUMBER_TYPES.has(dataType)) return 'number';
  return 'other';
}

interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
  column_type: string;
  is_nullable: string;
}

const fieldInfo = (row: ColumnRow): FieldInfo => ({
  name: row.column_name,
  type: fieldType(row.data_type, row.column_type),
  storeType: row.column_type,
  isNullable: row.is_nullable === 'YES',
});

const COLUMNS_SQL = `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name,
  DATA_TYPE AS data_type, COLUMN_TYPE AS column_type, IS_NULLABLE AS is_nullable
  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`;

const ERROR_CODES: Record<string, ConnectorError['code']> = {
  ER_ACCESS_DENIED_ERROR: 'auth_failed',
  ER_DBACCESS_DENIED_ERROR: 'permission_denied',
  ER_TABLEACCESS_DENIED_ERROR: 'permission_denied',
  ER_COLUMNACCESS_DENIED_ERROR: 'permission_denied',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'permission_denied',
  ER_NO_SUCH_TABLE: 'schema_changed',
  ER_BAD_FIELD_ERROR: 'schema_changed',
  ER_BAD_DB_ERROR: 'not_found',
  ER_LOCK_WAIT_TIMEOUT: 'timeout',
  ER_QUERY_TIMEOUT: 'timeout', // MySQL max_execution_time
  ER_CON_COUNT_ERROR: 'unreachable',
  PROTOCOL_CONNECTION_LOST: 'unreachable',
};
const MARIADB_STATEMENT_TIMEOUT = 1969;
const DATA_ERRORS = new Set([1062, 1264, 1265, 1292, 1366, 1406, 1451, 1452]);

function classify(error: unknown, password: string, params: readonly unknown[]): ConnectorError {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  const mapped =
    (typeof code === 'string' ? ERROR_CODES[code] : undefined) ??
    (errno === MARIADB_STATEMENT_TIMEOUT ? 'timeout' : undefined) ??
    networkFailure(error) ??
    'failed';
  const detail = safeDetail(error, [password], params, typeof errno === 'number' && DATA_ERRORS.has(errno));
  return connectorError(mapped, typeof code === 'string' && code.startsWith('ER_') ? `${detail} (${code})` : detail);
}

type BoundValue = string | number | bigint | null;

/** Dates are bound as UTC text, matching the session time zone; booleans as 1/0; nothing else but text and numbers. */
function boundValue(value: unknown): BoundValue {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') return value;
  throw new TypeError(`cannot bind a ${typeof value}`);
}

/**
 * A tiny pool of MySQL/MariaDB connections (a broken one is replaced). Every new connection sets its
 * session time zone to UTC and a statement timeout, before its first statement.
 */
export function openMysqlSession(config: TMysqlConfig, options: OpenOptions): SqlSession {
  const pool = mysql.createPool({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ssl: config.sslMode === 'disable' ? undefined : { rejectUnauthorized: config.sslMode === 'verify-full' },
    // Two: find() fetches the next batch while the caller deletes the current one.
    connectionLimit: 2,
    connectTimeout: config.connectTimeoutMs,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    maxPreparedStatements: 64,
    multipleStatements: false,
  });
  const seconds = Math.max(1, Math.ceil(options.timeoutMs / 1000));
  pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
    // MariaDB knows max_statement_time (seconds), MySQL max_execution_time (ms, SELECT only); the other one fails.
    connection.query(`SET SESSION max_statement_time = ${seconds}`, () => undefined);
    connection.query(`SET SESSION max_execution_time = ${seconds * 1000}`, () => undefined);
    // Waits for table and row locks end with a timeout too, instead of the server's default of a year.
    connection.query(
      `SET SESSION lock_wait_timeout = ${seconds}, innodb_lock_wait_timeout = ${seconds}`,
      () => undefined,
    );
  });
  const promisePool = pool.promise();

  async function query<Row>(sql: string, params: readonly unknown[]) {
    const [result] = await promisePool.execute({ sql, timeout: options.timeoutMs + 2_000 }, params.map(boundValue));
    if (Array.isArray(result)) return { rows: result as Row[], affected: result.length };
    return { rows: [] as Row[], affected: (result as { affectedRows: number }).affectedRows };
  }

  return {
    query,
    async serverVersion() {
      const { rows } = await query<{ v: string }>('SELECT VERSION() AS v', []);
      return rows[0]?.v ?? '';
    },
    async columns(table: TableRef) {
      const { rows } = await query<ColumnRow>(`${COLUMNS_SQL} AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`, [
        table.name,
      ]);
      // information_schema compares names case-insensitively on some servers; the connector needs the exact table.
      return rows.filter((row) => row.table_name === table.name).map(fieldInfo);
    },
    async introspect(): Promise<Extract<Introspection, { kind: 'tables' }>> {
      const columns = await query<ColumnRow>(`${COLUMNS_SQL} ORDER BY TABLE_NAME, ORDINAL_POSITION`, []);
      const keys = await query<{ table_schema: string; table_name: string; column_name: string }>(
        `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name
           FROM information_schema.KEY_COLUMN_USAGE
          WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION`,
        [],
      );
      return groupTables(columns.rows, keys.rows, fieldInfo, false);
    },
    classify: (error, params) => classify(error, config.password, params),
    async close() {
      await promisePool.end().catch(() => undefined);
    },
  };
}
