import { describe, expect, it } from 'vitest';
import { changedFields, pick } from './changes.ts';

describe('changedFields', () => {
  const current = {
    name: 'Salarisadministratie',
    ownerUserId: null,
    reviewDate: null,
    purposes: ['Loon betalen', 'Aangifte doen'],
    systemIds: ['a', 'b'],
    retention: { kind: 'period', amount: 7, unit: 'years' },
    updatedAt: new Date('2026-11-23T09:00:00Z'),
  };

  it('names only the fields whose value differs, sorted', () => {
    const next = { ...current, reviewDate: '2027-06-01', ownerUserId: 'user-1' };
    expect(changedFields(current, next)).toEqual(['ownerUserId', 'reviewDate']);
  });

  it('finds nothing when a form is saved unchanged', () => {
    expect(changedFields(current, { ...current, retention: { unit: 'years', amount: 7, kind: 'period' } })).toEqual([]);
  });

  it('keeps the order of ordered lists, ignores it for sets of ids', () => {
    const next = { purposes: ['Aangifte doen', 'Loon betalen'], systemIds: ['b', 'a'] };
    expect(changedFields(current, next, { unordered: ['systemIds'] })).toEqual(['purposes']);
    expect(changedFields(current, { systemIds: ['a'] }, { unordered: ['systemIds'] })).toEqual(['systemIds']);
  });

  it('compares dates by instant and treats absent as null', () => {
    expect(changedFields(current, { updatedAt: new Date('2026-11-23T09:00:00Z') })).toEqual([]);
    expect(changedFields({ until: undefined } as { until?: string | null }, { until: null })).toEqual([]);
    expect(changedFields({ until: null }, { until: '2026-12-31' })).toEqual(['until']);
  });

  it('leaves out fields the request does not give', () => {
    expect(changedFields(current, { name: undefined, reviewDate: null })).toEqual([]);
  });
});

describe('pick', () => {
  it('takes the named fields of a row', () => {
    expect(pick({ a: 1, b: 2, c: 3 }, ['a', 'c'])).toEqual({ a: 1, c: 3 });
  });
});
