import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { auditedKeyHashes } from '../../../test/retention.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { executeRun } from './service.ts';

/**
 * Seed practice 2 end to end against a real PostgreSQL "CRM": clients whose last service ended more than 12 months
 * ago are deleted, one client under a legal hold stays, and every batch is in the audit trail before it happens.
 */

let app: TestApp;
let org: TestOrganisation;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let connectorId: string;
let recordTypeId: string;

// The test clock stands at 2026-11-23 10:00 Amsterdam: 12 months keep 2025-11-23 and later.
const OLD = 250;
const RECENT = 40;

async function seedClients() {
  await crm.client.query('drop table if exists clients');
  await crm.client.query(
    'create table clients (id serial primary key, email text, name text, service_ended_on date, status text)',
  );
  await crm.client.query(
    `insert into clients (email, name, service_ended_on, status)
     select 'old' || i || '@example.nl', 'Oud ' || i, date '2025-11-22' - (i % 300), 'closed' from generate_series(1, ${OLD}) i`,
  );
  await crm.client.query(
    `insert into clients (email, name, service_ended_on, status)
     select 'new' || i || '@example.nl', 'Nieuw ' || i, date '2025-11-23' + (i % 300), 'closed' from generate_series(1, ${RECENT}) i`,
  );
  await crm.client.query(
    `insert into clients (email, name, service_ended_on, status) values (null, 'Geen datum', null, 'closed')`,
  );
}

const remaining = async (where = 'true') =>
  Number((await crm.client.query(`select count(*) from clients where ${where}`)).rows[0].count);
const clientIds = async (): Promise<string[]> =>
  (await crm.client.query('select id::text as id from clients')).rows.map((row) => row.id);

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  crm = await createPostgresTestDatabase('retention');
  await seedClients();
  const connector = await org.owner.client.post(`/api/orgs/${org.id}/connectors`, {
    name: 'CRM',
    kind: 'postgres',
    settings: { ...crm.config },
  });
  expect(connector.status).toBe(201);
  connectorId = connector.body.id;
  const recordType = await org.owner.client.post(`/api/orgs/${org.id}/connectors/${connectorId}/record-types`, {
    name: 'Klanten',
    definition: {
      table: 'clients',
      keyColumn: 'id',
      identityColumns: [
        { column: 'email', kind: 'email' },
        { column: 'name', kind: 'name' },
      ],
      timestampColumns: ['service_ended_on'],
    },
  });
  expect(recordType.status).toBe(201);
  recordTypeId = recordType.body.id;
});

afterAll(async () => {
  await crm?.drop();
  await app?.close();
});

const policyInput = (name: string) => ({
  name,
  recordTypeId,
  startEvent: {
    timestampField: 'service_ended_on',
    conditions: [{ field: 'status', operator: 'eq', value: 'closed' }],
  },
  period: { kind: 'after', amount: 12, unit: 'months' },
});

describe('a retention policy on a PostgreSQL CRM', () => {
  it('previews, asks for approval, runs in audited batches and leaves exactly the recent and held clients', async () => {
    const client = org.owner.client;
    const created = await client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Klanten na 12 maanden'),
      holds: [{ kind: 'identity', identity: { emails: ['OLD7@example.nl'] }, reason: 'Geschil over factuur' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const policyId = created.body.id;

    const notApproved = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
    expect(notApproved.status).toBe(409);
    expect(notApproved.body.code).toBe('policy_not_approved');

    const preview = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews`, {});
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ matched: OLD, toAct: OLD - 1 });
    expect(preview.body.held).toEqual([expect.objectContaining({ reason: 'Geschil over factuur', count: 1 })]);
    expect(preview.body.sample).toHaveLength(10);
    for (const record of preview.body.sample) expect(record.identity.email).not.toMatch(/^old\d+@example\.nl$/);
    expect(preview.body.criteria.nl).toContain('12 maanden');

    const approved = await client.post(
      `/api/orgs/${org.id}/retention/policies/${policyId}/previews/${preview.body.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body.approvedPreviewId).toBe(preview.body.id);
    const activated = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/status`, {
      status: 'active',
    });
    expect(activated.body.status).toBe('active');

    const before = await auditHead(app, org.id);
    const idsBefore = await clientIds();
    const started = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
    expect(started.status).toBe(201);
    expect(app.jobs.sent.at(-1)).toEqual({ name: 'retention.run', payload: { runId: started.body.id } });
    await executeRun(app.ctx, started.body.id);
    const idsAfter = new Set(await clientIds());

    const run = await client.get(`/api/orgs/${org.id}/retention/runs/${started.body.id}`);
    expect(run.body).toMatchObject({
      status: 'completed',
      counts: { deleted: OLD - 1, held: 1, failed: 0, anonymised: 0, archived: 0 },
      progress: { processed: OLD - 1, expected: OLD - 1 },
    });
    expect(await remaining()).toBe(RECENT + 2);
    expect(await remaining(`email = 'old7@example.nl'`)).toBe(1);
    expect(await remaining('service_ended_on is null')).toBe(1);

    const entries = await auditEntriesSince(app, org.id, before.seq);
    const batches = entries.filter((entry) => entry.action === 'retention_run.batch_started');
    expect(batches.map((entry) => (entry.data as { count: number }).count)).toEqual([OLD - 1]);
    const hashes = await auditedKeyHashes(app, batches);
    expect(new Set(hashes).size).toBe(OLD - 1);
    // Each is the installation's keyed hash of a deleted client's key, so "was record X deleted?" can be answered.
    const deleted = idsBefore.filter((id) => !idsAfter.has(id));
    expect(new Set(hashes)).toEqual(
      new Set(deleted.map((id) => app.ctx.identifiers.hash(`${recordTypeId}/${id}`).slice(0, 16))),
    );
    expect(JSON.stringify(entries)).not.toContain('@example.nl');
    expect(entries.map((entry) => entry.action)).toEqual([
      'retention_run.started',
      'retention_run.batch_started',
      'retention_run.finished',
    ]);
  });

  it('stops and asks again when a run would delete more than the approved preview and its margin', async () => {
    await seedClients();
    const client = org.owner.client;
    const created = await client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Klanten met marge'),
      marginPercent: 10,
    });
    const policyId = created.body.id;
    const preview = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews`, {});
    await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews/${preview.body.id}/approve`, {});
    // 30 more expired clients than approved: 280 > 250 + 10 %.
    await crm.client.query(
      `insert into clients (email, service_ended_on, status) select 'extra' || i || '@example.nl', date '2024-01-01', 'closed' from generate_series(1, 30) i`,
    );
    const started = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
    await executeRun(app.ctx, started.body.id);
    const run = await client.get(`/api/orgs/${org.id}/retention/runs/${started.body.id}`);
    expect(run.body.status).toBe('paused_for_approval');
    expect(await remaining()).toBe(OLD + 30 + RECENT + 1);
    const policy = await client.get(`/api/orgs/${org.id}/retention/policies/${policyId}`);
    expect(policy.body.status).toBe('awaiting_approval');
    expect(policy.body.flags.map((flag: { code: string }) => flag.code)).toContain('approval_needed');
  });

  it('refuses a fiscal policy shorter than the statutory 7 years, and an editor may not approve', async () => {
    const short = await org.owner.client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Facturen'),
      period: { kind: 'after', amount: 5, unit: 'years' },
      legalReference: { presetId: 'fiscal-records', reference: '' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'retention_below_statutory_minimum' }),
    ]);

    const editor = await addMember(app, org, 'editor');
    const created = await editor.client.post(`/api/orgs/${org.id}/retention/policies`, policyInput('Door redacteur'));
    expect(created.status).toBe(201);
    const preview = await editor.client.post(`/api/orgs/${org.id}/retention/policies/${created.body.id}/previews`, {});
    expect(preview.status).toBe(201);
    const approve = await editor.client.post(
      `/api/orgs/${org.id}/retention/policies/${created.body.id}/previews/${preview.body.id}/approve`,
      {},
    );
    expect(approve.status).toBe(403);
  });

  it('refuses a start event column the table does not have, and deleting a connector a policy uses', async () => {
    const wrong = await org.owner.client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Verkeerde kolom'),
      startEvent: { timestampField: 'created_on', conditions: [] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'startEvent.timestampField', code: 'unknown_field_name' });
    const removal = await org.owner.client.delete(`/api/orgs/${org.id}/connectors/${connectorId}`);
    expect(removal.status).toBe(409);
    expect(removal.body.code).toBe('connector_in_use');
  });
});

describe('a legal hold on records', () => {
  it('keeps exactly the held rows, by their key, through preview and run', async () => {
    await seedClients();
    const held = await crm.client.query(`select id from clients where email in ('old3@example.nl', 'old9@example.nl')`);
    const keys = held.rows.map((row) => String(row.id));
    const client = org.owner.client;
    const created = await client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Klanten met bewaarplicht'),
      holds: [{ kind: 'records', keys, reason: 'Lopende procedure', expiresOn: '2027-06-30' }],
    });
    const policyId = created.body.id;
    const preview = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews`, {});
    expect(preview.body).toMatchObject({ matched: OLD, toAct: OLD - 2 });
    await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews/${preview.body.id}/approve`, {});
    const started = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
    await executeRun(app.ctx, started.body.id);
    const run = await client.get(`/api/orgs/${org.id}/retention/runs/${started.body.id}`);
    expect(run.body.counts).toMatchObject({ deleted: OLD - 2, held: 2 });
    const left = await crm.client.query(`select email from clients where email like 'old%' order by email`);
    expect(left.rows.map((row) => row.email)).toEqual(['old3@example.nl', 'old9@example.nl']);
  });
});

describe('a files connector', () => {
  it('reaches only directories the operator opened, never the data directory', async () => {
    const outside = await org.owner.client.post(`/api/orgs/${org.id}/connectors`, {
      name: 'Systeembestanden',
      kind: 'files',
      settings: { root: '/etc' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({ path: 'settings.root', code: 'connector_root_not_allowed' });
    const dataDir = await org.owner.client.post(`/api/orgs/${org.id}/connectors`, {
      name: 'Gegevensmap',
      kind: 'files',
      settings: { root: app.ctx.config.dataDir },
    });
    expect(dataDir.status).toBe(400);
  });
});

describe('a run on a store that cannot be reached', () => {
  it('fails with the connector code, deletes nothing, flags the policy and mails its owner', async () => {
    await seedClients();
    const client = org.owner.client;
    const created = await client.post(`/api/orgs/${org.id}/retention/policies`, {
      ...policyInput('Klanten, server onbereikbaar'),
      ownerUserId: org.owner.id,
    });
    const policyId = created.body.id;
    const preview = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews`, {});
    await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews/${preview.body.id}/approve`, {});
    const closedPort = await client.patch(`/api/orgs/${org.id}/connectors/${connectorId}`, { settings: { port: 1 } });
    expect(closedPort.status).toBe(200);
    try {
      const started = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
      await executeRun(app.ctx, started.body.id);
      const run = await client.get(`/api/orgs/${org.id}/retention/runs/${started.body.id}`);
      expect(run.body).toMatchObject({ status: 'failed', error: { code: 'unreachable' }, counts: { deleted: 0 } });
      expect(await remaining()).toBe(OLD + RECENT + 1);
      const policy = await client.get(`/api/orgs/${org.id}/retention/policies/${policyId}`);
      expect(policy.body.flags.map((flag: { code: string }) => flag.code)).toContain('last_run_failed');
      const [mail] = await app.ctx.db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.template, 'retention.run_failed'), eq(mailMessages.recipient, org.owner.email)));
      expect(mail?.subject).toContain('Klanten, server onbereikbaar');
    } finally {
      await client.patch(`/api/orgs/${org.id}/connectors/${connectorId}`, { settings: { port: crm.config.port } });
    }
  });
});
