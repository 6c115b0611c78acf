import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { writeCsv } from './formats/csv.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let app: TestApp;
let org: TestOrganisation;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Importeur B.V.' } });
  await org.owner.client.post(`/api/orgs/${org.id}/vendors`, {
    name: 'Bestaande Leverancier',
    kind: 'processor',
    country: 'NL',
  });
});
afterAll(async () => {
  await app?.close();
});

function upload(client: TestClient, target: TestOrganisation, query: string, body: string | Buffer, type = 'text/csv') {
  return client.request('POST', `/api/orgs/${target.id}/register/import?${query}`, body, { 'content-type': type });
}

/** What must not change when an import is refused: the entries and the audit trail's head. */
async function registerState(target: TestOrganisation) {
  const client = target.owner.client;
  const [vendors, systems, activities, audit] = await Promise.all([
    client.get(`/api/orgs/${target.id}/vendors?limit=1`),
    client.get(`/api/orgs/${target.id}/systems?limit=1`),
    client.get(`/api/orgs/${target.id}/activities?limit=1`),
    client.get(`/api/orgs/${target.id}/audit?limit=1`),
  ]);
  return {
    vendors: vendors.body.total,
    systems: systems.body.total,
    activities: activities.body.total,
    auditHead: audit.body.entries[0]?.seq,
  };
}

async function xlsxOf(sheetName: string, rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheetName).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const brokenVendors = writeCsv(
  [
    [
      'Naam',
      'Soort',
      'Land',
      'Hoofdverwerker',
      'Tweestapsverificatie',
      'Certificeringen (naam | kenmerk | geldig tot)',
    ],
    ['Goede Leverancier', 'Verwerker', 'NL', '', 'ja', 'ISO 27001 | C-1 | 2027-01-31'],
    ['Verkeerd Land', 'processor', 'XX', '', '', ''],
    ['Onbekende Soort', 'Bakker', 'DE', '', '', ''],
    ['', 'Verwerker', 'NL', '', '', ''],
    ['goede leverancier', 'Verwerker', 'NL', '', '', ''],
    ['Bestaande Leverancier', 'Verwerker', 'NL', '', '', ''],
    ['Wees', 'Subverwerker', 'NL', 'Niemand B.V.', 'misschien', 'SOC 2 | | 31-12-2026'],
  ],
  ';',
);

describe('POST /api/orgs/:org/register/import', () => {
  it('preview of a file of broken rows: every error with its row and column, and nothing written', async () => {
    const before = await registerState(org);
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=preview', brokenVendors);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ entity: 'vendors', rows: 7, isClean: false, created: null, sample: [] });
    const errors = response.body.errors.map(({ row, column, code }: Record<string, unknown>) => ({
      row,
      column,
      code,
    }));
    expect(errors).toEqual([
      { row: 3, column: 'Land', code: 'country_code' },
      { row: 4, column: 'Soort', code: 'unknown_option' },
      { row: 5, column: 'Naam', code: 'required' },
      { row: 6, column: 'Naam', code: 'duplicate_name' },
      { row: 7, column: 'Naam', code: 'duplicate_name' },
      { row: 8, column: 'Tweestapsverificatie', code: 'invalid_boolean' },
      { row: 8, column: 'Certificeringen (naam | kenmerk | geldig tot)', code: 'invalid_date' },
    ]);
    const messages = response.body.errors.map((error: { message: string }) => error.message);
    expect(messages).toContain('„goede leverancier” staat ook al in rij 2.');
    expect(messages).toContain('„Bestaande Leverancier” bestaat al in het register.');
    expect(messages).toContain('Onderdeel 1, geldig tot: Geen geldige datum (JJJJ-MM-DD).');
    expect(messages.find((message: string) => message.startsWith('„Bakker”'))).toMatch(
      /Kies een van: Verwerker, Subverwerker/,
    );
    expect(await registerState(org)).toEqual(before);
  });

  it('apply of the same file: 400 with the same errors, nothing written, the audit trail unchanged', async () => {
    const before = await registerState(org);
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=apply', brokenVendors);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('import_not_clean');
    expect(response.body.detail).toBe(
      'Er is niets geïmporteerd: het bestand bevat 7 fouten. Herstel ze en probeer het opnieuw.',
    );
    expect(response.body.report.errors).toHaveLength(7);
    expect(response.body.errors[0]).toMatchObject({ path: 'rows.3.Land', code: 'country_code' });
    expect(await registerState(org)).toEqual(before);
  });

  it('reports unknown parents, vendors and categories, empty required cells and bad items in systems', async () => {
    const orphan = writeCsv(
      [
        ['Name', 'Kind', 'Country', 'Parent processor'],
        ['Orphan', 'Sub-processor', 'NL', 'Nobody'],
      ],
      ',',
    );
    const vendors = await upload(org.owner.client, org, 'entity=vendors', orphan);
    expect(vendors.body.errors).toEqual([
      {
        row: 2,
        column: 'Parent processor',
        code: 'unknown_reference',
        message: '„Nobody” bestaat niet in deze organisatie.',
      },
    ]);
    const systems = await xlsxOf('systemen', [
      ['Naam', 'Soort', 'Leverancier', 'Categorieën persoonsgegevens', 'Locaties'],
      [
        'Boekhouding',
        'Administratiepakket',
        'Onbekend B.V.',
        'Contactgegevens; Schoenmaat',
        'Primair | NL | | 2020-01-01',
      ],
      ['Website', '', 'Bestaande Leverancier', 'financial', 'Primair | ZZ | | 2020-01-01; Back-up | NL | | gisteren'],
    ]);
    const before = await registerState(org);
    const refused = await upload(org.owner.client, org, 'entity=systems&mode=apply', systems, XLSX);
    expect(refused.status).toBe(400);
    expect(await registerState(org)).toEqual(before);
    const systemReport = await upload(org.owner.client, org, 'entity=systems', systems, XLSX);
    expect(systemReport.status).toBe(200);
    expect(
      systemReport.body.errors.map(({ row, column, code }: Record<string, unknown>) => ({ row, column, code })),
    ).toEqual([
      { row: 2, column: 'Leverancier', code: 'unknown_reference' },
      { row: 2, column: 'Categorieën persoonsgegevens', code: 'unknown_reference' },
      { row: 2, column: 'Categorieën persoonsgegevens', code: 'unknown_reference' },
      { row: 3, column: 'Soort', code: 'required' },
      { row: 3, column: 'Locaties', code: 'country_code' },
      { row: 3, column: 'Locaties', code: 'invalid_date' },
    ]);
    expect(refused.body.report.errors).toEqual(systemReport.body.errors);
  });

  it('reports unknown categories, systems and vendors, bad options and transfers in activities', async () => {
    const activities = writeCsv(
      [
        [
          'Name',
          'Role',
          'Legal basis (Art. 6(1))',
          'Categories of personal data',
          'Systems',
          'Recipients',
          'Transfers (country | recipient | safeguard | details)',
          'Retention: amount',
        ],
        [
          'Payroll',
          'Controller',
          'Legal obligation',
          'financial; Shoe size',
          'Payroll cloud',
          'Bestaande Leverancier',
          'US | Payroll Inc. | scc',
          '7',
        ],
        ['', 'Boss', 'z', '', '', 'Nobody Ltd', 'Mars | Martians', 'seven'],
      ],
      ',',
    );
    const response = await upload(org.owner.client, org, 'entity=activities', activities);
    expect(response.status).toBe(200);
    expect(
      response.body.errors.map(({ row, column, code }: Record<string, unknown>) => ({ row, column, code })),
    ).toEqual([
      { row: 2, column: 'Categories of personal data', code: 'unknown_reference' },
      { row: 2, column: 'Systems', code: 'unknown_reference' },
      { row: 3, column: 'Name', code: 'required' },
      { row: 3, column: 'Role', code: 'unknown_option' },
      { row: 3, column: 'Legal basis (Art. 6(1))', code: 'unknown_option' },
      { row: 3, column: 'Recipients', code: 'unknown_reference' },
      { row: 3, column: 'Transfers (country | recipient | safeguard | details)', code: 'country_code' },
      { row: 3, column: 'Retention: amount', code: 'invalid_number' },
    ]);
  });

  it('refuses a file over 10 MB with 413 file_too_large, writing nothing', async () => {
    const before = await registerState(org);
    const line = `${'x'.repeat(1023)}\n`;
    const big = `Naam;Soort;Land\n${line.repeat(Math.ceil((10.5 * 1024 * 1024) / line.length))}`;
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=apply', big);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'file_too_large',
      detail: 'Het bestand is te groot (maximaal 10 MB).',
    });
    expect(await registerState(org)).toEqual(before);
  });

  it('refuses a file that is not a workbook but claims to be one with 400 file_unreadable', async () => {
    const before = await registerState(org);
    const renamed = Buffer.from('%PDF-1.7\nthis is not a spreadsheet\n');
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=apply', renamed, XLSX);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('file_unreadable');
    const zipButNoWorkbook = Buffer.from(`504b0304${'00'.repeat(60)}`, 'hex');
    expect((await upload(org.owner.client, org, 'entity=vendors', zipButNoWorkbook, XLSX)).body.code).toBe(
      'file_unreadable',
    );
    const workbookAsCsv = await xlsxOf('leveranciers', [['Naam']]);
    expect((await upload(org.owner.client, org, 'entity=vendors', workbookAsCsv, 'text/csv')).body.code).toBe(
      'file_unreadable',
    );
    expect(await registerState(org)).toEqual(before);
  });

  it('a viewer may not import (403)', async () => {
    const viewer = await addMember(app, org, 'viewer');
    const response = await upload(viewer.client, org, 'entity=vendors&mode=preview', brokenVendors);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('role_insufficient');
  });

  it('a clean file: preview shows a sample, apply creates every row in one go and records the import', async () => {
    const file = writeCsv(
      [
        ['Naam', 'Soort', 'Land', 'Hoofdverwerker', 'Certificeringen (naam | kenmerk | geldig tot)'],
        ['Subverwerker Een', 'Subverwerker', 'BE', 'Hoofd B.V.', ''],
        ['Hoofd B.V.', 'Verwerker', 'nl', '', 'ISO 27001 | A-9 | 2028-01-01; NEN 7510'],
      ],
      ';',
    );
    const preview = await upload(org.owner.client, org, 'entity=vendors&mode=preview', file);
    expect(preview.body).toMatchObject({ isClean: true, rows: 2, created: null, errors: [] });
    expect(preview.body.sample[0]).toMatchObject({
      name: 'Subverwerker Een',
      kind: 'sub_processor',
      country: 'BE',
      parentVendor: 'Hoofd B.V.',
    });
    const applied = await upload(org.owner.client, org, 'entity=vendors&mode=apply', file);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ isClean: true, rows: 2, created: 2 });
    const vendors = await org.owner.client.get(`/api/orgs/${org.id}/vendors?q=B`);
    const parent = vendors.body.items.find((vendor: { name: string }) => vendor.name === 'Hoofd B.V.');
    expect(parent).toMatchObject({
      country: 'NL',
      certifications: [{ name: 'ISO 27001', reference: 'A-9', validUntil: '2028-01-01' }, { name: 'NEN 7510' }],
    });
    const child = (await org.owner.client.get(`/api/orgs/${org.id}/vendors?q=Subverwerker`)).body.items[0];
    expect(child.parentVendor).toEqual({ id: parent.id, name: 'Hoofd B.V.' });
    const audit = await org.owner.client.get(`/api/orgs/${org.id}/audit?action=register.imported`);
    expect(audit.body.entries[0].data).toEqual({ entity: 'vendors', rows: 2, created: 2 });
  });

  it('answers a JSON body with 415 and an empty file with its problems, writing nothing', async () => {
    const before = await registerState(org);
    const json = await org.owner.client.post(`/api/orgs/${org.id}/register/import?entity=vendors&mode=apply`, {});
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const empty = await upload(org.owner.client, org, 'entity=vendors&mode=apply', '');
    expect(empty.status).toBe(400);
    expect(empty.body.report.errors.map((error: { code: string }) => error.code)).toEqual([
      'missing_column',
      'no_rows',
    ]);
    expect(await registerState(org)).toEqual(before);
  });

  it('reads a CSV that Dutch Excel saved in Windows-1252', async () => {
    const text = 'Naam;Soort;Land;Notities\r\nBakkerij Beëindigd;Verwerker;NL;Crème brûlée\r\n';
    const bytes = Buffer.from(text.replace('ë', '\xeb').replace('è', '\xe8').replace('û', '\xfb'), 'latin1');
    expect(bytes.includes(Buffer.from('ë'))).toBe(false);
    const response = await upload(
      org.owner.client,
      org,
      'entity=vendors&mode=preview',
      bytes,
      'application/vnd.ms-excel',
    );
    expect(response.body).toMatchObject({
      isClean: true,
      sample: [{ name: 'Bakkerij Beëindigd', notes: 'Crème brûlée' }],
    });
  });

  it('refuses a file wider than 200 columns before any work per column (CSV and XLSX)', async () => {
    const before = await registerState(org);
    const wideHeader = `${Array.from({ length: 200_000 }, (_, index) => `kolom${index}`).join(';')}\r\nx\r\n`;
    const startedAt = Date.now();
    const wide = await upload(org.owner.client, org, 'entity=vendors&mode=preview', wideHeader);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(wide.status).toBe(400);
    expect(wide.body).toMatchObject({
      code: 'too_many_columns',
      detail: 'Het bestand heeft te veel kolommen (maximaal 200).',
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('leveranciers');
    sheet.addRow(['Naam', 'Soort', 'Land']);
    sheet.getCell(2, 201).value = 'te ver';
    const wideWorkbook = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await upload(org.owner.client, org, 'entity=vendors&mode=preview', wideWorkbook, XLSX);
    expect(refused.body.code).toBe('too_many_columns');
    const padded = writeCsv(
      [
        ['Naam', 'Soort', 'Land', ...Array(300).fill('')],
        ['Padded B.V.', 'Verwerker', 'NL'],
      ],
      ';',
    );
    const accepted = await upload(org.owner.client, org, 'entity=vendors&mode=preview', padded);
    expect(accepted.body).toMatchObject({ isClean: true, rows: 1 });
    expect(await registerState(org)).toEqual(before);
  });

  it('refuses a workbook that would unpack to more than 32 MB, before unpacking it', async () => {
    const bomb = Buffer.from(
      zipSync({
        '[Content_Types].xml': new Uint8Array(10),
        'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024),
      }),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=apply', bomb, XLSX);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'file_unpacks_too_large',
      detail: expect.stringContaining('(maximaal 32 MB)'),
    });
  });

  it('keeps answering health probes while a large file is read', async () => {
    const rows = [['Naam', 'Soort', 'Land', 'Notities']];
    for (let index = 0; index < 100_000; index += 1) {
      rows.push([`Leverancier ${index}`, 'Verwerker', 'NL', 'x'.repeat(50)]);
    }
    const file = writeCsv(rows, ';');
    expect(file.length).toBeGreaterThan(8_000_000);
    let isImporting = true;
    const probeTimes: number[] = [];
    const probing = (async () => {
      while (isImporting) {
        const sentAt = performance.now();
        const probe = await app.http.inject({ method: 'GET', url: '/healthz' });
        expect(probe.statusCode).toBe(200);
        probeTimes.push(performance.now() - sentAt);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const startedAt = performance.now();
    const response = await upload(org.owner.client, org, 'entity=vendors&mode=preview', file);
    const importTime = performance.now() - startedAt;
    isImporting = false;
    await probing;
    expect(response.body.errors.map((error: { code: string }) => error.code)).toEqual(['too_many_rows']);
    // Read on the request thread, a probe would wait for the whole parse; read off it, probes keep coming.
    expect(Math.max(...probeTimes)).toBeLessThan(importTime / 4);
    expect(probeTimes.length).toBeGreaterThan(5);
  }, 120_000);
});
