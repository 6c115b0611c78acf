import { describe, expect, it } from 'vitest';
import {
  nameKey,
  readBoolean,
  readInteger,
  readItems,
  readList,
  writeBoolean,
  writeItems,
  writeList,
} from './cells.ts';

describe('list cells', () => {
  it('joins with "; " and escapes separators and backslashes inside items', () => {
    expect(writeList(['Mail', 'CRM; klanten', 'A|B', 'C:\\map'])).toBe('Mail; CRM\\; klanten; A\\|B; C:\\\\map');
  });

  it('reads back what it wrote, whatever the items hold', () => {
    const items = ['Mail', 'CRM; klanten', 'A|B', 'C:\\map', 'eind\\'];
    expect(readList(writeList(items))).toEqual(items);
  });

  it('also splits on line breaks, trims, and drops empty items', () => {
    expect(readList(' Klanten ;\nLeveranciers\r\n;; ')).toEqual(['Klanten', 'Leveranciers']);
    expect(readList('')).toEqual([]);
  });
});

describe('structured item cells', () => {
  it('writes fields with " | ", leaves trailing empty fields out, and reads them back', () => {
    const items = [
      ['primary', 'NL', 'Amsterdam', '2018-01-01', '', '', ''],
      ['backup', 'US', 'Virginia; Oost', '2020-01-01', '2021-12-31', 'Cloud | Inc', 'scc'],
    ];
    const cell = writeItems(items);
    expect(cell).toBe(
      'primary | NL | Amsterdam | 2018-01-01; backup | US | Virginia\\; Oost | 2020-01-01 | 2021-12-31 | Cloud \\| Inc | scc',
    );
    expect(readItems(cell)).toEqual([items[0]!.slice(0, 4), items[1]]);
  });

  it('keeps an empty field in the middle', () => {
    expect(readItems('ISO 27001 | | 2027-01-31')).toEqual([['ISO 27001', '', '2027-01-31']]);
  });
});

describe('yes/no and number cells', () => {
  it.each([
    ['ja', true],
    ['Yes', true],
    ['WAAR', true],
    ['1', true],
    ['nee', false],
    ['No', false],
    ['0', false],
    ['', null],
    ['  ', null],
  ])('%j → %j', (cell, value) => {
    expect(readBoolean(cell)).toEqual({ value });
  });

  it('refuses anything else rather than guessing', () => {
    expect(readBoolean('misschien')).toEqual({ error: 'invalid_boolean' });
    expect(readInteger('7')).toEqual({ value: 7 });
    expect(readInteger('')).toEqual({ value: null });
    expect(readInteger('7,5')).toEqual({ error: 'invalid_number' });
    expect(readInteger('zeven')).toEqual({ error: 'invalid_number' });
  });

  it('writes yes/no in the chosen words, and nothing for "not known"', () => {
    const words = { yes: 'ja', no: 'nee' };
    expect([true, false, null].map((value) => writeBoolean(value, words))).toEqual(['ja', 'nee', '']);
  });
});

describe('nameKey', () => {
  it('ignores case and repeated or surrounding spaces, not accents', () => {
    expect(nameKey('  Mailhuis   B.V. ')).toBe(nameKey('mailhuis b.v.'));
    expect(nameKey('Beëindigd')).not.toBe(nameKey('Beeindigd'));
  });
});
