import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { auditedKeyHashes } from '../../../test/retention.ts';
import type { Connector } from '../../connectors/connector.ts';
import { postgresManifest } from '../../connectors/postgres/manifest.ts';
import { createPostgresTestDatabase } from '../../connectors/postgres/test-server.ts';
import { executeRun } from './service.ts';
import { RUN_BATCH_SIZE } from './use-cases/runs.ts';

/**
 * A worker killed at any moment of a run (kill -9: nothing after that point happens, not even a catch) leaves a
 * run that the next worker resumes, ending with exactly the expired rows gone and every batch counted once. The
 * kill is a thrown error the run engine does not catch, at each point of a batch: before the store is touched,
 * after the store deleted the batch but before the batch was marked done.
 */

class Killed extends Error {}

let app: TestApp;
let org: TestOrganisation;
let crm: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let policyId: string;
const EXPIRED = RUN_BATCH_SIZE * 2 + 300;
const KEPT = 120;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  crm = await createPostgresTestDatabase('resume');
  const client = org.owner.client;
  const connector = await client.post(`/api/orgs/${org.id}/connectors`, {
    name: 'CRM',
    kind: 'postgres',
    settings: { ...crm.config },
  });
  await crm.client.query('create table leads (id serial primary key, email text, created date)');
  const recordType = await client.post(`/api/orgs/${org.id}/connectors/${connector.body.id}/record-types`, {
    name: 'Leads',
    definition: { table: 'leads', keyColumn: 'id', identityColumns: [{ column: 'email', kind: 'email' }] },
  });
  const policy = await client.post(`/api/orgs/${org.id}/retention/policies`, {
    name: 'Leads na 4 weken',
    recordTypeId: recordType.body.id,
    startEvent: { timestampField: 'created' },
    period: { kind: 'after', amount: 4, unit: 'weeks' },
  });
  policyId = policy.body.id;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await crm?.drop();
  await app?.close();
});

async function seed() {
  await crm.client.query('truncate leads restart identity');
  await crm.client.query(
    `insert into leads (email, created) select 'lead' || i || '@example.nl', date '2025-01-01' from generate_series(1, ${EXPIRED}) i`,
  );
  await crm.client.query(
    `insert into leads (email, created) select 'recent' || i || '@example.nl', date '2026-11-20' from generate_series(1, ${KEPT}) i`,
  );
}

/** Kills the worker at its `deleteCall`-th delete, `when` the store has (or has not yet) deleted the batch. */
function killAt(deleteCall: number, when: 'before_delete' | 'after_delete') {
  const open = postgresManifest.open.bind(postgresManifest);
  let calls = 0;
  return vi.spyOn(postgresManifest, 'open').mockImplementation((config, options) => {
    const connector = open(config, options) as Connector<unknown>;
    const original = connector.delete.bind(connector);
    connector.delete = async (recordType, keys) => {
      calls += 1;
      if (calls === deleteCall && when === 'before_delete') throw new Killed();
      const result = await original(recordType, keys);
      if (calls === deleteCall && when === 'after_delete') throw new Killed();
      return result;
    };
    return connector as never;
  });
}

async function approvedRun(): Promise<string> {
  const client = org.owner.client;
  const preview = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews`, {});
  expect(preview.body.toAct).toBe(EXPIRED);
  await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/previews/${preview.body.id}/approve`, {});
  const started = await client.post(`/api/orgs/${org.id}/retention/policies/${policyId}/runs`, {});
  expect(started.status).toBe(201);
  return started.body.id;
}

describe('a retention run killed mid-batch', () => {
  for (const [deleteCall, when] of [
    [1, 'before_delete'],
    [2, 'after_delete'],
    [3, 'after_delete'],
  ] as const) {
    it(`resumes after a kill at delete ${deleteCall} (${when}) with exactly the expired rows gone, none counted twice`, async () => {
      await seed();
      const runId = await approvedRun();
      const before = await auditHead(app, org.id);
      const kill = killAt(deleteCall, when);
      await expect(executeRun(app.ctx, runId)).rejects.toBeInstanceOf(Killed);
      kill.mockRestore();

      const halfway = await org.owner.client.get(`/api/orgs/${org.id}/retention/runs/${runId}`);
      expect(halfway.body.status).toBe('running');
      // Another worker cannot take it while the killed one's lease lasts; after it, the next one resumes.
      await executeRun(app.ctx, runId);
      expect((await org.owner.client.get(`/api/orgs/${org.id}/retention/runs/${runId}`)).body.status).toBe('running');
      app.clock.advance(3 * 60_000);
      await executeRun(app.ctx, runId);

      const run = await org.owner.client.get(`/api/orgs/${org.id}/retention/runs/${runId}`);
      expect(run.body).toMatchObject({
        status: 'completed',
        counts: { deleted: EXPIRED, failed: 0 },
        progress: { processed: EXPIRED, expected: EXPIRED },
      });
      const left = await crm.client.query(
        `select count(*)::int as n, count(*) filter (where email like 'recent%')::int as recent from leads`,
      );
      expect(left.rows[0]).toEqual({ n: KEPT, recent: KEPT });
      const batches = (await auditEntriesSince(app, org.id, before.seq)).filter(
        (entry) => entry.action === 'retention_run.batch_started',
      );
      const hashes = await auditedKeyHashes(app, batches);
      expect(new Set(hashes).size).toBe(EXPIRED);
      expect(hashes).toHaveLength(EXPIRED);
    });
  }
});

describe('a retention run cancelled mid-run', () => {
  it('stops after the batches already begun, each acted on and counted once, and leaves the rest', async () => {
    await seed();
    const runId = await approvedRun();
    const before = await auditHead(app, org.id);
    const open = postgresManifest.open.bind(postgresManifest);
    const spy = vi.spyOn(postgresManifest, 'open').mockImplementation((config, options) => {
      const connector = open(config, options) as Connector<unknown>;
      const original = connector.delete.bind(connector);
      connector.delete = async (recordType, keys) => {
        const cancelled = await org.owner.client.post(`/api/orgs/${org.id}/retention/runs/${runId}/cancel`, {});
        expect(cancelled.status).toBe(200);
        return original(recordType, keys);
      };
      return connector as never;
    });
    await executeRun(app.ctx, runId);
    spy.mockRestore();

    const run = (await org.owner.client.get(`/api/orgs/${org.id}/retention/runs/${runId}`)).body;
    expect(run.status).toBe('cancelled');
    // The first batch, and the second when it was begun before the cancel arrived; never the third.
    expect([RUN_BATCH_SIZE, 2 * RUN_BATCH_SIZE]).toContain(run.counts.deleted);
    expect(run.progress.processed).toBe(run.counts.deleted);
    const left = await crm.client.query('select count(*)::int as n from leads');
    expect(left.rows[0].n).toBe(EXPIRED - run.counts.deleted + KEPT);
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(await auditedKeyHashes(app, entries)).toHaveLength(run.counts.deleted);
    expect(entries.at(-1)?.action).toBe('retention_run.cancelled');
  });
});
