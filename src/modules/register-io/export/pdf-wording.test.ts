import { describe, expect, it } from 'vitest';
import { retentionNl } from '../../../reference/index.ts';
import type { TActivity } from '../../register/contract.ts';
import { sayCount } from '../labels/document.ts';
import { completenessSentence } from './pdf-document.ts';
import { documentDate, retentionText } from './pdf-text.ts';

type Retention = TActivity['retention'];
const retention = (overrides: Partial<Retention>): Retention => ({
  kind: 'period',
  amount: 7,
  unit: 'years',
  startEvent: '',
  reference: '',
  presetId: null,
  ...overrides,
});

describe('PDF wording', () => {
  it('counts in the singular for one and the plural otherwise', () => {
    expect(sayCount('nl', 'missingItems', 1)).toBe('1 ontbrekend onderdeel');
    expect(sayCount('nl', 'missingItems', 2)).toBe('2 ontbrekende onderdelen');
    expect(sayCount('en', 'warnings', 1)).toBe('1 warning');
    expect(completenessSentence({ isComplete: false, missing: 1, warnings: 1 }, 'nl')).toBe(
      'Het register is niet volledig: 1 ontbrekend onderdeel en 1 waarschuwing (zie bijlage C).',
    );
    expect(completenessSentence({ isComplete: false, missing: 1, warnings: 3 }, 'en')).toBe(
      'The record is incomplete: 1 missing item and 3 warnings (see annex C).',
    );
    expect(completenessSentence({ isComplete: true, missing: 0, warnings: 1 }, 'nl')).toBe(
      'Het register is volledig, met 1 waarschuwing (zie bijlage C).',
    );
  });

  it('says "direct na …" instead of "0 maanden vanaf …", in both languages', () => {
    const leavers = retention({ amount: 0, unit: 'months', startEvent: 'Vertrek van de contactpersoon bij de klant' });
    expect(retentionText(leavers, 'nl')).toBe('direct na vertrek van de contactpersoon bij de klant');
    expect(retentionText({ ...leavers, startEvent: 'The contact person leaving' }, 'en')).toBe(
      'immediately after the contact person leaving',
    );
  });

  it('writes a preset’s start event in lower case and its reference in the document’s language, without file names', () => {
    const fiscal = retentionNl.periods.find((period) => period.id === 'fiscal-records');
    // As an earlier version stored it: the capitalised Dutch label and the JSON's developer note as reference.
    const stored = retention({
      startEvent: 'Einde van het boekjaar waar het stuk bij hoort',
      reference: fiscal?.ref ?? '',
      presetId: 'fiscal-records',
    });
    const dutch = retentionText(stored, 'nl');
    expect(dutch).toMatch(/^7 jaar vanaf het einde van het boekjaar waar het stuk bij hoort — art\. 52 lid 4/);
    expect(dutch).not.toMatch(/legal entities|sole traders/);
    expect(retentionText(stored, 'en')).toMatch(/^7 years from the end of the fiscal year/);
    const policy = retentionNl.periods.find((period) => period.id === 'client-communication');
    const mail = retention({
      amount: 12,
      unit: 'months',
      reference: policy?.ref ?? '',
      presetId: 'client-communication',
    });
    expect(retentionText(mail, 'nl')).not.toMatch(/seed|\.txt|Business policy/);
  });

  it('never prints a start event as the reference file’s key', () => {
    const keyed = retention({ amount: 2, unit: 'years', startEvent: 'end-of-employment' });
    expect(retentionText(keyed, 'nl')).toBe('2 jaar vanaf het einde van het dienstverband');
  });

  it('writes dates as a Dutch or English document does', () => {
    expect(documentDate('2026-11-23', 'nl')).toBe('23 november 2026');
    expect(documentDate('2018-01-01', 'en')).toBe('1 January 2018');
  });

  it('uses the singular unit for one', () => {
    expect(retentionText(retention({ amount: 1, unit: 'months' }), 'nl')).toBe('1 maand');
    expect(retentionText(retention({ amount: 1, unit: 'years' }), 'en')).toBe('1 year');
  });
});
