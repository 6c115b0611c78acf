import { describe, expect, it } from 'vitest';
import type { Filter, Selection } from '../connector.ts';
import { cutoffAt } from '../contract.test-suite.ts';
import { type FieldValue, isBeforeCutoff, matchesSelection } from './client-side-selection.ts';

const record = (values: Record<string, FieldValue>, exactSetFields?: string[]) => ({
  value: (field: string) => values[field] ?? null,
  exactSetFields: exactSetFields ? new Set(exactSetFields) : undefined,
});
const only = (...conditions: Filter[]): Selection => ({ conditions, exclusions: [] });

describe('a selection evaluated on listed records', () => {
  // Midnight in Amsterdam on the days the clocks change, and on a leap day.
  const dstStart = cutoffAt(new Date('2026-03-28T23:00:00Z')); // 2026-03-29 00:00 CET
  const dstEnd = cutoffAt(new Date('2026-10-24T22:00:00Z')); // 2026-10-25 00:00 CEST
  const leapDay = cutoffAt(new Date('2028-02-28T23:00:00Z')); // 2028-02-29 00:00 CET

  it('compares instants, Amsterdam dates and Amsterdam wall-clock times with the right form of the cut-off', () => {
    expect(dstStart.localDate).toBe('2026-03-29');
    expect(isBeforeCutoff('2026-03-28T22:59:59Z', dstStart)).toBe(true);
    expect(isBeforeCutoff('2026-03-28T23:00:00Z', dstStart)).toBe(false);
    expect(isBeforeCutoff('2026-03-29T00:30:00+01:00', dstStart)).toBe(false);
    expect(isBeforeCutoff('2026-03-28', dstStart)).toBe(true);
    expect(isBeforeCutoff('2026-03-29', dstStart)).toBe(false);
    expect(isBeforeCutoff('2026-03-28T23:30:00', dstStart)).toBe(true); // wall clock: half an hour before midnight
    expect(isBeforeCutoff('2026-03-28 23:59:59.999', dstStart)).toBe(true);
    expect(isBeforeCutoff('2026-03-29 00:00', dstStart)).toBe(false);
    expect(isBeforeCutoff('2026-10-24T21:59:59Z', dstEnd)).toBe(true);
    expect(isBeforeCutoff('2026-10-24T22:00:00Z', dstEnd)).toBe(false);
    expect(isBeforeCutoff('2026-10-24', dstEnd)).toBe(true);
    expect(isBeforeCutoff('2028-02-28', leapDay)).toBe(true);
    expect(isBeforeCutoff('2028-02-29', leapDay)).toBe(false);
    expect(isBeforeCutoff(new Date('2028-02-28T22:59:59Z'), leapDay)).toBe(true);
  });

  it('a missing or unreadable timestamp never matches a cut-off', () => {
    for (const value of [null, '', 'soon', true, ['2020-01-01']] as FieldValue[]) {
      expect(isBeforeCutoff(value, leapDay)).toBe(false);
    }
    const selection: Selection = { timestampField: 'at', cutoff: leapDay, conditions: [], exclusions: [] };
    expect(matchesSelection(record({ at: null }), selection)).toBe(false);
    expect(matchesSelection(record({ at: '2020-01-01' }), { ...selection, timestampField: undefined })).toBe(false);
  });

  it('follows SQL for missing values: only is_null matches them, ne and not_in do not', () => {
    const missing = record({});
    expect(matchesSelection(missing, only({ field: 'status', operator: 'is_null' }))).toBe(true);
    expect(matchesSelection(missing, only({ field: 'status', operator: 'ne', value: 'open' }))).toBe(false);
    expect(matchesSelection(missing, only({ field: 'status', operator: 'not_in', value: ['open'] }))).toBe(false);
    expect(matchesSelection(missing, only({ field: 'status', operator: 'eq', value: null }))).toBe(false);
  });

  it('text contains is case-insensitive; numbers and booleans compare as such', () => {
    const row = record({ note: 'Contract SIGNED', total: 120, active: false });
    expect(matchesSelection(row, only({ field: 'note', operator: 'contains', value: 'signed' }))).toBe(true);
    expect(matchesSelection(row, only({ field: 'total', operator: 'gte', value: 120 }))).toBe(true);
    expect(matchesSelection(row, only({ field: 'total', operator: 'lt', value: '99' }))).toBe(false);
    expect(matchesSelection(row, only({ field: 'active', operator: 'eq', value: false }))).toBe(true);
    expect(matchesSelection(row, only({ field: 'total', operator: 'in', value: [1, 120] }))).toBe(true);
  });

  it('sets: contains means "has this element" for exact sets (IMAP flags), "an element contains" otherwise', () => {
    const message = record({ flags: ['\\Flagged', '$Keeper'], to: ['anna@example.org', 'bert@example.org'] }, [
      'flags',
    ]);
    expect(matchesSelection(message, only({ field: 'flags', operator: 'contains', value: '\\flagged' }))).toBe(true);
    expect(matchesSelection(message, only({ field: 'flags', operator: 'contains', value: '$Keep' }))).toBe(false);
    expect(matchesSelection(message, only({ field: 'to', operator: 'contains', value: 'bert@' }))).toBe(true);
    expect(matchesSelection(message, only({ field: 'to', operator: 'ne', value: 'anna@example.org' }))).toBe(false);
  });

  it('an exclusion group excludes only records that meet every filter in it', () => {
    const kept = record({ keep: true, note: 'held' });
    const selection = (group: Filter[]): Selection => ({ conditions: [], exclusions: [group] });
    expect(matchesSelection(kept, selection([{ field: 'keep', operator: 'eq', value: true }]))).toBe(false);
    expect(
      matchesSelection(
        kept,
        selection([
          { field: 'keep', operator: 'eq', value: true },
          { field: 'note', operator: 'contains', value: 'other' },
        ]),
      ),
    ).toBe(true);
  });
});
