import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';

/**
 * Discovery for a request against a real PostgreSQL "CRM" and a real directory of files, the person written in
 * other forms than they gave (e-mail case, phone formats, IBAN with spaces); a register system without a connector
 * must be checked by hand before the request can be closed.
 */

let app: TestApp;
let org: TestOrganisation;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let requestId: string;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  crm = await createPostgresTestDatabase('discovery');
  await crm.client.query('drop table if exists contacts');
  await crm.client.query('create table contacts (id serial primary key, email text, phone text, name text, iban text)');
  await crm.client.query(
    `insert into contacts (email, phone, name, iban) values
       ('Anna.de.Vries@Example.NL', '06-12345678', 'Anna de Vries', 'NL91 ABNA 0417 1643 00'),
       ('anna@elders.nl', '+31 6 12345678', 'A. de Vries', null),
       ('someone@else.nl', '0201234567', 'Iemand Anders', 'NL20INGB0001234567'),
       (null, null, 'Geen Gegevens', 'NL91ABNA0417164300')`,
  );
  const base = `/api/orgs/${org.id}`;
  const system = await org.owner.client.post(`${base}/systems`, { name: 'CRM', kind: 'crm' });
  await org.owner.client.post(`${base}/systems`, {
    name: 'Papieren archief',
    kind: 'other',
    ownerUserId: org.owner.id,
  });
  const connector = await org.owner.client.post(`${base}/connectors`, {
    name: 'CRM-database',
    kind: 'postgres',
    settings: { ...crm.config },
    systemId: system.body.id,
  });
  expect(connector.status).toBe(201);
  const recordType = await org.owner.client.post(`${base}/connectors/${connector.body.id}/record-types`, {
    name: 'Contacten',
    definition: {
      table: 'contacts',
      keyColumn: 'id',
      identityColumns: [
        { column: 'email', kind: 'email' },
        { column: 'phone', kind: 'phone' },
        { column: 'name', kind: 'name' },
        { column: 'iban', kind: 'iban' },
      ],
      timestampColumns: [],
    },
  });
  expect(recordType.status).toBe(201);

  const root = mkdtempSync(path.join(tmpdir(), 'privacydesk-discovery-'));
  writeFileSync(path.join(root, 'brief-anna.txt'), 'Geachte mevrouw, uw nummer 0612345678 is genoteerd.');
  writeFileSync(path.join(root, 'brief-ander.txt'), 'Geachte heer, niets over haar.');
  const files = await org.owner.client.post(`${base}/connectors`, {
    name: 'Brieven',
    kind: 'files',
    settings: { root },
  });
  await org.owner.client.post(`${base}/connectors/${files.body.id}/record-types`, {
    name: 'Brieven',
    definition: { directory: '', pattern: '*.txt' },
  });

  const request = await org.owner.client.post(`${base}/requests`, {
    right: 'access',
    channel: 'email',
    receivedAt: '2026-11-20',
    requester: { name: 'Anna de Vries', email: 'anna.de.vries@example.nl', phone: '+31612345678' },
    locale: 'nl',
  });
  expect(request.status).toBe(201);
  requestId = request.body.id;
});

afterAll(async () => {
  await crm?.drop();
  await app?.close();
});

describe('discovery for a request', () => {
  it('finds the person in every store in the forms stores hold, and lists what must be checked by hand', async () => {
    const response = await org.owner.client.post(`/api/orgs/${org.id}/requests/${requestId}/discover`, {
      identity: { ibans: ['NL91ABNA0417164300'] },
    });
    expect(response.status).toBe(200);
    const { discovery, request } = response.body;
    const contacts = discovery.connectors.find((c: { connectorName: string }) => c.connectorName === 'CRM-database');
    const found = contacts.recordTypes[0];
    expect(found.error).toBeNull();
    // Row 1 (e-mail in other case, 06- phone, name, spaced IBAN), row 2 (+31 phone), row 4 (compact IBAN); not row 3.
    expect(found.records.map((record: { key: string }) => record.key).sort()).toEqual(['1', '2', '4']);
    const first = found.records.find((record: { key: string }) => record.key === '1');
    expect(first.matchedBy.map((match: { kind: string }) => match.kind).sort()).toEqual([
      'email',
      'iban',
      'name',
      'phone',
    ]);
    const letters = discovery.connectors.find((c: { connectorName: string }) => c.connectorName === 'Brieven');
    expect(letters.recordTypes[0].records.map((record: { key: string }) => record.key)).toEqual(['brief-anna.txt']);
    expect(discovery.searchedFor).toEqual({ email: 1, phone: 1, name: 1, iban: 1 });
    expect(discovery.manualChecks.map((check: { system: { name: string } }) => check.system.name)).toEqual([
      'Papieren archief',
    ]);
    expect(discovery.manualChecks[0].owner).toEqual({ id: org.owner.id, name: expect.any(String) });
    expect(request.manualChecks).toEqual([
      expect.objectContaining({ checkedAt: null, owner: { id: org.owner.id, name: expect.any(String) } }),
    ]);
    const run = request.timeline.find((event: { kind: string }) => event.kind === 'discovery_run');
    expect(run.data.totalFound).toBe(4);
    expect(JSON.stringify(run.data)).not.toMatch(/anna|vries|NL91/i);
  });

  it('reports a store that cannot be searched instead of hiding it', async () => {
    await crm.client.query('alter table contacts rename to contacts_moved');
    try {
      const response = await org.owner.client.post(`/api/orgs/${org.id}/discover`, {
        identity: { emails: ['anna.de.vries@example.nl'] },
      });
      expect(response.status).toBe(200);
      const contacts = response.body.connectors.find(
        (c: { connectorName: string }) => c.connectorName === 'CRM-database',
      );
      expect(contacts.recordTypes[0]).toMatchObject({
        found: 0,
        error: expect.objectContaining({ code: expect.any(String) }),
      });
    } finally {
      await crm.client.query('alter table contacts_moved rename to contacts');
    }
  });

  it('refuses an identity that is not valid for its kind, and an empty one', async () => {
    const invalid = await org.owner.client.post(`/api/orgs/${org.id}/discover`, {
      identity: { ibans: ['NL91ABNA0417164301'], bsns: ['123456789'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'identity.bsns.0',
      'identity.ibans.0',
    ]);
    const empty = await org.owner.client.post(`/api/orgs/${org.id}/discover`, { identity: {} });
    expect(empty.status).toBe(400);
  });

  it('cannot close the request until every system to check by hand is ticked off', async () => {
    const url = `/api/orgs/${org.id}/requests/${requestId}`;
    const refused = await org.owner.client.post(`${url}/close`, { outcome: 'completed' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('manual_checks_open');
    expect(refused.body.detail).toContain('Papieren archief');
    const current = await org.owner.client.get(url);
    const checked = await org.owner.client.post(`${url}/checks/${current.body.manualChecks[0].id}`, {
      outcome: 'Map doorzocht, niets gevonden',
    });
    expect(checked.body.manualChecks[0]).toMatchObject({
      outcome: 'Map doorzocht, niets gevonden',
      checkedBy: { id: org.owner.id },
    });
    const closed = await org.owner.client.post(`${url}/close`, { outcome: 'completed' });
    expect(closed.status).toBe(200);
  });
});
