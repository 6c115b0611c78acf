import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, createPerson, type TestOrganisation } from '../../../test/factories.ts';
import { memberships } from './tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function roleOf(org: TestOrganisation, userId: string): Promise<string | undefined> {
  const [row] = await app.ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
  return row?.role;
}

describe('members', () => {
  it('lists members with their role and whether they use two-factor', async () => {
    const org = await createOrganisation(app);
    const viewer = await addMember(app, org, 'viewer', await createPerson(app, { withTotp: true, name: 'Zeger' }));
    const response = await viewer.client.get(`/api/orgs/${org.id}/members`);
    expect(response.status).toBe(200);
    expect(response.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: org.owner.id, role: 'owner', hasTotp: false, email: org.owner.email }),
        expect.objectContaining({ userId: viewer.id, role: 'viewer', hasTotp: true, name: 'Zeger' }),
      ]),
    );
    expect(response.body.members).toHaveLength(2);
  });

  it('lets an owner change a role, recording from and to', async () => {
    const org = await createOrganisation(app);
    const member = await addMember(app, org, 'viewer');
    const before = await auditHead(app, org.id);
    const response = await org.owner.client.put(`/api/orgs/${org.id}/members/${member.id}/role`, { role: 'editor' });
    expect(response.status).toBe(204);
    expect(await roleOf(org, member.id)).toBe('editor');
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'member.role_changed',
      actorId: org.owner.id,
      targetType: 'user',
      targetId: member.id,
      data: { from: 'viewer', to: 'editor' },
    });
  });

  it('refuses role changes by anyone but an owner', async () => {
    const org = await createOrganisation(app);
    const officer = await addMember(app, org, 'privacy_officer');
    const viewer = await addMember(app, org, 'viewer');
    const response = await officer.client.put(`/api/orgs/${org.id}/members/${viewer.id}/role`, { role: 'owner' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('role_insufficient');
    expect(await roleOf(org, viewer.id)).toBe('viewer');
  });

  it('keeps the last owner: no demotion, no removal, no leaving', async () => {
    const org = await createOrganisation(app);
    const owner = org.owner;
    const base = `/api/orgs/${org.id}/members/${owner.id}`;
    const demoted = await owner.client.put(`${base}/role`, { role: 'privacy_officer' });
    expect(demoted.status).toBe(409);
    expect(demoted.body.code).toBe('last_owner');
    const left = await owner.client.delete(base);
    expect(left.status).toBe(409);
    expect(left.body.code).toBe('last_owner');
    expect(await roleOf(org, owner.id)).toBe('owner');

    const second = await addMember(app, org, 'owner');
    expect((await owner.client.put(`${base}/role`, { role: 'editor' })).status).toBe(204);
    expect(await roleOf(org, owner.id)).toBe('editor');
    const lastAgain = await second.client.delete(`/api/orgs/${org.id}/members/${second.id}`);
    expect(lastAgain.body.code).toBe('last_owner');
  });

  it('lets an owner remove a member, who then loses access', async () => {
    const org = await createOrganisation(app);
    const member = await addMember(app, org, 'editor');
    expect((await member.client.get(`/api/orgs/${org.id}`)).status).toBe(200);
    const response = await org.owner.client.delete(`/api/orgs/${org.id}/members/${member.id}`);
    expect(response.status).toBe(204);
    expect(await roleOf(org, member.id)).toBeUndefined();
    const after = await member.client.get(`/api/orgs/${org.id}`);
    expect(after.status).toBe(404);
    expect(after.body.code).toBe('organisation_not_found');
  });

  it('lets any member leave, but not remove others', async () => {
    const org = await createOrganisation(app);
    const viewer = await addMember(app, org, 'viewer');
    const editor = await addMember(app, org, 'editor');
    const refused = await editor.client.delete(`/api/orgs/${org.id}/members/${viewer.id}`);
    expect(refused.status).toBe(403);
    expect(await roleOf(org, viewer.id)).toBe('viewer');
    const before = await auditHead(app, org.id);
    expect((await viewer.client.delete(`/api/orgs/${org.id}/members/${viewer.id}`)).status).toBe(204);
    expect(await roleOf(org, viewer.id)).toBeUndefined();
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({ action: 'member.removed', actorId: viewer.id, targetId: viewer.id });
    expect((await viewer.client.get('/api/orgs')).body.organisations).toEqual([]);
  });

  it('answers 404 for someone who is no member', async () => {
    const org = await createOrganisation(app);
    const stranger = await createPerson(app);
    const response = await org.owner.client.put(`/api/orgs/${org.id}/members/${stranger.id}/role`, { role: 'viewer' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('member_not_found');
    expect(await roleOf(org, stranger.id)).toBeUndefined();
  });
});
