import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { describeError, errorForLog, redactAddresses } from './safe-error.ts';

describe('redactAddresses', () => {
  it('replaces every e-mail address, bracketed or bare', () => {
    expect(redactAddresses('RCPT <ann@example.nl> and bob.de.vries+x@sub.example.com failed')).toBe(
      'RCPT <<address>> and <address> failed',
    );
  });

  it('leaves text without addresses alone', () => {
    expect(redactAddresses('connect ECONNREFUSED 127.0.0.1:25')).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });
});

describe('describeError', () => {
  it('gives the class, code and message on one line', () => {
    const error = Object.assign(new TypeError('bad\nvalue'), { code: 'E_BAD' });
    expect(describeError(error)).toBe('TypeError E_BAD bad value');
  });

  it('leaves out details a database error carries (values of the row)', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
      code: '23505',
      detail: 'Key (email)=(ann@example.nl) already exists.',
    });
    expect(describeError(error)).toBe('23505 duplicate key value violates unique constraint "users_email"');
  });

  it('redacts addresses in the message and keeps the line short', () => {
    expect(describeError(new Error('no mailbox ann@example.nl'))).toBe('no mailbox <address>');
    expect(describeError(new Error('x'.repeat(1000))).length).toBeLessThanOrEqual(300);
  });

  it('describes the plain copies of errors that pg-boss reports', () => {
    const reported = { message: 'terminating connection for ann@example.nl', code: '57P01', queue: 'mail.deliver' };
    expect(describeError(reported)).toBe('57P01 terminating connection for <address>');
  });

  it('describes thrown values that are not errors', () => {
    expect(describeError('failed for ann@example.nl')).toBe('failed for <address>');
    expect(describeError({ secret: 'ann@example.nl' })).toBe('unknown error');
  });
});

describe('a failed query (Drizzle appends the bound values to its message)', () => {
  const failed = () =>
    new DrizzleQueryError(
      'update "organisations" set "privacy_contact" = $1 where "id" = $2',
      ['{"name":"Ans","phone":"+31 6 12345678","email":"ans@example.nl"}', 'f3c1'],
      Object.assign(new Error('invalid input syntax for type uuid: "f3c1"'), { code: '22P02' }),
    );

  it('is described by its query and the database code, never its values', () => {
    const description = describeError(failed());
    expect(description).toContain('22P02');
    expect(description).toContain('update "organisations" set "privacy_contact" = $1');
    expect(description).not.toMatch(/12345678|ans@example|f3c1/);
  });

  it('is logged without its values, in the message, the cause or the stack', () => {
    const logged = errorForLog(failed());
    expect(logged).toMatchObject({ code: '22P02', type: 'Error' });
    expect(logged.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(logged)).not.toMatch(/12345678|ans@example|f3c1/);
  });
});
