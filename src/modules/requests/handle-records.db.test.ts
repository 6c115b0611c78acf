import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';
import { mailMessages } from '../../platform/mail/tables.ts';

/**
 * An erasure request carried out in a real PostgreSQL CRM: per record the officer erases, rectifies, restricts or
 * keeps (the reason prefilled from the retention policy that keeps invoices); a record under a legal hold is never
 * touched; each batch is audited before the store changes; the closing letter says what was done and when the
 * backups (rotated every 35 days) no longer hold a copy.
 */

let app: TestApp;
let org: TestOrganisation;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let requestId: string;
let recordTypeId: string;
let policyId: string;
const base = () => `/api/orgs/${org.id}`;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  crm = await createPostgresTestDatabase('handle_records');
  await crm.client.query('drop table if exists contacts');
  await crm.client.query(
    'create table contacts (id serial primary key, email text, name text, city text, kind text, changed_at date)',
  );
  await crm.client.query(
    `insert into contacts (email, name, city, kind, changed_at) values
       ('lisa@example.nl', 'Lisa Jansen', 'Utrecht', 'lead', '2026-01-01'),
       ('LISA@example.nl', 'Lisa Jansen', 'Utrect', 'client', '2026-01-01'),
       ('lisa@example.nl', 'Lisa Jansen', 'Zeist', 'invoice', '2026-01-01'),
       ('lisa@example.nl', 'L. Jansen', 'Zeist', 'dispute', '2026-01-01'),
       ('lisa@example.nl', 'Lisa J.', 'Bunnik', 'marketing', '2026-01-01'),
       ('ander@example.nl', 'Ander', 'Ede', 'client', '2026-01-01')`,
  );
  const system = await org.owner.client.post(`${base()}/systems`, {
    name: 'CRM',
    kind: 'crm',
    locations: [
      { role: 'primary', country: 'NL', since: '2024-01-01' },
      { role: 'backup', country: 'DE', since: '2024-01-01', rotationDays: 35 },
    ],
  });
  expect(system.status).toBe(201);
  const connector = await org.owner.client.post(`${base()}/connectors`, {
    name: 'CRM-database',
    kind: 'postgres',
    settings: { ...crm.config },
    systemId: system.body.id,
  });
  const recordType = await org.owner.client.post(`${base()}/connectors/${connector.body.id}/record-types`, {
    name: 'Contacten',
    definition: {
      table: 'contacts',
      keyColumn: 'id',
      identityColumns: [
        { column: 'email', kind: 'email' },
        { column: 'name', kind: 'name' },
      ],
      timestampColumns: ['changed_at'],
      anonymisableColumns: ['city', 'name', 'email'],
    },
  });
  expect(recordType.status).toBe(201);
  recordTypeId = recordType.body.id;
  const policy = await org.owner.client.post(`${base()}/retention/policies`, {
    name: 'Facturen 7 jaar',
    recordTypeId,
    startEvent: { timestampField: 'changed_at' },
    period: { kind: 'end_of_year_plus', years: 7 },
    legalReference: { presetId: null, reference: 'art. 52 AWR (fiscale bewaarplicht)' },
    holds: [{ kind: 'records', keys: ['4'], reason: 'Lopend geschil', expiresOn: null }],
  });
  expect(policy.status).toBe(201);
  policyId = policy.body.id;
  const request = await org.owner.client.post(`${base()}/requests`, {
    right: 'erasure',
    channel: 'email',
    receivedAt: '2026-11-20',
    requester: { name: 'Lisa Jansen', email: 'lisa@example.nl' },
    locale: 'nl',
  });
  requestId = request.body.id;
  const discovered = await org.owner.client.post(`${base()}/requests/${requestId}/discover`, { identity: {} });
  expect(discovered.status).toBe(200);
});

afterAll(async () => {
  await crm?.drop();
  await app?.close();
});

const url = () => `${base()}/requests/${requestId}`;
const byKey = (items: { recordKey: string; id: string }[], key: string) =>
  items.find((item) => item.recordKey === key)?.id as string;
const rows = async () =>
  (await crm.client.query('select id, email, name, city from contacts order by id')).rows as {
    id: number;
    email: string | null;
    name: string | null;
    city: string | null;
  }[];

describe('handling the records found for an erasure request', () => {
  it('lists what discovery found with the keep reason of the policy on the record type', async () => {
    const findings = await org.owner.client.get(`${url()}/findings`);
    expect(findings.body.items.map((item: { recordKey: string }) => item.recordKey).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(findings.body.items[0].suggestedKeepReason).toBe('Facturen 7 jaar: art. 52 AWR (fiscale bewaarplicht)');
    expect(findings.body.undecided).toBe(5);
  });

  it('refuses a keep without a reason and a rectification without fields', async () => {
    const { items } = (await org.owner.client.get(`${url()}/findings`)).body;
    const response = await org.owner.client.put(`${url()}/findings`, {
      decisions: [
        { findingId: byKey(items, '3'), decision: 'keep' },
        { findingId: byKey(items, '2'), decision: 'rectify' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'decisions.0.reason',
      'decisions.1.fields',
    ]);
  });

  it('carries out the confirmed decisions, skips the held record, and audits each batch before acting', async () => {
    const { items } = (await org.owner.client.get(`${url()}/findings`)).body;
    const decided = await org.owner.client.put(`${url()}/findings`, {
      decisions: [
        { findingId: byKey(items, '1'), decision: 'erase' },
        { findingId: byKey(items, '2'), decision: 'rectify', fields: [{ field: 'city', value: 'Utrecht' }] },
        { findingId: byKey(items, '3'), decision: 'keep', reason: 'art. 52 AWR (fiscale bewaarplicht)' },
        { findingId: byKey(items, '4'), decision: 'erase' },
        { findingId: byKey(items, '5'), decision: 'restrict', reason: 'Betwist de juistheid' },
      ],
    });
    expect(decided.body.toCarryOut).toEqual({ erase: 2, anonymise: 0, restrict: 1, rectify: 1, keep: 0 });

    const stale = await org.owner.client.post(`${url()}/carry-out`, { expected: { erase: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('carry_out_changed');
    expect((await rows()).length).toBe(6);

    const head = await auditHead(app, org.id);
    const done = await org.owner.client.post(`${url()}/carry-out`, { expected: decided.body.toCarryOut });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      done: { erase: 1, anonymise: 0, restrict: 1, rectify: 1, keep: 0 },
      held: 1,
      failed: 0,
    });

    expect(await rows()).toEqual([
      { id: 2, email: 'LISA@example.nl', name: 'Lisa Jansen', city: 'Utrecht' },
      { id: 3, email: 'lisa@example.nl', name: 'Lisa Jansen', city: 'Zeist' },
      { id: 4, email: 'lisa@example.nl', name: 'L. Jansen', city: 'Zeist' },
      { id: 5, email: 'lisa@example.nl', name: 'Lisa J.', city: 'Bunnik' },
      { id: 6, email: 'ander@example.nl', name: 'Ander', city: 'Ede' },
    ]);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    const handling = entries.filter((entry) => entry.action === 'subject_request.records_handling');
    expect(handling.map((entry) => (entry.data as { decision: string }).decision).sort()).toEqual([
      'erase',
      'rectify',
      'restrict',
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/lisa|jansen/i);
    // Restriction: the record is held in the retention policy, so no run deletes it while the restriction lasts.
    const policy = await org.owner.client.get(`${base()}/retention/policies/${policyId}`);
    expect(policy.body.holds).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'records', keys: ['5'] })]),
    );
    const after = (await org.owner.client.get(`${url()}/findings`)).body;
    expect(after.items.find((item: { recordKey: string }) => item.recordKey === '4').status).toBe('held');
    expect(after.toCarryOut).toEqual({ erase: 0, anonymise: 0, restrict: 0, rectify: 0, keep: 0 });
  });

  it('closes with a letter that says what was erased, kept and why, and when the backups are clean', async () => {
    const closed = await org.owner.client.post(`${url()}/close`, { outcome: 'partially_completed' });
    expect(closed.status).toBe(200);
    const [letter] = await app.ctx.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.template, 'requests.closed_partially_completed'));
    const text = app.ctx.secrets.open(letter?.bodySealed ?? '');
    expect(text).toContain(
      'CRM-database / Contacten: 1 verwijderd, 1 gecorrigeerd, 1 afgeschermd (beperkt), 1 bewaard',
    );
    expect(text).toContain('art. 52 AWR (fiscale bewaarplicht)');
    // Carried out on Monday 23 November 2026; the backup keeps copies 35 days.
    expect(text).toContain('maandag 28 december 2026');
    expect(text).toContain('Autoriteit Persoonsgegevens');
  });
});
