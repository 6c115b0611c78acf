import { describe, expect, it } from 'vitest';
import { utcTextToIso } from './sql-connector.ts';

describe('utcTextToIso', () => {
  it.each([
    ['2026-10-25 01:30:00+00', '2026-10-25T01:30:00.000Z'], // PostgreSQL timestamptz in a UTC session
    ['2026-10-25 01:30:00.123456+00', '2026-10-25T01:30:00.123Z'],
    ['2026-10-25 01:30:00.5', '2026-10-25T01:30:00.500Z'], // MySQL TIMESTAMP(1) in a UTC session
    ['2028-02-29 23:59:59', '2028-02-29T23:59:59.000Z'],
    ['2026-10-25 03:30:00+02', '2026-10-25T01:30:00.000Z'], // another offset: through Date
    ['infinity', 'infinity'],
  ])('%s → %s', (text, iso) => {
    expect(utcTextToIso(text)).toBe(iso);
  });
});
