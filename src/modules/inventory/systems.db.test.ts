import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation, type TestPerson } from '../../../test/factories.ts';
import { activities, activitySystems } from '../register/tables.ts';
import { systemDataCategories, systemLocations, systems } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let owner: TestClient;
let viewer: TestPerson;
/** Data category ids by key, of our organisation and of the other one. */
let categories: Record<string, string>;
let theirCategories: Record<string, string>;
let exact: { id: string; name: string };
let theirVendor: { id: string };

const url = (orgId = org.id) => `/api/orgs/${orgId}/systems`;

async function categoryIds(client: TestClient, orgId: string) {
  const response = await client.get(`/api/orgs/${orgId}/data-categories?limit=500`);
  return Object.fromEntries(response.body.items.map((item: { key: string; id: string }) => [item.key, item.id]));
}

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  owner = org.owner.client;
  viewer = await addMember(app, org, 'viewer');
  categories = await categoryIds(owner, org.id);
  theirCategories = await categoryIds(other.owner.client, other.id);
  exact = (await owner.post(`/api/orgs/${org.id}/vendors`, { name: 'Exact', kind: 'processor', country: 'NL' })).body;
  theirVendor = (
    await other.owner.client.post(`/api/orgs/${other.id}/vendors`, { name: 'AWS', kind: 'processor', country: 'US' })
  ).body;
});
afterAll(async () => {
  await app?.close();
});

let systemCount = 0;
async function createSystem(body: Record<string, unknown> = {}, orgId = org.id, client = owner) {
  systemCount += 1;
  const response = await client.post(url(orgId), { name: `Systeem ${systemCount}`, kind: 'other', ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const systemRows = () => rowCount(app, systems, eq(systems.orgId, org.id));

describe('creating systems', () => {
  it('stores a system with its vendor, data categories and locations, and audits each', async () => {
    const before = await auditHead(app, org.id);
    const system = await createSystem({
      name: 'Exact Online',
      kind: 'administration',
      vendorId: exact.id,
      description: 'Boekhouding en facturen',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      dataCategoryIds: [categories['contact-details'], categories.financial, categories.financial],
      locations: [
        { role: 'primary', country: 'nl', region: 'Amsterdam', since: '2018-02-01' },
        { role: 'backup', country: 'EL', since: '2018-02-01', until: '2020-12-31' },
      ],
    });
    expect(system).toMatchObject({
      name: 'Exact Online',
      kind: 'administration',
      vendor: { id: exact.id, name: 'Exact' },
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      status: 'active',
      usage: { activities: 0 },
    });
    expect([...system.dataCategoryIds].sort()).toEqual([categories['contact-details'], categories.financial].sort());
    expect(
      system.locations.map((l: { role: string; country: string; until: string | null }) => [
        l.role,
        l.country,
        l.until,
      ]),
    ).toEqual([
      ['backup', 'GR', '2020-12-31'],
      ['primary', 'NL', null],
    ]);
    expect(system.locations[0]).toMatchObject({
      system: { id: system.id, name: 'Exact Online' },
      providerVendor: null,
      transfer: { status: 'eea', needsSafeguard: false },
    });
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['system.created', org.owner.id],
      ['location.created', org.owner.id],
      ['location.created', org.owner.id],
    ]);
    expect(entries[0]).toMatchObject({
      targetType: 'system',
      targetId: system.id,
      data: { dataCategories: 2, locations: 2 },
    });
    expect(
      entries
        .slice(1)
        .map((entry) => entry.targetId)
        .sort(),
    ).toEqual(system.locations.map((l: { id: string }) => l.id).sort());
  });

  it('refuses bad input, including inside a location, with field errors and writes nothing', async () => {
    const before = await auditHead(app, org.id);
    const count = await systemRows();
    const response = await owner.post(url(), {
      kind: 'spreadsheet',
      dataCategoryIds: ['not-an-id'],
      locations: [
        { role: 'backup', country: 'XX', since: '2020-01-01' },
        { role: 'primary', country: 'NL', since: '2020-01-01', until: '2019-12-31' },
      ],
    });
    expect(response.status).toBe(400);
    const codes = Object.fromEntries(response.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(codes).toEqual({
      name: 'required',
      kind: 'invalid_option',
      'dataCategoryIds.0': 'invalid_id',
      'locations.0.country': 'country_code',
      'locations.1.until': 'date_range_reversed',
    });
    expect(await systemRows()).toBe(count);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("refuses another organisation's category, vendor or location provider (unknown_reference), writing nothing", async () => {
    const before = await auditHead(app, org.id);
    const count = await systemRows();
    const locationCount = await rowCount(app, systemLocations, eq(systemLocations.orgId, org.id));
    const cases: [Record<string, unknown>, string][] = [
      [{ dataCategoryIds: [categories.health, theirCategories.health] }, 'dataCategoryIds'],
      [{ vendorId: theirVendor.id }, 'vendorId'],
      [
        { locations: [{ role: 'backup', country: 'NL', since: '2020-01-01', providerVendorId: theirVendor.id }] },
        'locations.0.providerVendorId',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await owner.post(url(), { name: 'Gekaapt', kind: 'crm', ...body });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path, code: 'unknown_reference', message: expect.any(String) }]);
    }
    expect(await systemRows()).toBe(count);
    expect(await rowCount(app, systemLocations, eq(systemLocations.orgId, org.id))).toBe(locationCount);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it('refuses a name already in use, whatever its case', async () => {
    await createSystem({ name: 'Outlook' });
    const response = await owner.post(url(), { name: 'OUTLOOK', kind: 'mailbox' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: 'name', code: 'name_taken' });
  });
});

describe('listing systems', () => {
  let crm: { id: string };

  beforeAll(async () => {
    const client = other.owner.client;
    crm = await createSystem(
      {
        name: 'Lijst Pipedrive',
        kind: 'crm',
        vendorId: theirVendor.id,
        dataCategoryIds: [theirCategories['contact-details']],
      },
      other.id,
      client,
    );
    await createSystem({ name: 'Lijst Gmail', kind: 'mailbox', description: 'Mail van klanten' }, other.id, client);
    await createSystem({ name: 'Lijst Oude CRM', kind: 'crm', status: 'retired' }, other.id, client);
    await createSystem(
      { name: 'Lijst Website', kind: 'website', dataCategoryIds: [theirCategories['website-usage']] },
      other.id,
      client,
    );
  });

  const names = async (query: string) => {
    const response = await other.owner.client.get(`${url(other.id)}?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items.map((item: { name: string }) => item.name);
  };

  it('searches name and description, and filters by kind, status, vendor and data category', async () => {
    expect(await names('q=klanten')).toEqual(['Lijst Gmail']);
    expect(await names('q=Lijst&kind=crm')).toEqual(['Lijst Oude CRM', 'Lijst Pipedrive']);
    expect(await names('q=Lijst&kind=crm&status=active')).toEqual(['Lijst Pipedrive']);
    expect(await names(`vendorId=${theirVendor.id}`)).toEqual(['Lijst Pipedrive']);
    expect(await names(`dataCategoryId=${theirCategories['website-usage']}`)).toEqual(['Lijst Website']);
    expect(await names(`dataCategoryId=${categories['website-usage']}`)).toEqual([]);
  });

  it('sorts and pages with a total, and refuses unknown options', async () => {
    expect(await names('q=Lijst&sort=kind&order=desc')).toEqual([
      'Lijst Website',
      'Lijst Gmail',
      'Lijst Oude CRM',
      'Lijst Pipedrive',
    ]);
    const page = await other.owner.client.get(`${url(other.id)}?q=Lijst&limit=2&offset=1`);
    expect(page.body.items.map((item: { name: string }) => item.name)).toEqual(['Lijst Oude CRM', 'Lijst Pipedrive']);
    expect(page.body.total).toBe(4);
    const bad = await other.owner.client.get(`${url(other.id)}?kind=abacus&vendorId=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'querystring.kind',
      'querystring.vendorId',
    ]);
  });

  it("never shows another organisation's systems", async () => {
    expect((await owner.get(`${url()}?q=Lijst`)).body.total).toBe(0);
    const response = await owner.get(`${url()}/${crm.id}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('system_not_found');
  });
});

describe('changing systems', () => {
  it('updates fields, replaces data categories as a whole and records which fields changed', async () => {
    const system = await createSystem({ dataCategoryIds: [categories.communication, categories.technical] });
    const before = await auditHead(app, org.id);
    const response = await owner.patch(`${url()}/${system.id}`, {
      isMfaEnforced: false,
      vendorId: exact.id,
      dataCategoryIds: [categories.credentials],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      isMfaEnforced: false,
      vendor: { id: exact.id },
      dataCategoryIds: [categories.credentials],
    });
    expect(await rowCount(app, systemDataCategories, eq(systemDataCategories.systemId, system.id))).toBe(1);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'system.updated',
      actorId: org.owner.id,
      targetId: system.id,
      data: { fields: ['dataCategoryIds', 'isMfaEnforced', 'vendorId'] },
    });
  });

  it('records an owner who is a member, and refuses anyone else', async () => {
    const system = await createSystem();
    const owned = await owner.patch(`${url()}/${system.id}`, { ownerUserId: org.owner.id });
    expect(owned.status).toBe(200);
    expect(owned.body.owner).toEqual({ id: org.owner.id, name: expect.any(String) });
    const outsider = await createOrganisation(app);
    const refused = await owner.patch(`${url()}/${system.id}`, { ownerUserId: outsider.owner.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ path: 'ownerUserId', code: 'not_a_member' }]);
    expect((await owner.get(`${url()}/${system.id}`)).body.owner.id).toBe(org.owner.id);
  });

  it("refuses another organisation's category on update and changes nothing", async () => {
    const system = await createSystem({ dataCategoryIds: [categories.communication] });
    const before = await auditHead(app, org.id);
    const response = await owner.patch(`${url()}/${system.id}`, {
      name: 'Nieuw',
      dataCategoryIds: [theirCategories.health],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: 'dataCategoryIds', code: 'unknown_reference' });
    expect((await owner.get(`${url()}/${system.id}`)).body).toMatchObject({
      name: system.name,
      dataCategoryIds: [categories.communication],
    });
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("answers 404 for another organisation's system and for an unknown id", async () => {
    const theirs = await createSystem({}, other.id, other.owner.client);
    for (const response of [
      await owner.patch(`${url()}/${theirs.id}`, { name: 'Gekaapt' }),
      await owner.delete(`${url()}/${theirs.id}`),
      await owner.get(`${url()}/${randomUUID()}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('system_not_found');
    }
    expect((await other.owner.client.get(`${url(other.id)}/${theirs.id}`)).body.name).toBe(theirs.name);
  });
});

describe('deleting systems', () => {
  it('deletes an unused system with its locations and links, and records it', async () => {
    const system = await createSystem({
      dataCategoryIds: [categories.images],
      locations: [{ role: 'primary', country: 'NL', since: '2021-01-01' }],
    });
    const before = await auditHead(app, org.id);
    expect((await owner.delete(`${url()}/${system.id}`)).status).toBe(204);
    expect(await rowCount(app, systemLocations, eq(systemLocations.systemId, system.id))).toBe(0);
    expect(await rowCount(app, systemDataCategories, eq(systemDataCategories.systemId, system.id))).toBe(0);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'system.deleted',
      actorId: org.owner.id,
      targetId: system.id,
      data: { locationIds: [system.locations[0].id] },
    });
  });

  it('refuses (409) a system that an activity uses', async () => {
    const system = await createSystem();
    const [activity] = await app.ctx.db
      .insert(activities)
      .values({ orgId: org.id, name: 'Facturatie', role: 'controller' })
      .returning();
    await app.ctx.db.insert(activitySystems).values({ orgId: org.id, activityId: activity!.id, systemId: system.id });
    const response = await owner.delete(`${url()}/${system.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('system_in_use');
    expect((await owner.get(`${url()}/${system.id}`)).body.usage).toEqual({ activities: 1 });
  });
});

describe('access', () => {
  it('lets a viewer read but not add, change or delete', async () => {
    const system = await createSystem();
    const before = await auditHead(app, org.id);
    expect((await viewer.client.get(`${url()}/${system.id}`)).status).toBe(200);
    for (const response of [
      await viewer.client.post(url(), { name: 'Mag niet', kind: 'crm' }),
      await viewer.client.patch(`${url()}/${system.id}`, { name: 'Mag niet' }),
      await viewer.client.delete(`${url()}/${system.id}`),
    ]) {
      expect(response.status).toBe(403);
    }
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });
});
