import { describe, expect, it } from 'vitest';
import retentionNl from '../../../reference/retention-nl.json' with { type: 'json' };
import {
  comparePeriods,
  completeFromPreset,
  type RetentionFacts,
  retentionFindings,
  retentionPreset,
} from './retention-rules.ts';

const TODAY = '2026-11-23';

const period = (amount: number, unit: RetentionFacts['unit'], presetId: string | null = null): RetentionFacts => ({
  kind: 'period',
  amount,
  unit,
  startEvent: 'end-of-fiscal-year',
  reference: '',
  presetId,
});

const statuses = (retention: RetentionFacts) =>
  retentionFindings('Boekhouding', retention, TODAY).map((item) => [item.status, item.code]);

describe('Art. 30(1)(f) retention', () => {
  it('warns when nothing is recorded (Art. 30(1)(f): "where possible"), naming the activity', () => {
    const none: RetentionFacts = {
      kind: null,
      amount: null,
      unit: null,
      startEvent: '',
      reference: '',
      presetId: null,
    };
    expect(retentionFindings('Sollicitanten', none, TODAY)).toEqual([
      {
        itemId: '30.1.f',
        article: '30(1)(f)',
        status: 'warning',
        code: 'retention_missing',
        params: { activity: 'Sollicitanten' },
      },
    ]);
  });

  it('is complete with a period and its start event, or an until-event rule with its event', () => {
    expect(statuses(period(7, 'years'))).toEqual([['complete', 'retention_recorded']]);
    const untilEvent: RetentionFacts = {
      ...period(0, null),
      kind: 'until_event',
      amount: null,
      startEvent: 'consent-withdrawn',
    };
    expect(statuses(untilEvent)).toEqual([['complete', 'retention_recorded']]);
  });

  it('warns for an until-event rule without its event, or a period without its unit', () => {
    expect(statuses({ ...period(0, null), kind: 'until_event', startEvent: ' ' })).toEqual([
      ['warning', 'retention_missing'],
    ]);
    expect(statuses(period(7, null))).toEqual([['warning', 'retention_missing']]);
  });

  it('warns when a period has no start event', () => {
    expect(statuses({ ...period(12, 'months'), startEvent: '' })).toEqual([
      ['complete', 'retention_recorded'],
      ['warning', 'retention_start_event_missing'],
    ]);
  });
});

describe('retention presets from reference/retention-nl.json', () => {
  const lawPresets = retentionNl.periods.filter((entry) => entry.kind === 'law');

  it.each(lawPresets)('law preset $id: a shorter period warns, the statutory period does not', (entry) => {
    const preset = retentionPreset(entry.id);
    expect(preset?.amount).toBeGreaterThan(0);
    const statutory = period(preset?.amount as number, preset?.unit ?? null, entry.id);
    expect(statuses(statutory)).toEqual([['complete', 'retention_recorded']]);
    const shorter = period((preset?.amount as number) - 1, preset?.unit ?? null, entry.id);
    const findings = retentionFindings('Boekhouding', shorter, TODAY);
    expect(findings[1]).toMatchObject({
      status: 'warning',
      code: 'retention_below_legal_minimum',
      params: { reference: entry.ref, limitAmount: preset?.amount, limitUnit: preset?.unit },
    });
  });

  it('compares periods on the calendar: 84 months meet the 7-year fiscal minimum, 83 do not', () => {
    expect(statuses(period(84, 'months', 'fiscal-records'))).toEqual([['complete', 'retention_recorded']]);
    expect(statuses(period(83, 'months', 'fiscal-records')).at(-1)).toEqual([
      'warning',
      'retention_below_legal_minimum',
    ]);
  });

  it('warns when a period exceeds the authority guidance (applicants: 4 weeks)', () => {
    expect(statuses(period(4, 'weeks', 'applicants'))).toEqual([['complete', 'retention_recorded']]);
    expect(statuses(period(2, 'months', 'applicants')).at(-1)).toEqual(['warning', 'retention_above_guidance']);
  });

  it('never warns about a business policy preset', () => {
    expect(statuses(period(10, 'years', 'client-communication'))).toEqual([['complete', 'retention_recorded']]);
  });

  it('fills the period, start event and reference from a preset chosen alone', () => {
    const chosen: RetentionFacts = {
      kind: null,
      amount: null,
      unit: null,
      startEvent: '',
      reference: '',
      presetId: 'fiscal-records',
    };
    expect(completeFromPreset(chosen)).toEqual({
      kind: 'period',
      amount: 7,
      unit: 'years',
      startEvent: 'end-of-fiscal-year',
      reference: retentionNl.periods[0]?.ref,
      presetId: 'fiscal-records',
    });
    const newsletter = completeFromPreset({ ...chosen, presetId: 'newsletter' });
    expect(newsletter).toMatchObject({
      kind: 'until_event',
      amount: null,
      unit: null,
      startEvent: 'consent-withdrawn',
    });
  });

  it('keeps what the caller filled in itself', () => {
    const own = period(10, 'years', 'fiscal-records');
    expect(completeFromPreset(own)).toBe(own);
  });

  it('compares units on the calendar', () => {
    expect(comparePeriods({ amount: 7, unit: 'years' }, { amount: 84, unit: 'months' }, TODAY)).toBe(0);
    expect(comparePeriods({ amount: 12, unit: 'months' }, { amount: 52, unit: 'weeks' }, TODAY)).toBe(1);
    expect(comparePeriods({ amount: 28, unit: 'days' }, { amount: 4, unit: 'weeks' }, TODAY)).toBe(0);
  });
});
