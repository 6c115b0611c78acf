import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import {
  type DovecotServer,
  openImapClient,
  requireDovecot,
  startDovecot,
  writeMaildirMessages,
} from '../../../test/servers/dovecot.ts';
import { createMysqlTestDatabase } from '../../connectors/mysql/test-server.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';
import { executeRun } from './service.ts';

/**
 * The practices of the two seed businesses (../shared/seeds/), each enforced end to end by a policy run against a
 * real store: Dovecot, PostgreSQL, MariaDB, a directory and an HTTP API. The test clock stands at 2026-11-23.
 */

let app: TestApp;
let org: TestOrganisation;
let client: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  client = org.owner.client;
});
afterAll(async () => {
  await app?.close();
});

const api = (suffix: string) => `/api/orgs/${org.id}${suffix}`;

async function connector(name: string, kind: string, settings: Record<string, unknown>): Promise<string> {
  const response = await client.post(api('/connectors'), { name, kind, settings });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function recordType(connectorId: string, name: string, definition: Record<string, unknown>): Promise<string> {
  const response = await client.post(api(`/connectors/${connectorId}/record-types`), { name, definition });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Creates the policy, previews it, approves the preview, runs it to the end; returns the preview and the run. */
async function enforce(policy: Record<string, unknown>) {
  const created = await client.post(api('/retention/policies'), policy);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const preview = await client.post(api(`/retention/policies/${id}/previews`), {});
  expect(preview.status, JSON.stringify(preview.body)).toBe(201);
  await client.post(api(`/retention/policies/${id}/previews/${preview.body.id}/approve`), {});
  const started = await client.post(api(`/retention/policies/${id}/runs`), {});
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  await executeRun(app.ctx, started.body.id);
  const run = await client.get(api(`/retention/runs/${started.body.id}`));
  return { preview: preview.body, run: run.body };
}

const months = (amount: number) => ({ kind: 'after', amount, unit: 'months' });
const weeks = (amount: number) => ({ kind: 'after', amount, unit: 'weeks' });

describe.skipIf(!requireDovecot())('1. "all non-trivial communication is deleted after 12 months" (IMAP)', () => {
  let dovecot: DovecotServer;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('deletes old mail in INBOX and Sent, keeps flagged mail, recent mail and the Contracts folder', async () => {
    const old = new Date('2025-06-01T10:00:00Z');
    const recent = new Date('2026-01-15T10:00:00Z');
    const messages = (date: Date, count: number, maildirFlags = '') =>
      Array.from({ length: count }, () => ({ internalDate: date, maildirFlags }));
    await writeMaildirMessages(dovecot, 'INBOX', [
      ...messages(old, 5),
      ...messages(recent, 3),
      ...messages(old, 1, 'F'),
    ]);
    await writeMaildirMessages(dovecot, 'Sent', [...messages(old, 4), ...messages(recent, 2)]);
    await writeMaildirMessages(dovecot, 'Contracts', messages(old, 2));
    const mailbox = await connector('Mailbox', 'imap', {
      host: dovecot.host,
      port: dovecot.port,
      security: 'none',
      user: dovecot.user,
      password: dovecot.password,
    });
    const mail = await recordType(mailbox, 'Mail', { folders: ['INBOX', 'Sent'], keepFlag: '\\Flagged' });
    const { preview, run } = await enforce({
      name: 'Mail na 12 maanden',
      recordTypeId: mail,
      startEvent: { timestampField: 'internalDate' },
      period: months(12),
    });
    expect(preview.toAct).toBe(9);
    expect(run).toMatchObject({ status: 'completed', counts: { deleted: 9 } });
    const imap = await openImapClient(dovecot);
    try {
      const counts: Record<string, number> = {};
      for (const folder of ['INBOX', 'Sent', 'Contracts']) {
        const status = await imap.status(folder, { messages: true });
        counts[folder] = status ? (status.messages ?? -1) : -1;
      }
      expect(counts).toEqual({ INBOX: 4, Sent: 2, Contracts: 2 });
    } finally {
      await imap.logout();
    }
  });
});

describe('2. "invoices are kept for the fiscal period" (MariaDB, end of year + 7 years)', () => {
  it('deletes invoices of 2018 and earlier on the Amsterdam wall clock, keeps 2019', async () => {
    const administration = await createMysqlTestDatabase('invoices');
    try {
      await administration.client.query(
        'create table invoices (id int primary key auto_increment, client_email varchar(200), invoice_date datetime)',
      );
      await administration.client.query(
        `insert into invoices (client_email, invoice_date) values
         ('a@example.nl', '2017-05-01 12:00:00'), ('b@example.nl', '2018-12-31 23:30:00'),
         ('c@example.nl', '2019-01-01 00:00:00'), ('d@example.nl', '2024-03-01 09:00:00')`,
      );
      const mysqlConnector = await connector('Administratie', 'mysql', { ...administration.config });
      const invoices = await recordType(mysqlConnector, 'Facturen', {
        table: 'invoices',
        keyColumn: 'id',
        identityColumns: [{ column: 'client_email', kind: 'email' }],
        timestampColumns: ['invoice_date'],
      });
      const { run } = await enforce({
        name: 'Facturen na 7 jaar',
        recordTypeId: invoices,
        startEvent: { timestampField: 'invoice_date', eventId: 'end-of-fiscal-year' },
        period: { kind: 'end_of_year_plus', years: 7 },
        legalReference: { presetId: 'fiscal-records', reference: 'Art. 52 AWR' },
      });
      expect(run).toMatchObject({ status: 'completed', counts: { deleted: 2 } });
      const [rows] = await administration.client.query('select client_email from invoices order by id');
      expect((rows as { client_email: string }[]).map((row) => row.client_email)).toEqual([
        'c@example.nl',
        'd@example.nl',
      ]);
    } finally {
      await administration.drop();
    }
  });
});

describe('3. "applicant data is deleted after the procedure" (files and a table, consent keeps 1 year)', () => {
  it('deletes CVs and rows 4 weeks after the procedure closed, and consented applicants after 1 year', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'privacydesk-applicants-'));
    const crm = await createPostgresTestDatabase('applicants');
    try {
      const file = (name: string, modified: string) => {
        writeFileSync(path.join(root, name), 'cv');
        utimesSync(path.join(root, name), new Date(modified), new Date(modified));
      };
      file('cv-jansen.pdf', '2026-09-01T10:00:00Z');
      file('brief-jansen.pdf', '2026-10-01T10:00:00Z');
      file('cv-de-vries.pdf', '2026-11-10T10:00:00Z');
      const share = await connector('Sollicitaties', 'files', { root });
      const files = await recordType(share, 'Sollicitatiebestanden', { directory: '', pattern: '*.pdf' });
      const filesRun = await enforce({
        name: 'Sollicitatiebestanden na 4 weken',
        recordTypeId: files,
        startEvent: { timestampField: 'mtime' },
        period: weeks(4),
      });
      expect(filesRun.run).toMatchObject({ status: 'completed', counts: { deleted: 2 } });
      expect(readdirSync(root)).toEqual(['cv-de-vries.pdf']);

      await crm.client.query(
        'create table applicants (id serial primary key, email text, closed_on date, consented_one_year boolean not null)',
      );
      await crm.client.query(
        `insert into applicants (email, closed_on, consented_one_year) values
         ('a@example.nl', '2026-09-01', false), ('b@example.nl', '2026-09-01', true),
         ('c@example.nl', '2025-09-01', true), ('d@example.nl', '2026-11-20', false)`,
      );
      const database = await connector('Sollicitantensysteem', 'postgres', { ...crm.config });
      const applicants = await recordType(database, 'Sollicitanten', {
        table: 'applicants',
        keyColumn: 'id',
        identityColumns: [{ column: 'email', kind: 'email' }],
        timestampColumns: ['closed_on'],
      });
      const withoutConsent = await enforce({
        name: 'Sollicitanten na 4 weken',
        recordTypeId: applicants,
        startEvent: {
          timestampField: 'closed_on',
          conditions: [{ field: 'consented_one_year', operator: 'eq', value: false }],
        },
        period: weeks(4),
      });
      const withConsent = await enforce({
        name: 'Sollicitanten met toestemming na 1 jaar',
        recordTypeId: applicants,
        startEvent: {
          timestampField: 'closed_on',
          conditions: [{ field: 'consented_one_year', operator: 'eq', value: true }],
        },
        period: months(12),
      });
      expect([withoutConsent.run.counts.deleted, withConsent.run.counts.deleted]).toEqual([1, 1]);
      const left = await crm.client.query('select email from applicants order by email');
      expect(left.rows.map((row) => row.email)).toEqual(['b@example.nl', 'd@example.nl']);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await crm.drop();
    }
  });
});

describe('4. "contact-form submissions that led to a contract move to the administration" (archive)', () => {
  it('copies to MariaDB, verifies the copy, then deletes the original; the rest is deleted', async () => {
    const website = await createPostgresTestDatabase('forms');
    const administration = await createMysqlTestDatabase('contacts');
    try {
      await website.client.query(
        'create table submissions (id serial primary key, email text, name text, submitted_on date, led_to_contract boolean not null)',
      );
      await website.client.query(
        `insert into submissions (email, name, submitted_on, led_to_contract) values
         ('klant@example.nl', 'Klant', '2026-06-01', true), ('vraag@example.nl', 'Vrager', '2026-06-01', false),
         ('nieuw@example.nl', 'Nieuw', '2026-11-20', true)`,
      );
      await administration.client.query(
        'create table contacts (id int primary key auto_increment, source_key varchar(50) not null unique, email varchar(200), name varchar(200))',
      );
      const forms = await connector('Website', 'postgres', { ...website.config });
      const submissions = await recordType(forms, 'Formulieren', {
        table: 'submissions',
        keyColumn: 'id',
        identityColumns: [{ column: 'email', kind: 'email' }],
        timestampColumns: ['submitted_on'],
      });
      const admin = await connector('Administratiepakket', 'mysql', { ...administration.config });
      const contacts = await recordType(admin, 'Relaties', {
        table: 'contacts',
        keyColumn: 'id',
        identityColumns: [{ column: 'email', kind: 'email' }],
        sourceKeyColumn: 'source_key',
      });
      const condition = (value: boolean) => ({
        timestampField: 'submitted_on',
        conditions: [{ field: 'led_to_contract', operator: 'eq', value }],
      });
      const archived = await enforce({
        name: 'Formulieren met contract naar de administratie',
        recordTypeId: submissions,
        startEvent: condition(true),
        period: months(3),
        action: {
          kind: 'archive',
          targetRecordTypeId: contacts,
          fieldMapping: [
            { from: 'email', to: 'email' },
            { from: 'name', to: 'name' },
          ],
        },
      });
      expect(archived.run).toMatchObject({ status: 'completed', counts: { archived: 1 } });
      const deleted = await enforce({
        name: 'Overige formulieren',
        recordTypeId: submissions,
        startEvent: condition(false),
        period: months(3),
      });
      expect(deleted.run.counts.deleted).toBe(1);
      const [copies] = await administration.client.query('select email, name from contacts');
      expect(copies).toEqual([{ email: 'klant@example.nl', name: 'Klant' }]);
      const left = await website.client.query('select email from submissions');
      expect(left.rows).toEqual([{ email: 'nieuw@example.nl' }]);
    } finally {
      await website.drop();
      await administration.drop();
    }
  });
});

describe('5. "when someone leaves, their data is removed from the CRM" (an event column)', () => {
  it('deletes people whose left_at has passed and never those with no left_at', async () => {
    const crm = await createPostgresTestDatabase('leavers');
    try {
      await crm.client.query('create table people (id serial primary key, email text, left_at timestamptz)');
      await crm.client.query(
        `insert into people (email, left_at) values ('weg@example.nl', '2026-11-22T15:00:00+01:00'),
         ('blijft@example.nl', null), ('straks@example.nl', '2026-12-31T00:00:00+01:00')`,
      );
      const database = await connector('CRM vertrek', 'postgres', { ...crm.config });
      const people = await recordType(database, 'Personen', {
        table: 'people',
        keyColumn: 'id',
        identityColumns: [{ column: 'email', kind: 'email' }],
        timestampColumns: ['left_at'],
      });
      const { run } = await enforce({
        name: 'Vertrokken personen',
        recordTypeId: people,
        startEvent: { timestampField: 'left_at' },
        period: { kind: 'after', amount: 0, unit: 'days' },
      });
      expect(run.counts.deleted).toBe(1);
      const left = await crm.client.query('select email from people order by email');
      expect(left.rows.map((row) => row.email)).toEqual(['blijft@example.nl', 'straks@example.nl']);
    } finally {
      await crm.drop();
    }
  });
});

describe('6. a CRM with an API (HTTP connector)', () => {
  let server: Server;
  let contacts: { id: string; email: string; updatedAt: string }[];
  let throttledOnce = false;
  beforeAll(async () => {
    contacts = Array.from({ length: 250 }, (_, index) => ({
      id: `c${String(index).padStart(3, '0')}`,
      email: `contact${index}@example.nl`,
      updatedAt: index < 150 ? '2025-01-10T10:00:00Z' : '2026-10-01T10:00:00Z',
    }));
    server = createServer((request, response) => {
      if (request.headers.authorization !== 'Bearer crm-sleutel') {
        response.writeHead(401).end();
        return;
      }
      if (!throttledOnce) {
        throttledOnce = true;
        response.writeHead(429, { 'retry-after': '0' }).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://crm.test');
      const match = url.pathname.match(/^\/contacts\/(c\d+)$/);
      if (request.method === 'DELETE' && match) {
        const before = contacts.length;
        contacts = contacts.filter((contact) => contact.id !== match[1]);
        response.writeHead(before === contacts.length ? 404 : 204).end();
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('per_page') ?? 100);
      const items = contacts.slice((page - 1) * size, page * size);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: items }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('lists page by page with the secret header, survives a 429, and deletes the contacts older than 12 months', async () => {
    const port = (server.address() as AddressInfo).port;
    const crm = await connector('CRM-API', 'http', {
      baseUrl: `http://127.0.0.1:${port}`,
      authHeaderValue: 'Bearer crm-sleutel',
    });
    const listed = await client.get(api(`/connectors/${crm}`));
    expect(JSON.stringify(listed.body)).not.toContain('crm-sleutel');
    const records = await recordType(crm, 'Contacten', {
      list: {
        path: '/contacts',
        itemsPath: 'data',
        pageSizeParam: 'per_page',
        pageSize: 100,
        pagination: { kind: 'page', pageParam: 'page' },
      },
      keyField: 'id',
      timestampFields: ['updatedAt'],
      identityFields: ['email'],
      delete: { method: 'DELETE', pathTemplate: '/contacts/{key}' },
    });
    const { preview, run } = await enforce({
      name: 'Contacten na 12 maanden',
      recordTypeId: records,
      startEvent: { timestampField: 'updatedAt' },
      period: months(12),
    });
    expect(preview.toAct).toBe(150);
    expect(run).toMatchObject({ status: 'completed', counts: { deleted: 150 } });
    expect(contacts).toHaveLength(100);
    expect(contacts.every((contact) => contact.updatedAt.startsWith('2026'))).toBe(true);
  });
});
