import { describe, expect, it } from 'vitest';
import { detectSeparator, neutraliseFormula, parseCsv, restoreFormulaText, UTF8_BOM, writeCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks inside them', () => {
    const text = 'Naam;Omschrijving\r\n"Mail; agenda";"Zegt ""hallo""\r\nen tot ziens"\r\nCRM;gewoon\r\n';
    expect(parseCsv(text)).toEqual({
      records: [
        ['Naam', 'Omschrijving'],
        ['Mail; agenda', 'Zegt "hallo"\r\nen tot ziens'],
        ['CRM', 'gewoon'],
      ],
      unterminatedQuoteAtRecord: null,
    });
  });

  it('drops the byte-order mark, accepts LF and CR line ends and a missing final line end', () => {
    expect(parseCsv(`${UTF8_BOM}a,b\nc,d\re,f`).records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps empty fields, also at the end of a record', () => {
    expect(parseCsv('a;;c;\n;;;\n').records).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('says which record a never-closed quote swallowed', () => {
    const result = parseCsv('naam,land\n"Open,NL\nNog een,DE\n');
    expect(result.unterminatedQuoteAtRecord).toBe(1);
    expect(result.records[1]).toEqual(['Open,NL\nNog een,DE\n']);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['Naam;Land;Regio', ';'],
    ['Name,Country,Region', ','],
    ['"Naam, volledig";Land', ';'],
    ['"a;b",c,d', ','],
    ['Naam', ';'],
  ])('%s → %s', (header, separator) => {
    expect(detectSeparator(`${header}\nx`)).toBe(separator);
  });
});

describe('writeCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and quotes only what needs it', () => {
    expect(writeCsv([['a', 'b;c', 'd"e', 'f\ng']], ';')).toBe(`${UTF8_BOM}a;"b;c";"d""e";"f\ng"\r\n`);
    expect(writeCsv([['a', 'b;c', 'x,y']], ',')).toBe(`${UTF8_BOM}a,b;c,"x,y"\r\n`);
  });

  it('reads back exactly what it wrote', () => {
    const records = [
      ['Naam', 'Omschrijving', 'Leeg'],
      ['Bakkerij "De Korenschoof"', 'regel 1\r\nregel 2; met puntkomma, en komma', ''],
      ['Beëindigd', 'ü ß € 😀', '   spaties   '],
    ];
    for (const separator of [';', ','] as const) {
      expect(parseCsv(writeCsv(records, separator)).records).toEqual(records);
    }
  });

  it('keeps formulas from running when a spreadsheet opens the file, and the import restores the text', () => {
    expect(writeCsv([['=HYPERLINK("http://x")', '+31 6 1234', '-5', '@SUM(A1)']], ',')).toBe(
      `${UTF8_BOM}"'=HYPERLINK(""http://x"")",'+31 6 1234,'-5,'@SUM(A1)\r\n`,
    );
    for (const value of ['=1+1', '+31 6 1234', '@x', '-x', "'quoted", 'plain', '-5', "'=x", "''+1", '\tx']) {
      expect(restoreFormulaText(neutraliseFormula(value))).toBe(value);
    }
  });

  it.each(["-2+3+cmd|' /C calc'!A0", '-1+1', '+1', '=1', '@SUM(1)', '\t=1', '\r=1'])(
    'neutralises every cell that starts like a formula: %j',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );
});
