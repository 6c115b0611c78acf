import type { z } from 'zod';
import { type IssueLike, toFieldErrors } from '../../../platform/validation.ts';
import type { RowReader } from './row-reader.ts';

/** Where a contract field lives in the file: its column and, for structured items, which item and field. */
export interface CellPosition {
  column: string;
  item?: number;
  field?: string;
}

/** Maps contract paths (`name`, `locations.1.country`, `retention.amount`) to columns; most share their name. */
export type PathToColumn = (segments: string[]) => CellPosition;

/** A position for a path whose first segment names a column (renamed in `renames`), items counted from 1. */
export function columnByFirstSegment(renames: Record<string, string>): PathToColumn {
  return ([first = '', second, third]) => {
    const column = renames[first] ?? first;
    if (second !== undefined && /^\d+$/.test(second)) {
      return { column, item: Number(second) + 1, ...(third ? { field: third } : {}) };
    }
    return { column };
  };
}

/** The candidate's value at a dotted path; undefined when any step is missing. */
function valueAt(candidate: unknown, path: string): unknown {
  let node = candidate;
  for (const key of path.split('.').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function plainParams(params: Record<string, unknown> | undefined): Record<string, string | number> {
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    plain[key] = typeof value === 'number' ? value : String(value);
  }
  return plain;
}

/**
 * Records the contract's complaints about a row's values as row errors in the right columns. A column the reader
 * already complained about is left alone: the contract would only repeat it (an unreadable option is then absent).
 */
export function recordContractErrors(
  reader: RowReader,
  error: z.ZodError,
  candidate: unknown,
  positionOf: PathToColumn,
): void {
  const fieldErrors = error.issues.flatMap((issue) => toFieldErrors(issue as unknown as IssueLike, candidate));
  const positioned = fieldErrors.map((fieldError) => ({
    fieldError,
    position: positionOf(fieldError.path.split('.').filter(Boolean)),
  }));
  const alreadyWrong = positioned.map(({ position }) => reader.hasErrorIn(position.column, position.item));
  for (const [index, { fieldError, position }] of positioned.entries()) {
    if (alreadyWrong[index]) continue;
    // An empty cell for a list of options is missing, not a wrong choice (zod reports both as invalid_value).
    const isEmpty = fieldError.code === 'invalid_option' && valueAt(candidate, fieldError.path) === undefined;
    const params = isEmpty ? {} : plainParams(fieldError.params);
    if (position.item !== undefined) params.item = position.item;
    if (position.field !== undefined) params.field = position.field;
    reader.error(position.column, isEmpty ? 'required' : fieldError.code, params);
  }
}
