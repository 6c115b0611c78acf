import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/pdf-text.ts';
import { sampleSnapshot } from '../../../../test/register-snapshot.ts';
import { ZRegisterDocument } from '../contract.ts';
import { parseCsv } from '../formats/csv.ts';
import { entityCsv, registerCsvZip } from './csv-files.ts';
import { registerJson } from './json.ts';
import { registerPdf } from './pdf-document.ts';
import { registerPdfOffThread } from './pdf-off-thread.ts';
import { registerXlsx } from './xlsx.ts';

describe('register export formats (a register built by hand, no database)', () => {
  it('csv: the locations of every system, one row each, with the transfer judgement', () => {
    const [header, ...rows] = parseCsv(entityCsv(sampleSnapshot(), 'locations', 'en')).records;
    expect(header).toEqual([
      'System',
      'Role',
      'Country',
      'Region',
      'Provider',
      'Since',
      'Until',
      'Transfer (assessment)',
      'Transfer safeguard',
      'Safeguard details',
      'Transfer impact assessment on',
      'Transfer impact assessment: document or note',
      'Notes',
    ]);
    expect(rows).toEqual([
      ['Mailbox', 'Primary', 'NL', 'Amsterdam', '', '2018-01-01', '', 'Inside the EEA', '', '', '', '', ''],
      [
        'Mailbox',
        'Offsite backup',
        'US',
        'Virginia',
        'Cloudreus Inc.',
        '2020-01-01',
        '',
        'Safeguard required',
        'Standard contractual clauses (SCC)',
        'SCC module 3, 2021',
        '2021-09-01',
        'TIA Cloudreus 2021',
        '',
      ],
    ]);
  });

  it('csv: category names in the export language, escaped where they hold a separator', () => {
    const [header, row] = parseCsv(entityCsv(sampleSnapshot(), 'systems', 'nl')).records;
    expect(row?.[header!.indexOf('Categorieën persoonsgegevens')]).toBe('Contactgegevens; Gezondheid\\; allergieën');
    expect(row?.[header!.indexOf('Omschrijving')]).toBe('Gedeelde mailbox | info@');
  });

  it('zip: the six entity files, named in the export language', () => {
    const files = unzipSync(new Uint8Array(registerCsvZip(sampleSnapshot(), 'nl')));
    expect(Object.keys(files)).toEqual([
      'verwerkingsactiviteiten.csv',
      'systemen.csv',
      'locaties.csv',
      'leveranciers.csv',
      'categorieen-persoonsgegevens.csv',
      'categorieen-betrokkenen.csv',
    ]);
    expect(parseCsv(strFromU8(files['leveranciers.csv']!)).records).toHaveLength(3);
  });

  it('json: a document its own schema accepts', () => {
    const document = ZRegisterDocument.parse(JSON.parse(registerJson(sampleSnapshot(), 'nl').toString('utf8')));
    expect(document.activities.map((activity) => activity.name)).toEqual(['Facturatie', 'Hosting voor klanten']);
  });

  it('xlsx: every value is text, so a spreadsheet never turns a date or a code into something else', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await registerXlsx(sampleSnapshot(), 'en');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const activities = workbook.getWorksheet('activities')!;
    const header = (activities.getRow(1).values as string[]).slice(1);
    const reviewDate = activities.getRow(2).getCell(header.indexOf('Review date') + 1);
    expect(reviewDate.type).toBe(ExcelJS.ValueType.String);
    expect(reviewDate.value).toBe('2027-06-01');
    expect(activities.getRow(2).getCell(header.indexOf('Completeness') + 1).value).toBe('1 missing, 0 warnings');
  });

  it('pdf: transfers outside the EEA per activity, from its transfers, system locations and recipients', async () => {
    const text = pdfText(await registerPdf(sampleSnapshot(), 'en')).replace(/\s+/g, ' ');
    expect(text).toContain('Switzerland (CH) — Zwitserse bank: Adequacy decision');
    expect(text).toContain(
      'United States (US) — Mailbox (Offsite backup): Standard contractual clauses (SCC): SCC module 3, 2021',
    );
    expect(text).toContain('United States (US) — Cloudreus Inc.: no safeguard recorded');
    expect(text).toContain('7 years from einde boekjaar — art. 52 AWR');
    expect(text).toContain('Annex C — Completeness');
    expect(text).toContain('Missing Beveiligingsmaatregelen Beschrijf de beveiligingsmaatregelen.');
  });

  it('pdf in a worker thread (large registers): the same document', { timeout: 60_000 }, async () => {
    const [inPlace, offThread] = await Promise.all([
      registerPdf(sampleSnapshot(), 'nl'),
      registerPdfOffThread(sampleSnapshot(), 'nl'),
    ]);
    expect(offThread.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(offThread)).toBe(pdfText(inPlace));
  });
});
