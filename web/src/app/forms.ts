import type { GetInputPropsOptions, GetInputPropsReturnType, LooseKeys, UseFormReturnType } from '@mantine/form';
import { isApiError } from '../api/http.ts';
import { describeError } from './query-client.ts';

/**
 * Puts a failed request's field errors on the form's fields (the server names them by the request's paths, which
 * are the form's paths) and returns what remains to be said about the form as a whole, or null.
 */
export function applyProblem<Values>(form: UseFormReturnType<Values>, error: unknown): string | null {
  if (!isApiError(error) || error.fieldErrors.length === 0) return describeError(error);
  const values = form.getValues() as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const field of error.fieldErrors) {
    if (hasPath(values, field.path)) errors[field.path] ??= field.message;
    else unplaced.push(field.message);
  }
  form.setErrors(errors);
  if (unplaced.length > 0) return [error.detail, ...unplaced].join(' ');
  return Object.keys(errors).length > 0 ? null : error.detail;
}

function hasPath(values: Record<string, unknown>, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/** getInputProps for fields under a prefix ("organisation."), for field groups shared by several forms. */
export type InputPropsAt = (field: string, options?: GetInputPropsOptions) => GetInputPropsReturnType;

export function inputPropsAt<Values>(form: UseFormReturnType<Values>, prefix = ''): InputPropsAt {
  return (field, options) => form.getInputProps(`${prefix}${field}` as LooseKeys<Values>, options);
}
