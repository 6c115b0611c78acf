import { describe, expect, it } from 'vitest';
import { toAppError, toProblem } from './problem.ts';

describe('toAppError', () => {
  it('turns a unique violation (also wrapped by Drizzle) into a localised 409 rather than a 500', () => {
    const databaseError = Object.assign(
      new Error('duplicate key value violates unique constraint "vendors_org_name_key"'),
      {
        code: '23505',
      },
    );
    const wrapped = Object.assign(new Error('Failed query: insert into "vendors" …'), { cause: databaseError });
    for (const error of [databaseError, wrapped]) {
      const appError = toAppError(error);
      expect(appError?.code).toBe('changed_concurrently');
      const problem = toProblem(appError!, 'en', 'id-1');
      expect(problem.status).toBe(409);
      expect(problem.detail).toBe(
        'Someone else changed the same thing at the same moment. Reload the page and try again.',
      );
      expect(JSON.stringify(problem)).not.toContain('vendors_org_name_key');
    }
  });

  it('leaves other database errors to the 500 handler', () => {
    expect(toAppError(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBeUndefined();
  });
});
