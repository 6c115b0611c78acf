import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation, type TestPerson } from '../../../test/factories.ts';
import { systemLocations } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let owner: TestClient;
let viewer: TestPerson;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  owner = org.owner.client;
  viewer = await addMember(app, org, 'viewer');
});
afterAll(async () => {
  await app?.close();
});

const systemUrl = (orgId = org.id) => `/api/orgs/${orgId}/systems`;
const locationsUrl = (systemId: string, orgId = org.id) => `${systemUrl(orgId)}/${systemId}/locations`;

async function post(client: TestClient, path: string, body: Record<string, unknown>) {
  const response = await client.post(path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

let systemCount = 0;
const createSystem = (body: Record<string, unknown> = {}, orgId = org.id, client = owner) => {
  systemCount += 1;
  return post(client, systemUrl(orgId), { name: `Systeem ${systemCount}`, kind: 'backup', ...body });
};
const createVendor = (body: Record<string, unknown>, orgId = org.id, client = owner) =>
  post(client, `/api/orgs/${orgId}/vendors`, { kind: 'processor', ...body });

describe('locations of a system', () => {
  it('adds, lists, reads, changes and deletes a location, auditing each change', async () => {
    const system = await createSystem();
    const before = await auditHead(app, org.id);
    const created = await post(owner, locationsUrl(system.id), {
      role: 'offsite_backup',
      country: 'el',
      region: 'Athene',
      since: '2019-04-01',
      notes: 'Tweede datacentrum',
    });
    expect(created).toMatchObject({
      system: { id: system.id, name: system.name },
      role: 'offsite_backup',
      country: 'GR',
      region: 'Athene',
      since: '2019-04-01',
      until: null,
      transfer: { status: 'eea', needsSafeguard: false },
    });
    const list = await owner.get(locationsUrl(system.id));
    expect(list.body).toMatchObject({ total: 1, items: [{ id: created.id }] });
    expect((await owner.get(`${locationsUrl(system.id)}/${created.id}`)).body.region).toBe('Athene');

    const ended = await owner.patch(`${locationsUrl(system.id)}/${created.id}`, { until: '2024-12-31' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ since: '2019-04-01', until: '2024-12-31' });
    expect((await owner.delete(`${locationsUrl(system.id)}/${created.id}`)).status).toBe(204);
    expect((await owner.get(`${locationsUrl(system.id)}/${created.id}`)).body.code).toBe('location_not_found');

    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.targetType, entry.targetId])).toEqual([
      ['location.created', org.owner.id, 'location', created.id],
      ['location.updated', org.owner.id, 'location', created.id],
      ['location.deleted', org.owner.id, 'location', created.id],
    ]);
    expect(entries[0]!.data).toMatchObject({ systemId: system.id, role: 'offsite_backup', country: 'GR' });
    expect(entries[1]!.data).toEqual({ systemId: system.id, fields: ['until'] });
  });

  it('refuses an end before the start (also against the stored start) and bad input, writing nothing', async () => {
    const system = await createSystem({ locations: [{ role: 'backup', country: 'NL', since: '2020-06-01' }] });
    const location = system.locations[0];
    const before = await auditHead(app, org.id);
    const reversed = await owner.patch(`${locationsUrl(system.id)}/${location.id}`, { until: '2020-05-31' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ path: 'until', code: 'date_range_reversed', message: expect.any(String) }]);
    const bad = await owner.post(locationsUrl(system.id), { role: 'cache', country: 'XX', since: '2020-13-01' });
    expect(bad.status).toBe(400);
    expect(Object.fromEntries(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]))).toEqual({
      role: 'invalid_option',
      country: 'country_code',
      since: 'invalid_date',
    });
    expect((await owner.get(`${locationsUrl(system.id)}/${location.id}`)).body.until).toBeNull();
    expect(await rowCount(app, systemLocations, eq(systemLocations.systemId, system.id))).toBe(1);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("refuses another organisation's vendor as provider and answers 404 for ids outside the system or organisation", async () => {
    const system = await createSystem({ locations: [{ role: 'backup', country: 'NL', since: '2020-06-01' }] });
    const sibling = await createSystem({ locations: [{ role: 'backup', country: 'DE', since: '2020-06-01' }] });
    const theirSystem = await createSystem({}, other.id, other.owner.client);
    const theirVendor = await createVendor({ name: 'Hun Hoster', country: 'NL' }, other.id, other.owner.client);
    const before = await auditHead(app, org.id);

    const foreignProvider = await owner.post(locationsUrl(system.id), {
      role: 'backup',
      country: 'NL',
      since: '2021-01-01',
      providerVendorId: theirVendor.id,
    });
    expect(foreignProvider.status).toBe(400);
    expect(foreignProvider.body.errors[0]).toMatchObject({ path: 'providerVendorId', code: 'unknown_reference' });

    const siblingLocation = `${locationsUrl(system.id)}/${sibling.locations[0].id}`;
    expect((await owner.get(siblingLocation)).body.code).toBe('location_not_found');
    expect((await owner.patch(siblingLocation, { region: 'X' })).status).toBe(404);
    expect((await owner.delete(siblingLocation)).status).toBe(404);
    expect((await owner.get(`${locationsUrl(system.id)}/${randomUUID()}`)).status).toBe(404);
    const intoTheirs = await owner.post(locationsUrl(theirSystem.id), {
      role: 'backup',
      country: 'NL',
      since: '2021-01-01',
    });
    expect(intoTheirs.status).toBe(404);
    expect(intoTheirs.body.code).toBe('system_not_found');
    expect((await owner.get(locationsUrl(theirSystem.id, other.id))).status).toBe(404);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("judges each location's transfer on its last day (or today) with the governing vendor's DPF status", async () => {
    const certified = await createVendor({
      name: 'Amerikaanse Cloud',
      country: 'US',
      isDpfCertified: true,
      dpfCertifiedSince: '2023-08-01',
    });
    const system = await createSystem({
      vendorId: certified.id,
      locations: [
        { role: 'backup', country: 'US', since: '2024-01-01' },
        { role: 'backup', country: 'US', since: '2016-01-01', until: '2019-12-31' },
        { role: 'replica', country: 'IN', since: '2022-01-01', transferSafeguard: 'scc' },
      ],
    });
    const bySince = Object.fromEntries(
      system.locations.map((l: { since: string; transfer: unknown }) => [l.since, l.transfer]),
    );
    expect(bySince['2024-01-01']).toMatchObject({ status: 'adequate', needsSafeguard: false });
    expect(bySince['2016-01-01']).toMatchObject({ status: 'safeguard-required', needsSafeguard: true });
    expect(bySince['2022-01-01']).toMatchObject({ status: 'safeguard-required', needsSafeguard: false });

    // SCCs recorded with the vendor do not cover a copy: the safeguard is recorded on the location.
    const indian = await createVendor({ name: 'Indiase Hoster', country: 'IN', transferSafeguard: 'scc' });
    const copy = await post(owner, locationsUrl(system.id), {
      role: 'offsite_backup',
      country: 'IN',
      since: '2023-01-01',
      providerVendorId: indian.id,
    });
    expect(copy.providerVendor).toEqual({ id: indian.id, name: 'Indiase Hoster' });
    expect(copy.transfer).toMatchObject({ status: 'safeguard-required', needsSafeguard: true });
  });

  it('lets a viewer read locations but not write them', async () => {
    const system = await createSystem({ locations: [{ role: 'backup', country: 'NL', since: '2020-06-01' }] });
    const path = `${locationsUrl(system.id)}/${system.locations[0].id}`;
    expect((await viewer.client.get(path)).status).toBe(200);
    expect(
      (await viewer.client.post(locationsUrl(system.id), { role: 'backup', country: 'NL', since: '2021-01-01' }))
        .status,
    ).toBe(403);
    expect((await viewer.client.patch(path, { region: 'X' })).status).toBe(403);
    expect((await viewer.client.delete(path)).status).toBe(403);
  });
});

/**
 * The freelancer of seeds/004 as its own organisation: "all backups in Europe since 1-1-2018; the primary two backups
 * in NL, the offsite ones in Frankfurt", with an older US offsite backup that ended on 2017-12-31.
 */
describe('where the data is', () => {
  let freelancer: TestOrganisation;
  let client: TestClient;
  let backups: { id: string };
  let hosting: { id: string };
  const base = () => `/api/orgs/${freelancer.id}/locations`;
  const names = (body: { locations: { country: string; role: string }[] }) =>
    body.locations.map((l) => `${l.role}:${l.country}`).sort();

  beforeAll(async () => {
    freelancer = await createOrganisation(app);
    client = freelancer.owner.client;
    hosting = await createSystem(
      { name: 'Klantwebsites', kind: 'hosting', locations: [{ role: 'primary', country: 'NL', since: '2015-05-01' }] },
      freelancer.id,
      client,
    );
    backups = await createSystem(
      {
        name: 'Back-ups',
        kind: 'backup',
        locations: [
          { role: 'backup', country: 'NL', region: 'Amsterdam', since: '2015-05-01' },
          { role: 'backup', country: 'NL', region: 'Rotterdam', since: '2016-03-01' },
          { role: 'offsite_backup', country: 'DE', region: 'Frankfurt', since: '2018-01-01' },
          { role: 'offsite_backup', country: 'US', region: 'Virginia', since: '2014-01-01', until: '2017-12-31' },
        ],
      },
      freelancer.id,
      client,
    );
  });

  it('answers where the backups were on a day, for some roles or one system', async () => {
    const roles = 'role=backup&role=offsite_backup';
    const before = await client.get(`${base()}?on=2017-12-31&${roles}`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.on).toBe('2017-12-31');
    expect(names(before.body)).toEqual(['backup:NL', 'backup:NL', 'offsite_backup:US']);
    expect(names((await client.get(`${base()}?on=2018-01-01&${roles}`)).body)).toEqual([
      'backup:NL',
      'backup:NL',
      'offsite_backup:DE',
    ]);
    expect(names((await client.get(`${base()}?on=2018-01-01`)).body)).toHaveLength(4);
    expect(names((await client.get(`${base()}?on=2018-01-01&role=primary`)).body)).toEqual(['primary:NL']);
    expect(names((await client.get(`${base()}?on=2015-01-01&systemId=${backups.id}`)).body)).toEqual([
      'offsite_backup:US',
    ]);
    expect(names((await client.get(`${base()}?on=2015-01-01&systemId=${hosting.id}`)).body)).toEqual([]);
  });

  it('refuses a bad day or role, and answers 404 for a system outside the organisation', async () => {
    const bad = await client.get(`${base()}?on=2018-02-30&role=cache`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['querystring.on', 'querystring.role']);
    expect((await client.get(base())).body.errors[0]).toMatchObject({ path: 'querystring.on', code: 'required' });
    const foreignSystem = await owner.get(`/api/orgs/${org.id}/locations?on=2018-01-01&systemId=${hosting.id}`);
    expect(foreignSystem.status).toBe(404);
    expect(foreignSystem.body.code).toBe('system_not_found');
  });

  it('answers since when all backups have been inside the EEA: 2018-01-01, with the US backup as evidence', async () => {
    const response = await client.get(`${base()}/eea-status`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      roles: ['backup', 'offsite_backup'],
      includeAdequate: false,
      isAllInsideNow: true,
      allInsideSince: '2018-01-01',
      recordsSince: '2014-01-01',
      countriesValidAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(response.body.outside.map((l: { country: string; until: string }) => [l.country, l.until])).toEqual([
      ['US', '2017-12-31'],
    ]);
    const primary = await client.get(`${base()}/eea-status?roles=primary`);
    expect(primary.body).toMatchObject({ roles: ['primary'], allInsideSince: '2015-05-01', outside: [] });
  });

  it('counts Switzerland as inside only when adequate countries are included, and refuses unknown roles', async () => {
    await post(client, locationsUrl(backups.id, freelancer.id), {
      role: 'offsite_backup',
      country: 'CH',
      region: 'Zürich',
      since: '2019-01-01',
    });
    const eeaOnly = await client.get(`${base()}/eea-status?roles=backup,offsite_backup`);
    expect(eeaOnly.body).toMatchObject({ isAllInsideNow: false, allInsideSince: null });
    expect(eeaOnly.body.outside.map((l: { country: string }) => l.country).sort()).toEqual(['CH', 'US']);
    const withAdequate = await client.get(`${base()}/eea-status?includeAdequate=true`);
    expect(withAdequate.body).toMatchObject({
      includeAdequate: true,
      isAllInsideNow: true,
      allInsideSince: '2018-01-01',
    });
    const bad = await client.get(`${base()}/eea-status?roles=backup,cache&includeAdequate=yes`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'querystring.includeAdequate',
      'querystring.roles.1',
    ]);
  });

  it('lets a viewer ask both questions', async () => {
    expect((await viewer.client.get(`/api/orgs/${org.id}/locations?on=2020-01-01`)).status).toBe(200);
    const status = await viewer.client.get(`/api/orgs/${org.id}/locations/eea-status`);
    expect(status.status).toBe(200);
    expect(status.body.outside.every((l: { system: { id: string } }) => l.system.id !== backups.id)).toBe(true);
  });
});
