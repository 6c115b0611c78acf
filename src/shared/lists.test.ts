import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '../platform/validation.ts';
import { ZCalendarDate } from './lists.ts';

const fieldErrorsOf = (input: unknown) => {
  try {
    parseInput(z.object({ since: ZCalendarDate }), input);
    return [];
  } catch (error) {
    return (error as { fieldErrors: { path: string; code: string }[] }).fieldErrors;
  }
};

describe('ZCalendarDate', () => {
  it('accepts a real calendar day', () => {
    expect(fieldErrorsOf({ since: '2024-02-29' })).toEqual([]);
  });

  it('calls a missing day required and a malformed or impossible one an invalid date', () => {
    expect(fieldErrorsOf({})).toMatchObject([{ path: 'since', code: 'required' }]);
    expect(fieldErrorsOf({ since: '2023-02-29' })).toMatchObject([{ path: 'since', code: 'invalid_date' }]);
    expect(fieldErrorsOf({ since: '1-1-2018' })).toMatchObject([{ path: 'since', code: 'invalid_date' }]);
    expect(fieldErrorsOf({ since: 20180101 })).toMatchObject([{ path: 'since', code: 'invalid_date' }]);
  });
});
