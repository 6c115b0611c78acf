import { describe, expect, it } from 'vitest';
import retentionNl from '../../../../reference/retention-nl.json' with { type: 'json' };
import { retentionInput, START_EVENT_LABELS } from './retention.ts';

describe('retentionInput', () => {
  it('names every start event of reference/retention-nl.json in both languages', () => {
    for (const key of Object.keys(retentionNl.startEvents)) {
      expect(START_EVENT_LABELS[key]?.nl, key).toBeTruthy();
      expect(START_EVENT_LABELS[key]?.en, key).toBeTruthy();
    }
  });

  it('gives every preset a reference in both languages that names no file or seed page', () => {
    for (const period of retentionNl.periods) {
      for (const locale of ['nl', 'en'] as const) {
        const { reference } = retentionInput({ presetId: period.id }, locale);
        expect(reference, `${period.id} ${locale}`).toBeTruthy();
        expect(reference).not.toMatch(/seed|\.txt|\.json/i);
      }
    }
    expect(retentionInput({ presetId: 'payroll' }, 'nl').reference).not.toMatch(/clock|after the year/);
  });

  it('turns a statutory preset into a period with its reference', () => {
    expect(retentionInput({ presetId: 'fiscal-records' }, 'nl')).toEqual({
      kind: 'period',
      amount: 7,
      unit: 'years',
      startEvent: 'het einde van het boekjaar waar het stuk bij hoort',
      reference: expect.stringContaining('art. 52 lid 4'),
      presetId: 'fiscal-records',
    });
  });

  it('keeps weeks, months and event-bound periods as such', () => {
    expect(retentionInput({ presetId: 'applicants' }, 'en')).toMatchObject({
      kind: 'period',
      amount: 4,
      unit: 'weeks',
    });
    expect(retentionInput({ presetId: 'client-communication' }, 'en')).toMatchObject({ amount: 12, unit: 'months' });
    expect(retentionInput({ presetId: 'crm-leavers' }, 'en')).toMatchObject({
      kind: 'period',
      amount: 0,
      unit: 'months',
    });
    expect(retentionInput({ presetId: 'newsletter' }, 'en')).toMatchObject({
      kind: 'until_event',
      amount: null,
      unit: null,
      startEvent: 'the withdrawal of consent',
    });
  });

  it('uses a template’s own wording in the chosen language', () => {
    const own = {
      kind: 'until_event' as const,
      startEvent: { nl: 'Einde contract', en: 'End of contract' },
      reference: { nl: 'Art. 28', en: 'Art. 28' },
    };
    expect(retentionInput(own, 'en')).toEqual({
      kind: 'until_event',
      amount: null,
      unit: null,
      startEvent: 'End of contract',
      reference: 'Art. 28',
      presetId: null,
    });
  });
});
