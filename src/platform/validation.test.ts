import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { type IssueLike, parseInput, toFieldErrors } from './validation.ts';

/** The field errors a real zod schema produces for an input. */
function fieldErrorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be invalid');
  return result.error.issues.flatMap((issue) => toFieldErrors(issue as unknown as IssueLike, input));
}

describe('toFieldErrors: zod issues → stable field-error codes', () => {
  it('names each unknown field, nested ones with their path', () => {
    const schema = z.strictObject({ name: z.string(), address: z.strictObject({ city: z.string() }) });
    expect(fieldErrorsOf(schema, { name: 'a', address: { city: 'b', zip: 1 }, extra: 1, more: 2 })).toEqual([
      { path: 'address.zip', code: 'unknown_field' },
      { path: 'extra', code: 'unknown_field' },
      { path: 'more', code: 'unknown_field' },
    ]);
  });

  it('tells a missing field (required) from one of the wrong type (invalid_type)', () => {
    const schema = z.strictObject({ name: z.string(), count: z.number() });
    expect(fieldErrorsOf(schema, { count: 'three' })).toEqual([
      { path: 'name', code: 'required' },
      { path: 'count', code: 'invalid_type', params: { expected: 'number' } },
    ]);
    expect(fieldErrorsOf(schema, { name: null, count: 1 })).toEqual([
      { path: 'name', code: 'invalid_type', params: { expected: 'string' } },
    ]);
  });

  it('treats a missing or wrong body as a whole', () => {
    const schema = z.strictObject({ name: z.string() });
    expect(fieldErrorsOf(schema, undefined)).toEqual([{ path: '', code: 'required' }]);
    expect(fieldErrorsOf(schema, [1])).toEqual([{ path: '', code: 'invalid_type', params: { expected: 'object' } }]);
  });

  it('does not mistake inherited properties for given values', () => {
    expect(fieldErrorsOf(z.strictObject({ constructor: z.string() }), {})).toEqual([
      { path: 'constructor', code: 'required' },
    ]);
  });

  it('uses an issue that carries its input', () => {
    const issue = { code: 'invalid_type', path: ['a'], message: '', expected: 'string', input: 5 };
    expect(toFieldErrors(issue)).toEqual([{ path: 'a', code: 'invalid_type', params: { expected: 'string' } }]);
  });

  it('maps sizes by what was measured', () => {
    const schema = z.strictObject({
      text: z.string().min(2).max(4),
      list: z.array(z.string()).min(1).max(2),
      number: z.number().min(1).max(9),
    });
    expect(fieldErrorsOf(schema, { text: 'a', list: [], number: 0 })).toEqual([
      { path: 'text', code: 'too_short', params: { limit: 2 } },
      { path: 'list', code: 'too_few', params: { limit: 1 } },
      { path: 'number', code: 'too_small', params: { limit: 1 } },
    ]);
    expect(fieldErrorsOf(schema, { text: 'abcde', list: ['a', 'b', 'c'], number: 10 })).toEqual([
      { path: 'text', code: 'too_long', params: { limit: 4 } },
      { path: 'list', code: 'too_many', params: { limit: 2 } },
      { path: 'number', code: 'too_big', params: { limit: 9 } },
    ]);
  });

  it('maps formats to their own codes', () => {
    const schema = z.strictObject({
      email: z.email(),
      url: z.url(),
      id: z.uuid(),
      date: z.iso.date(),
      at: z.iso.datetime(),
      code: z.string().regex(/^\d+$/),
    });
    const input = { email: 'nope', url: 'nope', id: 'nope', date: '2026-13-01', at: 'yesterday', code: 'abc' };
    expect(fieldErrorsOf(schema, input)).toEqual([
      { path: 'email', code: 'invalid_email' },
      { path: 'url', code: 'invalid_url' },
      { path: 'id', code: 'invalid_id' },
      { path: 'date', code: 'invalid_date' },
      { path: 'at', code: 'invalid_date' },
      { path: 'code', code: 'invalid_format' },
    ]);
  });

  it('lists the options of an enum', () => {
    expect(fieldErrorsOf(z.strictObject({ role: z.enum(['owner', 'viewer']) }), { role: 'admin' })).toEqual([
      { path: 'role', code: 'invalid_option', params: { options: 'owner, viewer' } },
    ]);
  });

  it('calls a missing enum field required, not a wrong choice', () => {
    expect(fieldErrorsOf(z.strictObject({ role: z.enum(['owner', 'viewer']) }), {})).toEqual([
      { path: 'role', code: 'required' },
    ]);
  });

  it('takes a schema’s own code from a validation.<code> message, with its bounds', () => {
    const schema = z.strictObject({
      kvkNumber: z.string().refine((value) => /^\d{8}$/.test(value), { error: 'validation.kvk_format' }),
      password: z.string().min(12, { error: 'validation.password_too_short' }),
    });
    expect(fieldErrorsOf(schema, { kvkNumber: '1234', password: 'short' })).toEqual([
      { path: 'kvkNumber', code: 'kvk_format', params: {} },
      { path: 'password', code: 'password_too_short', params: { minimum: 12 } },
    ]);
  });

  it('answers invalid_value for unions no branch of which fits, and for anything else', () => {
    const union = z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.number() })]);
    expect(fieldErrorsOf(union, null)).toEqual([{ path: '', code: 'invalid_value' }]);
    expect(fieldErrorsOf(z.strictObject({ n: z.number().multipleOf(5) }), { n: 3 })).toEqual([
      { path: 'n', code: 'invalid_value' },
    ]);
  });
});

describe('parseInput', () => {
  const schema = z.strictObject({ name: z.string().trim().min(1), age: z.number().int().optional() });

  it('returns the parsed output', () => {
    expect(parseInput(schema, { name: '  Jan ' })).toEqual({ name: 'Jan' });
  });

  it('throws one AppError with every field error', () => {
    try {
      parseInput(schema, { age: 'old', extra: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        kind: 'invalid',
        code: 'validation_failed',
        fieldErrors: [
          { path: 'name', code: 'required' },
          { path: 'age', code: 'invalid_type', params: { expected: 'number' } },
          { path: 'extra', code: 'unknown_field' },
        ],
      });
    }
  });
});
