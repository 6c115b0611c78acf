import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince } from '../../../test/db.ts';
import {
  addMember,
  createApiToken,
  createOrganisation,
  type TestOrganisation,
  type TestPerson,
} from '../../../test/factories.ts';
import { auditChainHeads, auditEntries } from '../../platform/audit/tables.ts';
import { recordAudit } from '../../platform/audit/writer.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { verifyAudit } from './service.ts';

let app: TestApp;
let org: TestOrganisation;
let editor: TestPerson;
let tokenId: string;

/** A trail with entries on three Amsterdam days: 22, 23 and 24 November 2026. */
beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-11-22T22:30:00Z')); // 23:30 in Amsterdam, 22 November
  org = await createOrganisation(app, { input: { name: 'Audit B.V.' } });
  app.clock.set(new Date('2026-11-23T09:00:00Z'));
  await org.owner.client.signIn(org.owner.email, org.owner.password);
  editor = await addMember(app, org, 'viewer');
  await org.owner.client.put(`/api/orgs/${org.id}/members/${editor.id}/role`, { role: 'editor' });
  app.clock.set(new Date('2026-11-23T23:30:00Z')); // 00:30 in Amsterdam, 24 November
  tokenId = (await createApiToken(org, { name: 'Boekhouding', scopes: ['read'] })).id;
  await inTransaction(app.ctx.db, (tx) =>
    recordAudit(tx, app.clock.now(), {
      orgId: org.id,
      actor: { type: 'api_token', id: tokenId },
      action: 'api_token.revoked',
      target: { type: 'api_token', id: tokenId, name: 'Boekhouding' },
    }),
  );
});
afterAll(async () => {
  await app?.close();
});

const trail = (query = '') => org.owner.client.get(`/api/orgs/${org.id}/audit${query}`);
const actionsOf = (body: { entries: { action: string }[] }) => body.entries.map((entry) => entry.action);

describe('the audit trail', () => {
  it('holds every change, newest first, with actor and target and their current names', async () => {
    const response = await trail();
    expect(response.status).toBe(200);
    expect(actionsOf(response.body)).toEqual([
      'api_token.revoked',
      'api_token.created',
      'member.role_changed',
      'invitation.accepted',
      'invitation.created',
      'organisation.created',
    ]);
    expect(response.body.total).toBe(6);
    expect(response.body.nextCursor).toBeNull();
    const [probe, , roleChange] = response.body.entries;
    expect(probe.actor).toEqual({ type: 'api_token', id: tokenId, name: 'Boekhouding' });
    expect(roleChange).toMatchObject({
      actor: { type: 'user', id: org.owner.id, name: org.owner.name },
      target: { type: 'user', id: editor.id },
      data: { from: 'viewer', to: 'editor' },
      occurredAt: '2026-11-23T09:00:00.000Z',
    });
    expect(roleChange.hash).toMatch(/^[0-9a-f]{64}$/);
    const seqs = response.body.entries.map((entry: { seq: number }) => entry.seq);
    expect(seqs).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('filters by actor, action prefix and target', async () => {
    expect(actionsOf((await trail(`?actorId=${editor.id}`)).body)).toEqual(['invitation.accepted']);
    const members = (await trail('?action=member.')).body;
    expect(actionsOf(members)).toEqual(['member.role_changed']);
    expect(members.total).toBe(1);
    expect(actionsOf((await trail('?action=invitation')).body)).toEqual(['invitation.accepted', 'invitation.created']);
    expect(actionsOf((await trail('?action=%25')).body)).toEqual([]);
    expect(actionsOf((await trail(`?targetType=api_token&targetId=${tokenId}`)).body)).toEqual([
      'api_token.revoked',
      'api_token.created',
    ]);
  });

  it('filters by period in Amsterdam calendar days, both ends included', async () => {
    expect(actionsOf((await trail('?from=2026-11-22&to=2026-11-22')).body)).toEqual(['organisation.created']);
    expect((await trail('?from=2026-11-23&to=2026-11-23')).body.total).toBe(3);
    expect(actionsOf((await trail('?from=2026-11-24')).body)).toEqual(['api_token.revoked', 'api_token.created']);
    expect((await trail('?to=2026-11-23')).body.total).toBe(4);
    const reversed = await trail('?from=2026-11-24&to=2026-11-23');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([
      { path: 'querystring.to', code: 'date_range_reversed', message: expect.any(String) },
    ]);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: { body: { entries: { seq: number }[]; nextCursor: number | null; total: number } } = await trail(
        `?limit=4${cursor ? `&before=${cursor}` : ''}`,
      );
      expect(page.body.total).toBe(6);
      seen.push(...page.body.entries.map((entry) => entry.seq));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(2);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('lists the kinds of action for the filter', async () => {
    const response = await org.owner.client.get(`/api/orgs/${org.id}/audit/actions`);
    expect(response.body.actions).toEqual([
      'api_token.created',
      'api_token.revoked',
      'invitation.accepted',
      'invitation.created',
      'member.role_changed',
      'organisation.created',
    ]);
  });

  it('is for privacy officers and owners only', async () => {
    const response = await editor.client.get(`/api/orgs/${org.id}/audit`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('role_insufficient');
    expect((await editor.client.post(`/api/orgs/${org.id}/audit/verify`)).status).toBe(403);
  });
});

describe('verifying the trail', () => {
  it('reports an intact chain', async () => {
    const response = await org.owner.client.post(`/api/orgs/${org.id}/audit/verify`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ isIntact: true, checkedEntries: 6, chains: 1, firstBreak: null });
  });

  it('cannot be changed through the database, and finds an entry changed behind the trigger’s back', async () => {
    const victim = await createOrganisation(app);
    await victim.owner.client.patch(`/api/orgs/${victim.id}`, { city: 'Assen' });
    const [first] = await auditEntriesSince(app, victim.id);
    const where = and(eq(auditEntries.chain, victim.id), eq(auditEntries.seq, 1));
    await expect(app.ctx.db.update(auditEntries).set({ action: 'x' }).where(where)).rejects.toThrow();
    await expect(app.ctx.db.delete(auditEntries).where(where)).rejects.toThrow();

    await app.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
      await tx.update(auditEntries).set({ actorId: 'someone-else' }).where(where);
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
    });
    const response = await victim.owner.client.post(`/api/orgs/${victim.id}/audit/verify`);
    expect(response.body).toEqual({
      isIntact: false,
      checkedEntries: 0,
      chains: 1,
      firstBreak: { reason: 'hash_mismatch', chain: victim.id, seq: 1, entryId: first?.id },
    });
    const untouched = await org.owner.client.post(`/api/orgs/${org.id}/audit/verify`);
    expect(untouched.body.isIntact).toBe(true);
  });
});

describe('the chain heads', () => {
  it('only move forward: a head cannot be deleted, rewound, moved to another chain or truncated', async () => {
    const owned = await createOrganisation(app);
    const where = eq(auditChainHeads.chain, owned.id);
    const [head] = await app.ctx.db.select().from(auditChainHeads).where(where);
    expect(head?.seq).toBeGreaterThan(0);
    await expect(app.ctx.db.delete(auditChainHeads).where(where)).rejects.toThrow();
    await expect(app.ctx.db.update(auditChainHeads).set({ seq: 0 }).where(where)).rejects.toThrow();
    await expect(app.ctx.db.update(auditChainHeads).set({ chain: 'elsewhere' }).where(where)).rejects.toThrow();
    await expect(app.ctx.db.execute(sql`truncate audit_chain_heads`)).rejects.toThrow();
    expect(await app.ctx.db.select().from(auditChainHeads).where(where)).toEqual([head]);
    const changed = await owned.owner.client.patch(`/api/orgs/${owned.id}`, { city: 'Emmen' });
    expect(changed.status).toBe(200);
    const [moved] = await app.ctx.db.select().from(auditChainHeads).where(where);
    expect(moved?.seq).toBe((head?.seq ?? 0) + 1);
  });

  it('verify reports a chain whose head was deleted behind the trigger’s back (an organisation removed whole)', async () => {
    const fresh = await createTestApp();
    try {
      const gone = await createOrganisation(fresh);
      const kept = await createOrganisation(fresh);
      await gone.owner.client.patch(`/api/orgs/${gone.id}`, { city: 'Assen' });
      const entries = await auditEntriesSince(fresh, gone.id);
      await fresh.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_chain_heads disable trigger audit_chain_heads_forward_only`);
        await tx.delete(auditChainHeads).where(eq(auditChainHeads.chain, gone.id));
        await tx.execute(sql`alter table audit_chain_heads enable trigger audit_chain_heads_forward_only`);
      });
      const everything = await verifyAudit(fresh.ctx);
      expect(everything.isIntact).toBe(false);
      expect(everything.firstBreak).toEqual({
        reason: 'head_missing',
        chain: gone.id,
        seq: entries.at(-1)?.seq,
        entryId: null,
      });
      expect((await verifyAudit(fresh.ctx, gone.id)).firstBreak?.reason).toBe('head_missing');
      expect((await verifyAudit(fresh.ctx, kept.id)).isIntact).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
