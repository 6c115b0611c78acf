import { type Cutoff, type Filter, type FilterValue, RECORD_KEY_FIELD, type Selection } from '../connector.ts';

/**
 * A Selection evaluated in this process, for stores that cannot filter on the server (an HTTP API, a directory) or
 * only approximately (IMAP SEARCH is date-granular). Semantics follow SQL, so a policy selects the same records
 * whatever the store: a comparison with a missing (null) value is false, except `is_null`.
 */

/** A record's value for one field: a set (IMAP flags, a list of addresses) is matched element by element. */
export type FieldValue = string | number | boolean | Date | null | readonly string[];

export interface FieldAccess {
  value(field: string): FieldValue;
  /** The record's key, for a filter on RECORD_KEY_FIELD (a legal hold on records). */
  key?: string;
  /** Fields whose `contains` means "has this element" (IMAP flags) rather than "an element contains this text". */
  exactSetFields?: ReadonlySet<string>;
}

/** Whether a record matches the selection: before the cut-off, every condition, none of the exclusion groups. */
export function matchesSelection(record: FieldAccess, selection: Selection): boolean {
  if (selection.cutoff) {
    if (!selection.timestampField) return false;
    if (!isBeforeCutoff(record.value(selection.timestampField), selection.cutoff)) return false;
  }
  if (!selection.conditions.every((filter) => matchesFilter(record, filter))) return false;
  return !selection.exclusions.some(
    (group) => group.length > 0 && group.every((filter) => matchesFilter(record, filter)),
  );
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A timestamp strictly before the cut-off. An instant (a Date, an ISO string with a zone, epoch milliseconds) is
 * compared with the cut-off instant; a date (`2025-12-03`) with its Amsterdam date; a wall-clock time without zone
 * with its Amsterdam wall-clock time. Null and unparsable values never match.
 */
export function isBeforeCutoff(value: FieldValue, cutoff: Cutoff): boolean {
  if (value === null || typeof value === 'boolean' || Array.isArray(value)) return false;
  if (value instanceof Date) return !Number.isNaN(value.getTime()) && value.getTime() < cutoff.instant.getTime();
  if (typeof value === 'number') return Number.isFinite(value) && value < cutoff.instant.getTime();
  const text = (value as string).trim();
  if (DATE_ONLY.test(text)) return text < cutoff.localDate;
  if (ZONELESS_DATE_TIME.test(text)) return normaliseWallClock(text) < normaliseWallClock(cutoff.localDateTime);
  const instant = Date.parse(text);
  return !Number.isNaN(instant) && instant < cutoff.instant.getTime();
}

function normaliseWallClock(text: string): string {
  const [date, time = '00:00'] = text.replace(' ', 'T').split('T') as [string, string?];
  const [clock, fraction = ''] = time.split('.') as [string, string?];
  const withSeconds = clock.length === 5 ? `${clock}:00` : clock;
  return `${date}T${withSeconds}.${fraction.padEnd(6, '0')}`;
}

function matchesFilter(record: FieldAccess, filter: Filter): boolean {
  const actual = filter.field === RECORD_KEY_FIELD ? (record.key ?? null) : record.value(filter.field);
  if (filter.operator === 'is_null') return isMissing(actual);
  if (filter.operator === 'is_not_null') return !isMissing(actual);
  if (isMissing(actual)) return false;
  if (Array.isArray(actual)) {
    const isExact = record.exactSetFields?.has(filter.field) ?? false;
    if (filter.operator === 'ne' || filter.operator === 'not_in') {
      const asPositive: Filter = { ...filter, operator: filter.operator === 'ne' ? 'eq' : 'in' };
      return actual.every((element) => !compareOne(element, asPositive, isExact));
    }
    return actual.some((element) => compareOne(element, filter, isExact));
  }
  return compareOne(actual as string | number | boolean | Date, filter, false);
}

function isMissing(value: FieldValue): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function compareOne(actual: string | number | boolean | Date, filter: Filter, isExactSet: boolean): boolean {
  const values = Array.isArray(filter.value) ? filter.value : [filter.value as FilterValue];
  switch (filter.operator) {
    case 'eq':
      return isEqual(actual, values[0]);
    case 'ne':
      return values[0] !== null && values[0] !== undefined && !isEqual(actual, values[0]);
    case 'in':
      return values.some((value) => isEqual(actual, value));
    case 'not_in':
      return !values.some((value) => value === null) && !values.some((value) => isEqual(actual, value));
    case 'lt':
      return order(actual, values[0]) < 0;
    case 'lte':
      return order(actual, values[0]) <= 0;
    case 'gt':
      return order(actual, values[0]) > 0;
    case 'gte':
      return order(actual, values[0]) >= 0;
    case 'contains': {
      const needle = String(values[0] ?? '').toLowerCase();
      const haystack = String(actual).toLowerCase();
      return isExactSet ? haystack === needle : haystack.includes(needle);
    }
    default:
      return false;
  }
}

function isEqual(actual: string | number | boolean | Date, expected: FilterValue | undefined): boolean {
  if (expected === null || expected === undefined) return false;
  if (actual instanceof Date) return actual.getTime() === Date.parse(String(expected));
  if (typeof actual === 'number') return actual === Number(expected);
  if (typeof actual === 'boolean') return actual === (expected === true || expected === 'true');
  return actual === String(expected);
}

/** Negative, zero or positive; NaN (incomparable) makes every ordered comparison false. */
function order(actual: string | number | boolean | Date, expected: FilterValue | undefined): number {
  if (expected === null || expected === undefined) return Number.NaN;
  if (actual instanceof Date) return actual.getTime() - Date.parse(String(expected));
  if (typeof actual === 'number') return actual - Number(expected);
  if (typeof actual === 'boolean') return Number(actual) - Number(expected === true || expected === 'true');
  const other = String(expected);
  return actual < other ? -1 : actual > other ? 1 : 0;
}
