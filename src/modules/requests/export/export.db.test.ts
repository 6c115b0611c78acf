import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { TestClient } from '../../../../test/client.ts';
import { auditEntriesSince, auditHead } from '../../../../test/db.ts';
import { createOrganisation, type TestOrganisation } from '../../../../test/factories.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { createPostgresTestDatabase } from '../../../connectors/postgres/test-server.ts';
import { SecretBox } from '../../../platform/crypto/secret-box.ts';
import { mailMessages } from '../../../platform/mail/tables.ts';
import { buildExportPackage, expirePackages } from './service.ts';
import { subjectRequestExports } from './tables.ts';

/**
 * The export package end to end on a real database, a real PostgreSQL "CRM" and a real directory: discovery, the
 * build (the job handler called directly), the ZIP's JSON, CSV and overview PDF in the request's language, the
 * mailed link, downloads (audited, at most 5, not after expiry) and hostile values that stay inert.
 */

const HOSTILE_NAME = '<script>alert(1)</script> Anna';
const FORMULA = "=cmd|' /C calc'!A0";
const DAY = 24 * 60 * 60 * 1000;

let app: TestApp;
let org: TestOrganisation;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Fietsenmaker De Spaak' } });
  base = `/api/orgs/${org.id}`;
  crm = await createPostgresTestDatabase('request_export');
  await crm.client.query('drop table if exists klanten');
  await crm.client.query('create table klanten (id serial primary key, email text, name text, note text, amount int)');
  await crm.client.query(
    `insert into klanten (email, name, note, amount) values
       ('Anna@Example.NL', $1, $2, 12),
       ('anna@example.nl', 'Anna de Vries', '-2+3+cmd|'' /C calc''!A0', 7),
       ('iemand@anders.nl', 'Iemand Anders', 'niet van Anna', 1)`,
    [HOSTILE_NAME, FORMULA],
  );
  const owner = org.owner.client;
  const category = await owner.post(`${base}/data-categories`, {
    nameNl: 'Contactgegevens',
    nameEn: 'Contact details',
  });
  const vendor = await owner.post(`${base}/vendors`, { name: 'Mailhuis BV', kind: 'processor', country: 'NL' });
  const system = await owner.post(`${base}/systems`, { name: 'Klantenbestand', kind: 'crm' });
  const activity = await owner.post(`${base}/activities`, {
    name: 'Klantenadministratie',
    purposes: ['Reparaties uitvoeren en factureren'],
    legalBasis: 'b',
    dataCategoryIds: [category.body.id],
    systemIds: [system.body.id],
    recipientVendorIds: [vendor.body.id],
    transfers: [{ country: 'US', recipient: 'Cloudboekhouding Inc', safeguard: 'scc' }],
    retention: { kind: 'period', amount: 7, unit: 'years', startEvent: 'het einde van het boekjaar' },
    status: 'active',
  });
  expect(activity.status).toBe(201);
  const connector = await owner.post(`${base}/connectors`, {
    name: 'CRM',
    kind: 'postgres',
    settings: { ...crm.config },
    systemId: system.body.id,
  });
  await owner.post(`${base}/connectors/${connector.body.id}/record-types`, {
    name: 'Klanten',
    definition: {
      table: 'klanten',
      keyColumn: 'id',
      identityColumns: [
        { column: 'email', kind: 'email' },
        { column: 'name', kind: 'name' },
      ],
      timestampColumns: [],
    },
  });
  const root = mkdtempSync(path.join(tmpdir(), 'privacydesk-export-'));
  writeFileSync(path.join(root, 'brief.txt'), 'Beste Anna, uw fiets (anna@example.nl) is klaar.');
  const files = await owner.post(`${base}/connectors`, { name: 'Brieven', kind: 'files', settings: { root } });
  await owner.post(`${base}/connectors/${files.body.id}/record-types`, {
    name: 'Brieven',
    definition: { directory: '', pattern: '*.txt' },
  });
});

afterAll(async () => {
  await crm?.drop();
  await app?.close();
});

async function newRequest(locale: 'nl' | 'en', email = 'anna@example.nl') {
  const created = await org.owner.client.post(`${base}/requests`, {
    right: 'access',
    channel: 'email',
    receivedAt: '2026-11-20',
    requester: { name: 'Anna de Vries', email },
    locale,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Discovery, the export request and the job, as a worker would run it; returns the mailed token. */
async function builtPackage(requestId: string): Promise<{ token: string; exportId: string }> {
  const discovered = await org.owner.client.post(`${base}/requests/${requestId}/discover`, { identity: {} });
  expect(discovered.status).toBe(200);
  const queued = await org.owner.client.post(`${base}/requests/${requestId}/export`, {});
  expect(queued.status).toBe(202);
  expect(queued.body).toMatchObject({ status: 'queued', downloadsLeft: 0 });
  const job = app.jobs.sent.findLast((sent) => sent.name === 'requests.export');
  expect(job?.payload).toEqual({ orgId: org.id, exportId: queued.body.id });
  expect(await buildExportPackage(app.ctx, job?.payload as { orgId: string; exportId: string })).toBe('ready');
  const rows = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, 'requests.export_ready'));
  const texts = rows.map((row) => app.ctx.secrets.open(row.bodySealed));
  const link = texts.at(-1)?.match(new RegExp(`/p/${org.slug}/request/download\\?token=([\\w%-]+)`));
  if (!link?.[1]) throw new Error('no download link mailed');
  return { token: decodeURIComponent(link[1]), exportId: queued.body.id };
}

/** A file's text as written, byte-order mark included (TextDecoder would drop it). */
const textOf = (bytes: Uint8Array | undefined) => Buffer.from(bytes as Uint8Array).toString('utf8');
const visitor = (locale = 'nl') => new TestClient(app.http, { locale });
const download = (token: string, locale = 'nl') =>
  visitor(locale).get(`/api/public/requests/download?token=${encodeURIComponent(token)}`);

describe('the export package', () => {
  let requestId: string;
  let token: string;
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    requestId = await newRequest('nl');
    ({ token } = await builtPackage(requestId));
    const response = await download(token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="export-2026-\d{4}\.zip"$/);
    files = unzipSync(new Uint8Array(response.raw));
  });

  it('holds a JSON and a CSV file per record type and the overview, nothing of other people', () => {
    expect(Object.keys(files).sort()).toEqual([
      'Brieven/Brieven.csv',
      'Brieven/Brieven.json',
      'CRM/Klanten.csv',
      'CRM/Klanten.json',
      'overzicht.pdf',
    ]);
    const klanten = JSON.parse(strFromU8(files['CRM/Klanten.json'] as Uint8Array));
    expect(klanten).toMatchObject({ connector: 'CRM', recordType: 'Klanten', system: 'Klantenbestand' });
    expect(klanten.records.map((record: { key: string }) => record.key).sort()).toEqual(['1', '2']);
    const first = klanten.records.find((record: { key: string }) => record.key === '1');
    // Values are data, as they were stored: the JSON string holds the script tag as text.
    expect(first.fields).toMatchObject({ name: HOSTILE_NAME, note: FORMULA, amount: 12 });
    expect(strFromU8(files['CRM/Klanten.json'] as Uint8Array)).not.toContain('Iemand');
    const letter = JSON.parse(strFromU8(files['Brieven/Brieven.json'] as Uint8Array));
    expect(Buffer.from(letter.records[0].fields.content, 'base64').toString()).toContain('Beste Anna');
  });

  it('writes CSV for a Dutch spreadsheet with formulas neutralised', () => {
    const csv = textOf(files['CRM/Klanten.csv']);
    expect(csv.startsWith('\uFEFFkey;')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('key;id;email;name;note;amount');
    expect(csv).toContain(`'${FORMULA}`);
    expect(csv).toContain("'-2+3+cmd");
    expect(csv).not.toMatch(/(^|;)=cmd/m);
    expect(csv).toContain(HOSTILE_NAME);
  });

  it('explains in Dutch what was found, why, and the right to complain, as plain text', () => {
    const text = pdfText(Buffer.from(files['overzicht.pdf'] as Uint8Array)).replace(/\s+/g, ' ');
    expect(text).toContain('Overzicht van uw gegevens');
    expect(text).toContain('Fietsenmaker De Spaak');
    expect(text).toContain('Klantenbestand');
    expect(text).toContain('Reparaties uitvoeren en factureren');
    expect(text).toContain('Mailhuis BV');
    expect(text).toMatch(/Modelcontractbepalingen/);
    expect(text).toMatch(/7 jaar/);
    expect(text).toContain('Autoriteit Persoonsgegevens');
    expect(text).not.toContain('Personal data');
  });

  it('shows the desk its state and the download page what it holds, without the link', async () => {
    const list = await org.owner.client.get(`${base}/requests/${requestId}/exports`);
    expect(list.body.items[0]).toMatchObject({ status: 'ready', recordCount: 3, downloadCount: 1, downloadsLeft: 4 });
    expect(JSON.stringify(list.body)).not.toContain(token);
    const info = await visitor().get(`/api/public/requests/download-info?token=${encodeURIComponent(token)}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ organisationName: 'Fietsenmaker De Spaak', locale: 'nl', downloadsLeft: 4 });
    expect(info.body.contents).toContainEqual(
      expect.objectContaining({ system: 'Klantenbestand', recordType: 'Klanten', records: 2 }),
    );
    const request = await org.owner.client.get(`${base}/requests/${requestId}`);
    const kinds = request.body.timeline.map((event: { kind: string }) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['export_requested', 'export_built', 'export_downloaded']));
  });

  it('stores the package sealed, never readable in the database', async () => {
    const [row] = await app.ctx.db
      .select()
      .from(subjectRequestExports)
      .where(eq(subjectRequestExports.requestId, requestId));
    expect(row?.packageSealed?.includes(Buffer.from('Klanten'))).toBe(false);
    expect(row?.packageSealed?.subarray(0, 4).toString()).toBe('pdb1');
  });

  it('audits each download and stops after five', async () => {
    const head = await auditHead(app, org.id);
    for (let n = 2; n <= 5; n++) expect((await download(token)).status).toBe(200);
    const sixth = await download(token, 'en');
    expect(sixth.status).toBe(404);
    expect(sixth.body.code).toBe('export_link_used_up');
    expect(sixth.body.detail).toMatch(/maximum number of times/);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    const downloads = entries.filter((entry) => entry.action === 'subject_request.export_downloaded');
    expect(downloads).toHaveLength(4);
    expect(JSON.stringify(downloads)).not.toMatch(/anna|vries/i);
  });
});

describe('an English request, an expired link and refusals', () => {
  it('writes the overview in English and the CSV for an English spreadsheet', async () => {
    const requestId = await newRequest('en', 'Anna@example.nl');
    const { token } = await builtPackage(requestId);
    const built = await app.ctx.db
      .select({ sha256: subjectRequestExports.sha256 })
      .from(subjectRequestExports)
      .where(eq(subjectRequestExports.requestId, requestId));
    const response = await download(token, 'en');
    const files = unzipSync(new Uint8Array(response.raw));
    expect(Object.keys(files)).toContain('overview.pdf');
    expect(textOf(files['CRM/Klanten.csv']).startsWith('\uFEFFkey,id,email')).toBe(true);
    const text = pdfText(Buffer.from(files['overview.pdf'] as Uint8Array)).replace(/\s+/g, ' ');
    expect(text).toContain('Overview of your data');
    expect(text).toContain('Reparaties uitvoeren en factureren');
    expect(text).toContain('Autoriteit Persoonsgegevens');
    expect(text).toContain('Contact details');
    expect(response.headers['x-checksum-sha256']).toBe(built[0]?.sha256);

    app.clock.advance(15 * DAY);
    try {
      const expired = await download(token, 'en');
      expect(expired.status).toBe(404);
      expect(expired.body.code).toBe('export_link_expired');
      // The nightly job drops the bytes of expired packages.
      expect(await expirePackages(app.ctx)).toBeGreaterThanOrEqual(1);
      const [row] = await app.ctx.db
        .select()
        .from(subjectRequestExports)
        .where(eq(subjectRequestExports.requestId, requestId));
      expect(row).toMatchObject({ status: 'expired', packageSealed: null });
    } finally {
      app.clock.advance(-15 * DAY);
    }
  });

  it('answers 404 for a package sealed with a key the instance no longer has, and counts no download', async () => {
    const requestId = await newRequest('nl');
    const { token, exportId } = await builtPackage(requestId);
    const foreign = new SecretBox('a-key-this-instance-never-had-0123456789-abcdef').sealBytes(Buffer.from('zip'));
    await app.ctx.db
      .update(subjectRequestExports)
      .set({ packageSealed: foreign })
      .where(eq(subjectRequestExports.id, exportId));
    const response = await download(token);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('export_unreadable');
    const list = await org.owner.client.get(`${base}/requests/${requestId}/exports`);
    expect(list.body.items[0]).toMatchObject({ downloadCount: 0, downloadsLeft: 5 });
  });

  it('404s an unknown link, and refuses a package without findings or for a closed request', async () => {
    const unknown = await download('x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('export_link_invalid');
    const empty = await newRequest('nl', 'niemand@example.nl');
    const refused = await org.owner.client.post(`${base}/requests/${empty}/export`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('export_no_findings');
    await org.owner.client.post(`${base}/requests/${empty}/close`, { outcome: 'withdrawn' });
    const closed = await org.owner.client.post(`${base}/requests/${empty}/export`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('request_closed');
  });

  it('records a build that fails with the store’s code and mails nothing', async () => {
    const requestId = await newRequest('nl');
    await org.owner.client.post(`${base}/requests/${requestId}/discover`, { identity: {} });
    const queued = await org.owner.client.post(`${base}/requests/${requestId}/export`, {});
    await crm.client.query('alter table klanten rename to klanten_weg');
    try {
      expect(await buildExportPackage(app.ctx, { orgId: org.id, exportId: queued.body.id })).toBe('failed');
    } finally {
      await crm.client.query('alter table klanten_weg rename to klanten');
    }
    const list = await org.owner.client.get(`${base}/requests/${requestId}/exports`);
    expect(list.body.items[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^[a-z_]+$/) });
    // Running the job again changes nothing.
    expect(await buildExportPackage(app.ctx, { orgId: org.id, exportId: queued.body.id })).toBe('skipped');
  });
});
