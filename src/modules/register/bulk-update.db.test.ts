import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  addMember,
  createOrganisation,
  createPerson,
  type TestOrganisation,
  type TestPerson,
} from '../../../test/factories.ts';
import { auditSeq, auditSince } from '../../../test/register-factories.ts';

/** Issue 9 point 11: an owner and a review date for many activities at once, and drafts confirmed together. */
let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let editor: TestPerson;
let officer: TestPerson;

const api = (slug: string, path: string) => `/api/orgs/${slug}${path}`;

async function activity(owner: TestOrganisation, name: string, fields: Record<string, unknown> = {}) {
  const response = await owner.owner.client.post(api(owner.slug, '/activities'), { name, ...fields });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function activityById(id: string) {
  return (await org.owner.client.get(api(org.slug, `/activities/${id}`))).body;
}

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  editor = await addMember(app, org, 'editor');
  officer = await addMember(app, org, 'privacy_officer', await createPerson(app, { name: 'Fien de Groot' }));
});
afterAll(async () => {
  await app?.close();
});

describe('PATCH /activities: one change for many activities', () => {
  it('sets owner and review date on the chosen activities only, in one go, with an audit entry per activity', async () => {
    const ids = [await activity(org, 'Salarisadministratie'), await activity(org, 'Werving')];
    const untouched = await activity(org, 'Nieuwsbrief');
    const seq = await auditSeq(app, org.id);

    const response = await editor.client.patch(api(org.slug, '/activities'), {
      activityIds: ids,
      ownerUserId: officer.id,
      reviewDate: '2027-09-01',
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ updated: 2, unchanged: 0 });
    for (const id of ids) {
      expect(await activityById(id)).toMatchObject({ owner: { id: officer.id }, reviewDate: '2027-09-01' });
    }
    expect(await activityById(untouched)).toMatchObject({ owner: null, reviewDate: null });
    const entries = await auditSince(app, org.id, seq);
    expect(entries.map((entry) => [entry.action, entry.targetId, entry.data])).toEqual(
      ids.map((id) =>
        expect.arrayContaining(['activity.updated', id, { fields: ['ownerUserId', 'reviewDate'], isBulk: true }]),
      ),
    );
  });

  it('confirms drafts together and leaves activities that already have the values unchanged', async () => {
    const drafts = [await activity(org, 'Offertes'), await activity(org, 'Facturatie')];
    const active = await activity(org, 'Klantcontact', { status: 'active' });

    const response = await org.owner.client.patch(api(org.slug, '/activities'), {
      activityIds: [...drafts, active],
      status: 'active',
    });

    expect(response.body).toEqual({ updated: 2, unchanged: 1 });
    for (const id of drafts) expect((await activityById(id)).status).toBe('active');
  });

  it("refuses another organisation's activity, an owner who is not a member and a retired activity, changing nothing", async () => {
    const own = await activity(org, 'Sollicitaties');
    const retired = await activity(org, 'Oude webshop', { status: 'retired' });
    const foreign = await activity(other, 'Geheim van een ander');
    const outsider = await createPerson(app);
    const seq = await auditSeq(app, org.id);

    const foreignId = await editor.client.patch(api(org.slug, '/activities'), {
      activityIds: [own, foreign],
      reviewDate: '2027-01-01',
    });
    const notMember = await editor.client.patch(api(org.slug, '/activities'), {
      activityIds: [own],
      ownerUserId: outsider.id,
    });
    const confirmRetired = await editor.client.patch(api(org.slug, '/activities'), {
      activityIds: [own, retired],
      status: 'active',
    });
    const nothing = await editor.client.patch(api(org.slug, '/activities'), { activityIds: [own] });
    const retire = await editor.client.patch(api(org.slug, '/activities'), { activityIds: [own], status: 'retired' });

    for (const refused of [foreignId, notMember, confirmRetired, nothing, retire]) {
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect(foreignId.body.errors).toEqual([
      expect.objectContaining({ path: 'activityIds', code: 'unknown_reference' }),
    ]);
    expect(notMember.body.errors).toEqual([expect.objectContaining({ path: 'ownerUserId', code: 'not_a_member' })]);
    expect(confirmRetired.body.errors).toEqual([
      expect.objectContaining({ path: 'status', code: 'retired_not_confirmable' }),
    ]);
    expect(await activityById(own)).toMatchObject({ status: 'draft', reviewDate: null, owner: null });
    expect((await other.owner.client.get(api(other.slug, `/activities/${foreign}`))).body.reviewDate).toBeNull();
    expect(await auditSince(app, org.id, seq)).toEqual([]);
  });

  it('is not for viewers', async () => {
    const viewer = await addMember(app, org, 'viewer');
    const id = await activity(org, 'Bezoekersregistratie');
    const response = await viewer.client.patch(api(org.slug, '/activities'), {
      activityIds: [id],
      reviewDate: '2027-01-01',
    });
    expect(response.status).toBe(403);
  });
});
