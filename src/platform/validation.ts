import type { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

/** The subset of a zod issue that both zod errors and Fastify's validation errors carry. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  [detail: string]: unknown;
}

const CUSTOM_PREFIX = 'validation.';

/** The value at a path of the validated input; undefined when a step is missing (own properties only). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Maps a zod issue to a stable field-error code; schemas may name their own code as `validation.<code>`.
 * `input` is what was validated: zod 4 leaves the offending value out of its issues, and only the value tells a
 * missing field (`required`) from one of the wrong type (`invalid_type`).
 */
export function toFieldErrors(issue: IssueLike, input?: unknown): FieldError[] {
  const path = issue.path.map(String).join('.');
  if (issue.message.startsWith(CUSTOM_PREFIX)) {
    return [{ path, code: issue.message.slice(CUSTOM_PREFIX.length), params: pick(issue, ['minimum', 'maximum']) }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return ((issue.keys as string[]) ?? []).map((key) => ({
        path: path ? `${path}.${key}` : key,
        code: 'unknown_field',
      }));
    case 'invalid_type':
      return [
        ('input' in issue ? issue.input : valueAt(input, issue.path)) === undefined
          ? { path, code: 'required' }
          : { path, code: 'invalid_type', params: { expected: issue.expected } },
      ];
    case 'too_small':
      return [{ path, code: sizeCode('too_small', issue.origin), params: { limit: issue.minimum } }];
    case 'too_big':
      return [{ path, code: sizeCode('too_big', issue.origin), params: { limit: issue.maximum } }];
    case 'invalid_format':
      return [{ path, code: formatCode(issue.format as string | undefined) }];
    case 'invalid_value':
      // zod reports a missing enum field as an invalid value; a person should read "required".
      if (input !== undefined && valueAt(input, issue.path) === undefined) return [{ path, code: 'required' }];
      return [{ path, code: 'invalid_option', params: { options: ((issue.values as unknown[]) ?? []).join(', ') } }];
    case 'invalid_union':
      return [{ path, code: 'invalid_value' }];
    default:
      return [{ path, code: 'invalid_value' }];
  }
}

function sizeCode(base: 'too_small' | 'too_big', origin: unknown): string {
  if (origin === 'string') return base === 'too_small' ? 'too_short' : 'too_long';
  if (origin === 'array' || origin === 'set') return base === 'too_small' ? 'too_few' : 'too_many';
  return base;
}

function formatCode(format: string | undefined): string {
  if (format === 'email') return 'invalid_email';
  if (format === 'url') return 'invalid_url';
  if (format === 'uuid') return 'invalid_id';
  if (format === 'datetime' || format === 'date') return 'invalid_date';
  return 'invalid_format';
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/** Parses input with a contract schema, turning failure into an AppError with field errors (for the CLI and jobs). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('invalid', 'validation_failed', {
    fieldErrors: result.error.issues.flatMap((issue) => toFieldErrors(issue as unknown as IssueLike, input)),
  });
}
