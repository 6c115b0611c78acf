import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import {
  addMember,
  createOrganisation,
  createPerson,
  type TestOrganisation,
  type TestPerson,
} from '../../../test/factories.ts';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_SUBJECT_CATEGORIES } from './defaults.ts';
import { dataCategories } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let viewer: TestPerson;
/** An editor whose account language is English: the session's language wins over Accept-Language. */
let english: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  viewer = await addMember(app, org, 'viewer');
  english = (await addMember(app, org, 'editor', await createPerson(app, { locale: 'en' }))).client;
});
afterAll(async () => {
  await app?.close();
});

const dataUrl = (orgId = org.id) => `/api/orgs/${orgId}/data-categories`;
const subjectUrl = (orgId = org.id) => `/api/orgs/${orgId}/subject-categories`;

async function createDataCategory(body: Record<string, unknown>) {
  const response = await org.owner.client.post(dataUrl(), body);
  expect(response.status).toBe(201);
  return response.body;
}

describe('default categories', () => {
  it('are seeded on organisation creation, named in Dutch and English', async () => {
    const data = await org.owner.client.get(`${dataUrl()}?limit=500`);
    expect(data.status).toBe(200);
    expect(data.body.total).toBe(DEFAULT_DATA_CATEGORIES.length);
    const health = data.body.items.find((item: { key: string }) => item.key === 'health');
    expect(health).toMatchObject({
      nameNl: 'Gezondheidsgegevens (ziekteverzuim)',
      nameEn: 'Health data (sick leave)',
      isSpecial: true,
      isArchived: false,
      usage: { systems: 0, activities: 0 },
    });
    const subjects = await org.owner.client.get(subjectUrl());
    expect(subjects.body.total).toBe(DEFAULT_SUBJECT_CATEGORIES.length);
    expect(subjects.body.items.map((item: { key: string }) => item.key).sort()).toEqual(
      DEFAULT_SUBJECT_CATEGORIES.map((category) => category.key).sort(),
    );
  });

  it("sort by name in the reader's language", async () => {
    const firstAndLast = async (client: TestClient) => {
      const ascending = await client.get(`${dataUrl()}?sort=name&limit=1`);
      const descending = await client.get(`${dataUrl()}?sort=name&order=desc&limit=1`);
      return [ascending.body.items[0].key, descending.body.items[0].key];
    };
    expect(await firstAndLast(org.owner.client)).toEqual(['bsn', 'website-usage']);
    expect(await firstAndLast(english)).toEqual(['application', 'website-usage']);
  });
});

describe('data categories', () => {
  it('creates one from a single name, used for both languages, and records it in the audit trail', async () => {
    const before = await auditHead(app, org.id);
    const created = await createDataCategory({ nameEn: 'Loyalty card data', isFinancial: true });
    expect(created).toMatchObject({
      key: 'loyalty-card-data',
      nameNl: 'Loyalty card data',
      nameEn: 'Loyalty card data',
      description: '',
      isFinancial: true,
      isSpecial: false,
    });
    const second = await createDataCategory({ nameNl: 'Loyalty card data' });
    expect(second.key).toBe('loyalty-card-data-2');
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.targetId])).toEqual([
      ['data_category.created', org.owner.id, created.id],
      ['data_category.created', org.owner.id, second.id],
    ]);
  });

  it('refuses a category without a name, or with unknown fields, with localised field errors and writes nothing', async () => {
    const before = await auditHead(app, org.id);
    const count = await rowCount(app, dataCategories, eq(dataCategories.orgId, org.id));
    const nameless = await english.post(dataUrl(), { description: 'no name' });
    expect(nameless.status).toBe(400);
    expect(nameless.body.errors).toEqual([{ path: 'nameNl', code: 'required', message: 'Required.' }]);
    const unknown = await org.owner.client.post(dataUrl(), { nameNl: 'X', colour: 'red' });
    expect(unknown.body.errors).toEqual([{ path: 'colour', code: 'unknown_field', message: 'Onbekend veld.' }]);
    expect(await rowCount(app, dataCategories, eq(dataCategories.orgId, org.id))).toBe(count);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it('renames and flags one, recording which fields changed', async () => {
    const category = await createDataCategory({ nameNl: 'Klantenkaart' });
    const before = await auditHead(app, org.id);
    const updated = await org.owner.client.patch(`${dataUrl()}/${category.id}`, {
      nameEn: 'Customer card',
      isCredentials: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ nameNl: 'Klantenkaart', nameEn: 'Customer card', isCredentials: true });
    expect(updated.body.key).toBe(category.key);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'data_category.updated',
      actorId: org.owner.id,
      targetId: category.id,
      data: { fields: ['isCredentials', 'nameEn'] },
    });
    const empty = await org.owner.client.patch(`${dataUrl()}/${category.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].code).toBe('nothing_to_change');
  });

  it('hides an archived category from the list unless asked', async () => {
    const category = await createDataCategory({ nameNl: 'Oude nieuwsbrieflijst' });
    await org.owner.client.patch(`${dataUrl()}/${category.id}`, { isArchived: true });
    const visible = await org.owner.client.get(`${dataUrl()}?q=nieuwsbrieflijst`);
    expect(visible.body.total).toBe(0);
    const all = await org.owner.client.get(`${dataUrl()}?q=nieuwsbrieflijst&includeArchived=true`);
    expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([category.id]);
    expect(all.body.items[0].isArchived).toBe(true);
  });

  it('deletes an unused category and refuses (409) one a system uses', async () => {
    const unused = await createDataCategory({ nameNl: 'Eenmalig' });
    const before = await auditHead(app, org.id);
    expect((await org.owner.client.delete(`${dataUrl()}/${unused.id}`)).status).toBe(204);
    expect((await org.owner.client.get(`${dataUrl()}/${unused.id}`)).status).toBe(404);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({ action: 'data_category.deleted', actorId: org.owner.id, targetId: unused.id });

    const used = await createDataCategory({ nameNl: 'In gebruik' });
    const system = await org.owner.client.post(`/api/orgs/${org.id}/systems`, {
      name: 'CRM',
      kind: 'crm',
      dataCategoryIds: [used.id],
    });
    expect(system.status).toBe(201);
    const refused = await english.delete(`${dataUrl()}/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'category_in_use', detail: expect.stringMatching(/Archive it/) });
    expect((await org.owner.client.get(`${dataUrl()}/${used.id}`)).body.usage).toEqual({ systems: 1, activities: 0 });
  });

  it('searches names and keys (wildcards taken literally), sorts by key and pages with a total', async () => {
    const search = await org.owner.client.get(`${dataUrl()}?q=gezondheid`);
    expect(search.body.items.map((item: { key: string }) => item.key)).toEqual(['health']);
    expect((await org.owner.client.get(`${dataUrl()}?q=bsn`)).body.items[0].key).toBe('bsn');
    expect((await org.owner.client.get(`${dataUrl()}?q=%25`)).body.total).toBe(0);

    const all = await org.owner.client.get(`${dataUrl()}?sort=key&limit=500`);
    const keys = all.body.items.map((item: { key: string }) => item.key);
    const page = await org.owner.client.get(`${dataUrl()}?sort=key&limit=5&offset=5`);
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.items.map((item: { key: string }) => item.key)).toEqual(keys.slice(5, 10));
    const bad = await org.owner.client.get(`${dataUrl()}?limit=0&sort=colour`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'querystring.limit',
      'querystring.sort',
    ]);
  });
});

describe('subject categories', () => {
  it('are created, renamed, archived and deleted like data categories', async () => {
    const before = await auditHead(app, org.id);
    const created = await org.owner.client.post(subjectUrl(), { nameNl: 'Leerlingen', isVulnerable: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'leerlingen', nameEn: 'Leerlingen', isVulnerable: true });
    const id = created.body.id;
    const renamed = await org.owner.client.patch(`${subjectUrl()}/${id}`, { nameEn: 'Pupils', isArchived: true });
    expect(renamed.body).toMatchObject({ nameNl: 'Leerlingen', nameEn: 'Pupils', isArchived: true });
    expect((await org.owner.client.delete(`${subjectUrl()}/${id}`)).status).toBe(204);
    expect((await org.owner.client.get(`${subjectUrl()}/${id}`)).body.code).toBe('subject_category_not_found');
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => entry.action)).toEqual([
      'subject_category.created',
      'subject_category.updated',
      'subject_category.deleted',
    ]);
    expect(entries.every((entry) => entry.targetId === id && entry.actorId === org.owner.id)).toBe(true);
  });
});

describe('access', () => {
  it('lets a viewer read but not write', async () => {
    expect((await viewer.client.get(dataUrl())).status).toBe(200);
    const before = await auditHead(app, org.id);
    const refused = await viewer.client.post(dataUrl(), { nameNl: 'Mag niet' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('role_insufficient');
    const [someCategory] = (await viewer.client.get(dataUrl())).body.items;
    expect((await viewer.client.patch(`${dataUrl()}/${someCategory.id}`, { nameNl: 'X' })).status).toBe(403);
    expect((await viewer.client.delete(`${subjectUrl()}/${someCategory.id}`)).status).toBe(403);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("answers 404 for another organisation's categories, through its own organisation or theirs", async () => {
    const [theirs] = (await other.owner.client.get(dataUrl(other.id))).body.items;
    const throughOurs = await org.owner.client.get(`${dataUrl()}/${theirs.id}`);
    expect(throughOurs.status).toBe(404);
    expect(throughOurs.body.code).toBe('data_category_not_found');
    expect((await org.owner.client.patch(`${dataUrl()}/${theirs.id}`, { nameNl: 'Gekaapt' })).status).toBe(404);
    expect((await org.owner.client.delete(`${dataUrl()}/${theirs.id}`)).status).toBe(404);
    expect((await org.owner.client.get(dataUrl(other.id))).status).toBe(404);
    expect((await other.owner.client.get(`${dataUrl(other.id)}/${theirs.id}`)).body.nameNl).toBe(theirs.nameNl);
  });
});
