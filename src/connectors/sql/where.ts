import {
  ConnectorError,
  type FieldInfo,
  type Filter,
  type FilterValue,
  RECORD_KEY_FIELD,
  type Selection,
} from '../connector.ts';
import { type BoundValues, likePattern, type SqlDialect } from './session.ts';

/** A record type's table with its live columns, looked up once per operation. */
export interface LiveTable {
  /** The quoted, schema-qualified name. */
  sql: string;
  columns: Map<string, FieldInfo>;
  key: FieldInfo;
}

export const missingColumn = (name: string) => new ConnectorError('schema_changed', `column ${name} not found`);

/** The live column of that name; a name the table does not have is refused before any statement is built. */
export function column(live: LiveTable, name: string): FieldInfo {
  if (name === RECORD_KEY_FIELD) return live.key;
  const field = live.columns.get(name);
  if (!field) throw missingColumn(name);
  return field;
}

function filterSql(dialect: SqlDialect, live: LiveTable, filter: Filter, bind: (value: unknown) => string): string {
  const field = column(live, filter.field);
  const name = dialect.quoteName(field.name);
  const value = filter.value;
  const list: readonly FilterValue[] = Array.isArray(value) ? value : [value ?? null];
  const first = list[0] ?? null;
  const single = () => bind(first);
  switch (filter.operator) {
    case 'eq':
      return first === null ? `${name} IS NULL` : `${name} = ${single()}`;
    case 'ne':
      return first === null ? `${name} IS NOT NULL` : `${name} <> ${single()}`;
    case 'lt':
      return `${name} < ${single()}`;
    case 'lte':
      return `${name} <= ${single()}`;
    case 'gt':
      return `${name} > ${single()}`;
    case 'gte':
      return `${name} >= ${single()}`;
    case 'in':
      return list.length === 0 ? '1 = 0' : `${name} IN (${list.map(bind).join(', ')})`;
    case 'not_in':
      return list.length === 0 ? `${name} IS NOT NULL` : `${name} NOT IN (${list.map(bind).join(', ')})`;
    case 'is_null':
      return `${name} IS NULL`;
    case 'is_not_null':
      return `${name} IS NOT NULL`;
    case 'contains':
      return dialect.containsIgnoringCase(name, bind(likePattern(String(first ?? ''))));
  }
}

/** The cut-off as the column's type needs it: the instant, the Amsterdam wall clock or the Amsterdam date. */
function cutoffValue(field: FieldInfo, selection: Selection): unknown {
  const cutoff = selection.cutoff!;
  if (field.type === 'timestamptz') return cutoff.instant;
  if (field.type === 'date') return cutoff.localDate;
  if (field.type === 'timestamp') return cutoff.localDateTime.replace('T', ' ');
  throw new ConnectorError('schema_changed', `column ${field.name} is not a date or time column (${field.storeType})`);
}

/**
 * The conditions of a selection, as SQL with bound values: the cut-off compared by the column's type, every
 * condition, and no exclusion group.
 */
export function whereSql(dialect: SqlDialect, live: LiveTable, selection: Selection, bound: BoundValues): string[] {
  const parts: string[] = [];
  if (selection.cutoff) {
    if (!selection.timestampField) throw new ConnectorError('failed', 'a cut-off needs a timestamp field');
    const field = column(live, selection.timestampField);
    // NULL < anything is NULL, so records without a timestamp never match.
    parts.push(`${dialect.quoteName(field.name)} < ${bound.bind(cutoffValue(field, selection))}`);
  }
  for (const filter of selection.conditions) parts.push(filterSql(dialect, live, filter, bound.bind));
  for (const group of selection.exclusions) {
    if (group.length === 0) continue;
    // A group that is NULL (a NULL in a held column) does not exclude: COALESCE makes it false.
    parts.push(`NOT COALESCE((${group.map((f) => filterSql(dialect, live, f, bound.bind)).join(' AND ')}), FALSE)`);
  }
  return parts;
}
