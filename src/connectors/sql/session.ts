import type { ConnectorError, FieldInfo, Introspection } from '../connector.ts';

/** A table as the SQL connectors address it: PostgreSQL has schemas, MySQL uses the connection's database. */
export interface TableRef {
  schema: string | null;
  name: string;
}

/** The few things the shared SQL connector needs from a driver; one per kind (postgres/, mysql/). */
export interface SqlSession {
  /** Runs one statement with bound values. `affected` counts the rows an UPDATE matched or a DELETE removed. */
  query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[],
  ): Promise<{ rows: Row[]; affected: number }>;
  serverVersion(): Promise<string>;
  /** The table's columns from the live schema, in table order; empty when the table does not exist. */
  columns(table: TableRef): Promise<FieldInfo[]>;
  introspect(): Promise<Extract<Introspection, { kind: 'tables' }>>;
  /** Turns a driver error into a ConnectorError whose detail holds no password and none of `params`. */
  classify(error: unknown, params: readonly unknown[]): ConnectorError;
  close(): Promise<void>;
}

/** How the two SQL dialects differ in the statements the shared connector writes. */
export interface SqlDialect {
  quoteName(name: string): string;
  /** The placeholder for the value at this 1-based position. */
  placeholder(position: number): string;
  /** True when the column's text contains the bound LIKE pattern, ignoring case. */
  containsIgnoringCase(column: string, pattern: string): string; // with ESCAPE LIKE_ESCAPE
  /** A key-in-list test; PostgreSQL binds the whole list as one array value. */
  inList(column: string, values: readonly unknown[], bind: (value: unknown) => string): string;
  /**
   * True when the text column equals one of the lower-case `values` ignoring case, in a form an index can serve:
   * PostgreSQL compares `lower(column)` (an expression index on it serves), MySQL/MariaDB the column itself (its
   * `_ci` collations ignore case; `values` also hold the forms as given for a `_bin` column).
   */
  equalsIgnoringCase(column: string, values: readonly string[], bind: (value: unknown) => string): string;
  /**
   * INSERT of copies the connector did not find in the target; where the dialect can do it with INSERT privilege
   * alone, it also leaves a row written meanwhile with the same `conflictColumn` value untouched.
   */
  insertIfAbsent(table: string, columns: readonly string[], rows: readonly string[], conflictColumn: string): string;
}

/** Collects bound values and hands out their placeholders. */
export class BoundValues {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: SqlDialect) {}
  bind = (value: unknown): string => {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  };
}

/**
 * A LIKE pattern that matches `value` as plain text anywhere. Wildcards are escaped with `!`, and both dialects say
 * `ESCAPE '!'` explicitly, because MySQL's default escape (backslash) depends on the sql_mode.
 */
export const LIKE_ESCAPE = '!';
export const likePattern = (value: string) => `%${value.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** Groups introspected columns and primary-key columns by table. */
export function groupTables<Row extends { table_schema: string; table_name: string }>(
  columns: readonly Row[],
  keys: readonly { table_schema: string; table_name: string; column_name: string }[],
  toField: (row: Row) => FieldInfo,
  withSchema = true,
): Extract<Introspection, { kind: 'tables' }> {
  const tables = new Map<string, { schema: string | null; name: string; primaryKey: string[]; fields: FieldInfo[] }>();
  const id = (schema: string, name: string) => `${schema}\u0000${name}`;
  for (const row of columns) {
    const key = id(row.table_schema, row.table_name);
    if (!tables.has(key))
      tables.set(key, {
        schema: withSchema ? row.table_schema : null,
        name: row.table_name,
        primaryKey: [],
        fields: [],
      });
    tables.get(key)!.fields.push(toField(row));
  }
  for (const row of keys) tables.get(id(row.table_schema, row.table_name))?.primaryKey.push(row.column_name);
  return { kind: 'tables', tables: [...tables.values()] };
}
