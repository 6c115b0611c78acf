import { canonicalJson } from './chain.ts';

/** A value as compared: dates by instant, objects regardless of key order, absent and null alike. */
function comparable(value: unknown, isUnordered: boolean): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && isUnordered) return canonicalJson(value.map((item) => canonicalJson(item)).sort());
  return canonicalJson(value ?? null);
}

/**
 * The fields of an update that change something, sorted: `next` holds each field the request gives as it will be
 * stored, `current` the same fields as they are. Lists named in `unordered` (sets of ids) compare regardless of order.
 * For the audit trail: an "updated" entry names only these, so saving a form unchanged records nothing.
 */
export function changedFields<Field extends string>(
  current: Partial<Record<Field, unknown>>,
  next: Partial<Record<Field, unknown>>,
  options: { unordered?: readonly Field[] } = {},
): Field[] {
  const unordered = new Set<Field>(options.unordered ?? []);
  return (Object.keys(next) as Field[])
    .filter((field) => next[field] !== undefined)
    .filter(
      (field) => comparable(current[field], unordered.has(field)) !== comparable(next[field], unordered.has(field)),
    )
    .sort();
}

/** The fields of `row` named by `fields`: the current side of `changedFields` when request fields are columns. */
export function pick<Row extends object, Field extends keyof Row>(
  row: Row,
  fields: readonly Field[],
): Pick<Row, Field> {
  return Object.fromEntries(fields.map((field) => [field, row[field]])) as Pick<Row, Field>;
}
