import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { addMember, createOrganisation, type TestOrganisation, type TestPerson } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { buildRegister } from '../../../test/register-fixture.ts';
import { gdprItems } from '../../reference/index.ts';
import { ZRegisterDocument } from './contract.ts';
import { parseCsv, UTF8_BOM } from './formats/csv.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let viewer: TestPerson;

const exportUrl = (query: string, target = org) => `/api/orgs/${target.slug}/register/export?${query}`;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Klaverweide Zuivel B.V.', kvkNumber: '87654321' } });
  await org.owner.client.patch(`/api/orgs/${org.id}`, {
    privacyContact: { kind: 'dpo', name: 'Fenna Functionaris', email: 'fg@klaverweide.example' },
  });
  await buildRegister(org.owner.client, org.id);
  other = await createOrganisation(app, { input: { name: 'Andere Organisatie B.V.' } });
  await other.owner.client.post(`/api/orgs/${other.id}/vendors`, {
    name: 'Geheime Leverancier',
    kind: 'processor',
    country: 'NL',
  });
  viewer = await addMember(app, org, 'viewer');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/orgs/:org/register/export', () => {
  it('json: the versioned document with the organisation, every entity and the completeness check', async () => {
    const response = await viewer.client.get(exportUrl('format=json&locale=en'));
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="register-klaverweide-zuivel-b-v-2026-11-23\.json"/,
    );
    const document = ZRegisterDocument.parse(JSON.parse(response.raw.toString('utf8')));
    expect(document).toMatchObject({
      format: 'privacydesk.register',
      version: 1,
      exportedAt: '2026-11-23T09:00:00.000Z',
      locale: 'en',
      organisation: {
        name: 'Klaverweide Zuivel B.V.',
        kvkNumber: '87654321',
        privacyContact: { kind: 'dpo', name: 'Fenna Functionaris' },
      },
    });
    expect(document.vendors.map((vendor) => vendor.name)).toEqual([
      'Backupper GmbH',
      'Cloudreus Inc.',
      'Mailhuis B.V.',
    ]);
    expect(document.systems.map((system) => [system.name, system.locations.length])).toEqual([
      ['CRM; klanten', 1],
      ['Mailbox', 2],
    ]);
    const customers = document.activities.find((activity) => activity.name === 'Klantadministratie');
    expect(customers?.systems.map((ref) => ref.name).sort()).toEqual(['CRM; klanten', 'Mailbox']);
    expect(document.completeness.summary.activities).toBe(2);
  });

  it('xlsx: one sheet per entity with a frozen header row and an autofilter, in the chosen language', async () => {
    const response = await org.owner.client.get(exportUrl('format=xlsx&locale=nl'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      response.raw.buffer.slice(
        response.raw.byteOffset,
        response.raw.byteOffset + response.raw.byteLength,
      ) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'verwerkingsactiviteiten',
      'systemen',
      'locaties',
      'leveranciers',
      'categorieen-persoonsgegevens',
      'categorieen-betrokkenen',
    ]);
    const activities = workbook.getWorksheet('verwerkingsactiviteiten')!;
    expect(activities.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(activities.autoFilter).toBeTruthy();
    const header = (activities.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Naam', 'Rol', 'Status']);
    const row = activities.getRow(2).values as string[];
    const cell = (name: string) => row[header.indexOf(name) + 1];
    expect(cell('Naam')).toBe('Hosting voor klanten');
    const customers = activities.getRow(3).values as string[];
    expect(customers[header.indexOf('Doeleinden') + 1]).toBe('Klanten bedienen; Facturen\\; aanmaningen');
    expect(customers[header.indexOf('Systemen') + 1]).toBe('CRM\\; klanten; Mailbox');
    const locations = workbook.getWorksheet('locaties')!;
    expect(locations.rowCount).toBe(4);
  });

  it('csv with an entity: one UTF-8 file with a byte-order mark, `;` in Dutch and `,` in English', async () => {
    const dutch = await org.owner.client.get(exportUrl('format=csv&entity=vendors&locale=nl'));
    expect(dutch.status).toBe(200);
    expect(dutch.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = dutch.raw.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const { records } = parseCsv(text);
    expect(records[0]?.slice(0, 3)).toEqual(['Naam', 'Soort', 'Hoofdverwerker']);
    expect(records.slice(1).map((record) => record.slice(0, 3))).toEqual([
      ['Backupper GmbH', 'Subverwerker', 'Mailhuis B.V.'],
      ['Cloudreus Inc.', 'Verwerker', ''],
      ['Mailhuis B.V.', 'Verwerker', ''],
    ]);
    const english = await org.owner.client.get(exportUrl('format=csv&entity=vendors&locale=en'));
    const firstLine = english.raw.toString('utf8').split('\r\n')[0];
    expect(firstLine).toMatch(/^\uFEFFName,Kind,Parent processor,/);
  });

  it('csv without an entity: a ZIP with one CSV per entity', async () => {
    const response = await org.owner.client.get(exportUrl('format=csv&locale=en'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.raw));
    expect(Object.keys(files).sort()).toEqual([
      'activities.csv',
      'data-categories.csv',
      'locations.csv',
      'subject-categories.csv',
      'systems.csv',
      'vendors.csv',
    ]);
    const systems = parseCsv(strFromU8(files['systems.csv']!)).records;
    expect(systems.map((record) => record[0])).toEqual(['Name', 'CRM; klanten', 'Mailbox']);
  });

  it.each(['nl', 'en'] as const)('pdf (%s): the Art. 30 document with every item labelled', async (locale) => {
    const response = await org.owner.client.get(exportUrl(`format=pdf&locale=${locale}`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.raw).replace(/\s+/g, ' ');
    const title = locale === 'nl' ? 'Register van verwerkingsactiviteiten' : 'Record of processing activities';
    expect(text).toContain(title);
    expect(text).toContain('Klaverweide Zuivel B.V.');
    expect(text).toContain('87654321');
    expect(text).toContain('Fenna Functionaris');
    expect(text).toContain('Klantadministratie');
    expect(text).toContain('Boerderij Het Klaverblad');
    for (const item of [...gdprItems.art30_1_controller, ...gdprItems.art30_2_processor]) {
      expect(text).toContain(`(${item.id}) ${item[locale]}`.replace(/\s+/g, ' '));
    }
    expect(text).toContain(locale === 'nl' ? 'Pagina 1 van' : 'Page 1 of');
    expect(text).toContain(locale === 'nl' ? 'Bijlage A — Systemen en locaties' : 'Annex A — Systems and locations');
  });

  it('pdf with a progressId: the progress route follows it to done, for that organisation only', async () => {
    const progressId = crypto.randomUUID();
    const progressUrl = (target = org, id: string = progressId) =>
      `/api/orgs/${target.slug}/register/export/progress?id=${id}`;
    expect((await viewer.client.get(progressUrl())).status).toBe(404);
    const response = await viewer.client.get(exportUrl(`format=pdf&progressId=${progressId}`));
    expect(response.status).toBe(200);
    const progress = await viewer.client.get(progressUrl());
    expect(progress.status).toBe(200);
    expect(progress.body).toEqual({ phase: 'done' });
    // Another organisation's member learns nothing of it, not even through their own organisation.
    expect((await other.owner.client.get(progressUrl())).status).toBe(404);
    expect((await other.owner.client.get(progressUrl(other))).status).toBe(404);
    const notAnId = await viewer.client.get(progressUrl(org, 'nope'));
    expect(notAnId.status).toBe(400);
  });

  it('records each export in the audit trail: format and counts, no content', async () => {
    const response = await org.owner.client.get(`/api/orgs/${org.id}/audit?action=register.exported&limit=50`);
    expect(response.status).toBe(200);
    const formats = response.body.entries.map((entry: { data: { format: string } }) => entry.data.format);
    expect(formats).toEqual(expect.arrayContaining(['json', 'xlsx', 'csv', 'pdf']));
    const json = response.body.entries.find((entry: { data: { format: string } }) => entry.data.format === 'json');
    expect(json.data).toEqual({
      format: 'json',
      locale: 'en',
      entity: null,
      counts: {
        activities: 2,
        systems: 2,
        locations: 3,
        vendors: 3,
        data_categories: expect.any(Number),
        subject_categories: expect.any(Number),
      },
    });
  });

  it("never shows another organisation's entries, and answers 404 for an organisation that is not the caller's", async () => {
    const own = await org.owner.client.get(exportUrl('format=json'));
    expect(own.raw.toString('utf8')).not.toContain('Geheime Leverancier');
    const foreign = await org.owner.client.get(exportUrl('format=json', other));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('organisation_not_found');
  });

  it('refuses an entity for anything but CSV, and an unknown format, with a localised field error', async () => {
    const pdf = await org.owner.client.get(exportUrl('format=pdf&entity=vendors'));
    expect(pdf.status).toBe(400);
    expect(pdf.body.errors).toEqual([
      { path: 'entity', code: 'entity_csv_only', message: 'Een onderdeel kiezen kan alleen bij een CSV-export.' },
    ]);
    const unknown = await org.owner.client.get(exportUrl('format=docx'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'querystring.format', code: 'invalid_option' });
  });
});
