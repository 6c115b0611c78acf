import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createApiToken, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { hashToken } from '../../platform/crypto/tokens.ts';
import { createHttpApp } from '../../platform/http/create-app.ts';
import { createAccessResolver } from '../access/service.ts';
import { apiTokens } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
});
afterAll(async () => {
  await app?.close();
});

const bearer = (token: string, locale = 'en') => new TestClient(app.http, { bearer: token, locale });

async function tokenRow(id: string) {
  const [row] = await app.ctx.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row as typeof apiTokens.$inferSelect;
}

describe('managing API tokens', () => {
  it('shows a new token once, stores only its hash, and never lists it', async () => {
    const before = await auditHead(app, org.id);
    const response = await org.owner.client.post(`/api/orgs/${org.id}/api-tokens`, {
      name: 'CRM-koppeling',
      scopes: ['write', 'read', 'write'],
    });
    expect(response.status).toBe(201);
    const { token, apiToken } = response.body;
    expect(token).toMatch(/^pd_[\w-]{43}$/);
    expect(apiToken).toMatchObject({
      name: 'CRM-koppeling',
      scopes: ['read', 'write'],
      displayPrefix: token.slice(0, 9),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await tokenRow(apiToken.id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const listed = await org.owner.client.get(`/api/orgs/${org.id}/api-tokens`);
    expect(listed.status).toBe(200);
    expect(listed.body.tokens).toEqual([expect.objectContaining({ id: apiToken.id, createdBy: org.owner.name })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toContain(row.tokenHash);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'api_token.created',
      actorId: org.owner.id,
      data: { scopes: ['read', 'write'] },
    });
  });

  it('expires at the end of the chosen day in Amsterdam, and refuses a day in the past', async () => {
    const created = await org.owner.client.post(`/api/orgs/${org.id}/api-tokens`, {
      name: 'Tijdelijk',
      scopes: ['read'],
      expiresOn: '2027-03-31',
    });
    expect(created.body.apiToken.expiresAt).toBe('2027-03-31T22:00:00.000Z');
    const past = await org.owner.client.post(`/api/orgs/${org.id}/api-tokens`, {
      name: 'Verlopen',
      scopes: ['read'],
      expiresOn: '2026-11-22',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ path: 'expiresOn', code: 'date_in_past', message: expect.any(String) }]);
  });

  it('is for owners only', async () => {
    const officer = await addMember(app, org, 'privacy_officer');
    const created = await officer.client.post(`/api/orgs/${org.id}/api-tokens`, { name: 'x', scopes: ['read'] });
    expect(created.status).toBe(403);
    expect((await officer.client.get(`/api/orgs/${org.id}/api-tokens`)).status).toBe(403);
  });

  it('revokes a token, which then stops working', async () => {
    const { id, token } = await createApiToken(org, { scopes: ['read'] });
    expect((await bearer(token).get(`/api/orgs/${org.id}`)).status).toBe(200);
    const before = await auditHead(app, org.id);
    expect((await org.owner.client.delete(`/api/orgs/${org.id}/api-tokens/${id}`)).status).toBe(204);
    expect((await tokenRow(id)).revokedAt).not.toBeNull();
    const refused = await bearer(token).get(`/api/orgs/${org.id}`);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'invalid_token',
      detail: 'The API token is unknown, revoked or expired.',
    });
    const again = await org.owner.client.delete(`/api/orgs/${org.id}/api-tokens/${id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('api_token_not_found');
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => [entry.action, entry.targetId])).toEqual([['api_token.revoked', id]]);
  });
});

describe('calling the API with a token', () => {
  it('lets a read token read, records its last use at most once a minute, and needs no CSRF token', async () => {
    const { id, token } = await createApiToken(org, { scopes: ['read'] });
    const client = bearer(token);
    const response = await client.request('GET', `/api/orgs/${org.id}/systems`, undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(response.status).toBe(200);
    const firstUse = (await tokenRow(id)).lastUsedAt;
    expect(firstUse).toEqual(app.clock.now());
    app.clock.advance(30_000);
    await client.get(`/api/orgs/${org.slug}`);
    expect((await tokenRow(id)).lastUsedAt).toEqual(firstUse);
    app.clock.advance(30_000);
    await client.get(`/api/orgs/${org.slug}`);
    expect((await tokenRow(id)).lastUsedAt).toEqual(app.clock.now());
    const listed = await org.owner.client.get(`/api/orgs/${org.id}/api-tokens`);
    const shown = listed.body.tokens.find((entry: { id: string }) => entry.id === id);
    expect(shown.lastUsedAt).toBe(app.clock.now().toISOString());
  });

  it('refuses writes to a read token', async () => {
    const { token } = await createApiToken(org, { scopes: ['read'] });
    const response = await bearer(token).patch(`/api/orgs/${org.id}`, { city: 'Lelystad' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('token_scope_missing');
  });

  it('gives a write token an editor’s rights, never those of a privacy officer or owner', async () => {
    const { token } = await createApiToken(org, { scopes: ['read', 'write'] });
    const response = await bearer(token).patch(`/api/orgs/${org.id}`, { city: 'Lelystad' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('role_insufficient');
    expect((await bearer(token).get(`/api/orgs/${org.id}/audit`)).status).toBe(403);
  });

  it('refuses tokens on routes that take none, and on personal routes', async () => {
    const { token } = await createApiToken(org, { scopes: ['read', 'write', 'webhook'] });
    for (const [method, url] of [
      ['GET', `/api/orgs/${org.id}/api-tokens`],
      ['POST', `/api/orgs/${org.id}/invitations`],
      ['GET', `/api/orgs/${org.id}/invitations`],
      ['GET', `/api/orgs/${org.id}/members`],
    ] as const) {
      const response = await bearer(token).request(
        method,
        url,
        method === 'POST' ? { email: 'a@b.nl', role: 'owner' } : undefined,
      );
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.code).toBe('token_scope_missing');
    }
    const members = await bearer(token).get(`/api/orgs/${org.id}/members`);
    expect(JSON.stringify(members.body)).not.toContain(org.owner.email);
    const personal = await bearer(token).get('/api/me');
    expect(personal.status).toBe(403);
    expect(personal.body.code).toBe('session_required');
  });

  it('refuses an expired token and an unknown one', async () => {
    const expiresOn = '2026-11-30';
    const { token } = await createApiToken(org, { scopes: ['read'], expiresOn });
    app.clock.set(new Date('2026-11-30T22:59:00Z'));
    expect((await bearer(token).get(`/api/orgs/${org.id}`)).status).toBe(200);
    app.clock.set(new Date('2026-11-30T23:00:00Z'));
    expect((await bearer(token).get(`/api/orgs/${org.id}`)).status).toBe(401);
    for (const unknown of [`pd_${'A'.repeat(43)}`, 'not-a-token']) {
      const response = await bearer(unknown).get(`/api/orgs/${org.id}`);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('invalid_token');
    }
  });
});

/**
 * The foundation has no route an editor may write to yet; this probe app (the real access hook and resolver on
 * the same database) proves what the token scopes admit on such a route.
 */
describe('token scopes on an editor-level route', () => {
  let probe: FastifyInstance;
  beforeAll(async () => {
    const routes: FastifyPluginAsync = async (instance) => {
      const handler = async (request: { orgScope: unknown }) => ({ scope: request.orgScope });
      instance.get('/api/orgs/:org/probe', { config: { access: { type: 'org', role: 'editor' } } }, handler);
      instance.post('/api/orgs/:org/probe', { config: { access: { type: 'org', role: 'editor' } } }, handler);
      instance.post('/api/orgs/:org/hook', {
        config: { access: { type: 'org', role: 'viewer', tokenScope: 'webhook' } },
        handler,
      });
    };
    probe = await createHttpApp({
      logLevel: 'silent',
      trustProxyHops: 0,
      access: createAccessResolver(app.ctx),
      routes: [routes],
      isReady: async () => true,
    });
  });
  afterAll(async () => {
    await probe?.close();
  });

  it('admits each scope exactly where it belongs', async () => {
    await org.owner.client.signIn(org.owner.email, org.owner.password);
    const read = await createApiToken(org, { scopes: ['read'] });
    const write = await createApiToken(org, { scopes: ['write'] });
    const webhook = await createApiToken(org, { scopes: ['webhook'] });
    const call = (token: string, method: 'GET' | 'POST', path: string) =>
      new TestClient(probe, { bearer: token }).request(
        method,
        `/api/orgs/${org.id}/${path}`,
        method === 'POST' ? {} : undefined,
      );

    const written = await call(write.token, 'POST', 'probe');
    expect(written.status).toBe(200);
    expect(written.body.scope).toEqual({ orgId: org.id, role: 'editor', actor: { type: 'api_token', id: write.id } });
    const readWrite = await createApiToken(org, { scopes: ['read', 'write'] });
    expect((await call(readWrite.token, 'GET', 'probe')).body.scope.role).toBe('editor');
    expect((await call(read.token, 'GET', 'probe')).body.code).toBe('role_insufficient');
    expect((await call(read.token, 'POST', 'probe')).status).toBe(403);
    expect((await call(write.token, 'GET', 'probe')).status).toBe(403);
    expect((await call(webhook.token, 'POST', 'probe')).status).toBe(403);
    expect((await call(webhook.token, 'POST', 'hook')).status).toBe(200);
    expect((await call(write.token, 'POST', 'hook')).status).toBe(403);
  });
});
