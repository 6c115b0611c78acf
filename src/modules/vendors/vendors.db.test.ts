import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { addMember, createOrganisation, createPerson, type TestOrganisation } from '../../../test/factories.ts';
import { vendorCertifications, vendors } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let owner: TestClient;
/** An editor whose account language is English. */
let english: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  owner = org.owner.client;
  english = (await addMember(app, org, 'editor', await createPerson(app, { locale: 'en' }))).client;
});
afterAll(async () => {
  await app?.close();
});

const url = (orgId = org.id) => `/api/orgs/${orgId}/vendors`;
let vendorCount = 0;

/** Creates a vendor through the API; names are unique per test run unless given. */
async function createVendor(body: Record<string, unknown> = {}, orgId = org.id, client = owner) {
  vendorCount += 1;
  const response = await client.post(url(orgId), {
    name: `Leverancier ${vendorCount}`,
    kind: 'processor',
    country: 'NL',
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function vendorRowsOf(orgId: string) {
  return rowCount(app, vendors, eq(vendors.orgId, orgId));
}

describe('creating vendors', () => {
  it('stores a vendor with its certifications, normalises EL to GR and records who added it', async () => {
    const before = await auditHead(app, org.id);
    const vendor = await createVendor({
      name: 'Athene Hosting',
      kind: 'sub_processor',
      country: 'el',
      services: 'VPS hosting, back-ups',
      website: 'https://athene.example',
      contactEmail: 'privacy@athene.example',
      hasMfa: true,
      canAccessClientInfrastructure: true,
      clientAccessDescription: 'Beheer van de servers van klanten',
      certifications: [
        { name: 'ISO 27001', reference: 'CERT-1', validUntil: '2027-06-30' },
        { name: 'NEN 7510', validUntil: '2026-11-22' },
        { name: 'SOC 2 Type II' },
      ],
    });
    expect(vendor).toMatchObject({
      name: 'Athene Hosting',
      kind: 'sub_processor',
      country: 'GR',
      parentVendor: null,
      hasMfa: true,
      canAccessClientInfrastructure: true,
      status: 'active',
      retiredOn: null,
      transfer: { status: 'eea', needsSafeguard: false, adequacyScope: null },
      usage: { systems: 0, activities: 0, locations: 0, subProcessors: 0 },
    });
    expect(
      vendor.certifications.map((c: { name: string; isExpired: boolean; validUntil: string | null }) => [
        c.name,
        c.validUntil,
        c.isExpired,
      ]),
    ).toEqual([
      ['ISO 27001', '2027-06-30', false],
      ['NEN 7510', '2026-11-22', true],
      ['SOC 2 Type II', null, false],
    ]);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'vendor.created',
      actorType: 'user',
      actorId: org.owner.id,
      targetType: 'vendor',
      targetId: vendor.id,
      data: { kind: 'sub_processor', country: 'GR', status: 'active' },
    });
  });

  it('judges the transfer: a US vendor needs a safeguard unless DPF-certified or one is recorded', async () => {
    const plain = await createVendor({ country: 'US' });
    expect(plain.transfer).toMatchObject({ status: 'safeguard-required', needsSafeguard: true });
    expect(plain.transfer.adequacyScope.en).toMatch(/Data Privacy Framework/);
    const certified = await createVendor({ country: 'us', isDpfCertified: true, dpfCertifiedSince: '2023-08-01' });
    expect(certified.transfer).toMatchObject({ status: 'adequate', needsSafeguard: false });
    const withScc = await createVendor({ country: 'IN', transferSafeguard: 'scc', safeguardDetails: 'SCC module 2' });
    expect(withScc.transfer).toEqual({
      status: 'safeguard-required',
      needsSafeguard: false,
      adequacyScope: null,
      verdict: 'tia_missing',
    });
  });

  it('dates a DPF certification (with HR scope) and records a TIA with SCCs as one value', async () => {
    const before = await vendorRowsOf(org.id);
    const undated = await english.post(url(), {
      name: 'Zonder datum',
      kind: 'processor',
      country: 'US',
      isDpfCertified: true,
    });
    expect(undated.status).toBe(400);
    expect(undated.body.errors).toEqual([{ path: 'dpfCertifiedSince', code: 'required', message: 'Required.' }]);
    expect(await vendorRowsOf(org.id)).toBe(before);
    const dated = await createVendor({
      country: 'US',
      isDpfCertified: true,
      dpfCertifiedSince: '2024-02-01',
      isDpfHrInScope: true,
    });
    expect(dated).toMatchObject({
      dpfCertifiedSince: '2024-02-01',
      isDpfHrInScope: true,
      transfer: { verdict: 'adequate' },
    });
    const tia = { assessedOn: '2026-01-15', reference: 'TIA-India-2026.pdf' };
    const assessed = await createVendor({ country: 'IN', transferSafeguard: 'scc', transferImpactAssessment: tia });
    expect(assessed).toMatchObject({ transferImpactAssessment: tia, transfer: { verdict: 'covered' } });
    const halfTia = await english.post(url(), {
      name: 'Halve TIA',
      kind: 'processor',
      country: 'IN',
      transferImpactAssessment: { assessedOn: '2026-01-15', reference: '' },
    });
    expect(halfTia.status).toBe(400);
    expect(halfTia.body.errors[0].path).toBe('transferImpactAssessment.reference');
  });

  it('keeps a DPF flag recorded before certifications were dated and shows it as a finding to fix', async () => {
    const legacy = await createVendor({ country: 'US', isDpfCertified: true, dpfCertifiedSince: '2024-02-01' });
    await app.ctx.db.execute(sql`update vendors set dpf_certified_since = null where id = ${legacy.id}`);
    const read = await owner.get(`${url()}/${legacy.id}`);
    expect(read.body).toMatchObject({ isDpfCertified: true, dpfCertifiedSince: null });
    expect(read.body.transfer).toMatchObject({ needsSafeguard: true, verdict: 'dpf_undated' });
    const renamed = await owner.patch(`${url()}/${legacy.id}`, { notes: 'datum nog opzoeken' });
    expect(renamed.status).toBe(200);
  });

  it('refuses bad input with localised field errors and writes nothing', async () => {
    const before = await auditHead(app, org.id);
    const count = await vendorRowsOf(org.id);
    const response = await english.post(url(), {
      name: '',
      kind: 'friend',
      country: 'XX',
      website: 'not a url',
      certifications: [{ validUntil: '31-12-2026' }],
    });
    expect(response.status).toBe(400);
    const byPath = Object.fromEntries(
      response.body.errors.map((error: { path: string; code: string; message: string }) => [error.path, error]),
    );
    expect(byPath.name.code).toBe('required');
    expect(byPath.kind.code).toBe('invalid_option');
    expect(byPath.country).toEqual({
      path: 'country',
      code: 'country_code',
      message: 'Not a known country code (ISO 3166, e.g. NL).',
    });
    expect(byPath.website.code).toBe('invalid_url');
    expect(byPath['certifications.0.name'].code).toBe('required');
    expect(byPath['certifications.0.validUntil'].code).toBe('invalid_date');
    expect(await vendorRowsOf(org.id)).toBe(count);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it('refuses a name already in use, whatever its case', async () => {
    await createVendor({ name: 'Exact Online' });
    const response = await owner.post(url(), { name: 'exact online', kind: 'processor', country: 'NL' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'name', code: 'name_taken', message: expect.any(String) }]);
  });

  it("refuses another organisation's vendor as parent (unknown_reference) and writes nothing", async () => {
    const theirs = await createVendor({}, other.id, other.owner.client);
    const before = await auditHead(app, org.id);
    const count = await vendorRowsOf(org.id);
    const response = await owner.post(url(), {
      name: 'Onderaannemer',
      kind: 'sub_processor',
      country: 'NL',
      parentVendorId: theirs.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'parentVendorId', code: 'unknown_reference', message: expect.any(String) },
    ]);
    expect(await vendorRowsOf(org.id)).toBe(count);
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });
});

describe('sub-processors', () => {
  it('links a sub-processor to its processor and refuses itself or a loop as parent', async () => {
    const processor = await createVendor({ name: 'Mailprovider' });
    const sub = await createVendor({ name: 'Mail back-up', kind: 'sub_processor', parentVendorId: processor.id });
    expect(sub.parentVendor).toEqual({ id: processor.id, name: 'Mailprovider' });
    expect((await owner.get(`${url()}/${processor.id}`)).body.usage.subProcessors).toBe(1);

    const self = await owner.patch(`${url()}/${processor.id}`, { parentVendorId: processor.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0]).toMatchObject({ path: 'parentVendorId', code: 'parent_is_self' });
    const loop = await owner.patch(`${url()}/${processor.id}`, { parentVendorId: sub.id });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0]).toMatchObject({ path: 'parentVendorId', code: 'parent_cycle' });
  });
});

describe('listing vendors', () => {
  let listed: Record<string, { id: string }>;

  beforeAll(async () => {
    const lijst = other;
    listed = {
      aws: await createVendor(
        { name: 'Lijst AWS', country: 'US', services: 'Cloud opslag' },
        lijst.id,
        lijst.owner.client,
      ),
      hetzner: await createVendor(
        { name: 'Lijst Hetzner', country: 'DE', services: 'Offsite back-up' },
        lijst.id,
        lijst.owner.client,
      ),
      kpn: await createVendor(
        { name: 'Lijst KPN', country: 'NL', kind: 'recipient', services: 'Telefonie' },
        lijst.id,
        lijst.owner.client,
      ),
      cloudflare: await createVendor(
        {
          name: 'Lijst Cloudflare',
          country: 'US',
          isDpfCertified: true,
          dpfCertifiedSince: '2023-08-01',
          services: 'CDN',
        },
        lijst.id,
        lijst.owner.client,
      ),
      olympus: await createVendor(
        { name: 'Lijst Olympus', country: 'EL', services: 'Mail' },
        lijst.id,
        lijst.owner.client,
      ),
      infosys: await createVendor(
        { name: 'Lijst Infosys', country: 'IN', status: 'retired', services: 'Back-up support' },
        lijst.id,
        lijst.owner.client,
      ),
    };
  });

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);
  const list = async (query: string) => {
    const response = await other.owner.client.get(`${url(other.id)}?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('searches name and services', async () => {
    expect(names(await list('q=back-up'))).toEqual(['Lijst Hetzner', 'Lijst Infosys']);
    expect(names(await list('q=kpn'))).toEqual(['Lijst KPN']);
  });

  it('filters by kind, status and country (el taken as GR)', async () => {
    expect(names(await list('q=Lijst&kind=recipient'))).toEqual(['Lijst KPN']);
    expect(names(await list('q=Lijst&status=retired'))).toEqual(['Lijst Infosys']);
    expect(names(await list('q=Lijst&country=us'))).toEqual(['Lijst AWS', 'Lijst Cloudflare']);
    expect(names(await list('country=el'))).toEqual(['Lijst Olympus']);
    expect((await list('country=XX')).total).toBe(0);
  });

  it('filters on a missing transfer safeguard, with a total', async () => {
    const missing = await list('q=Lijst&needsSafeguard=true');
    expect(names(missing)).toEqual(['Lijst AWS', 'Lijst Infosys']);
    expect(missing.total).toBe(2);
    const fine = await list('q=Lijst&needsSafeguard=false&limit=2&offset=1');
    expect(names(fine)).toEqual(['Lijst Hetzner', 'Lijst KPN']);
    expect(fine.total).toBe(4);
  });

  it('sorts by a chosen column in either direction, and pages with a total', async () => {
    expect(names(await list('q=Lijst&sort=country&order=desc'))).toEqual([
      'Lijst AWS',
      'Lijst Cloudflare',
      'Lijst KPN',
      'Lijst Infosys',
      'Lijst Olympus',
      'Lijst Hetzner',
    ]);
    const page = await list('q=Lijst&limit=2&offset=2');
    expect(names(page)).toEqual(['Lijst Hetzner', 'Lijst Infosys']);
    expect(page.total).toBe(6);
    const bad = await other.owner.client.get(`${url(other.id)}?sort=colour&needsSafeguard=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'querystring.needsSafeguard',
      'querystring.sort',
    ]);
  });

  it("never shows another organisation's vendors", async () => {
    expect((await owner.get(`${url()}?q=Lijst`)).body.total).toBe(0);
    expect((await owner.get(`${url()}/${listed.aws!.id}`)).status).toBe(404);
    expect((await owner.get(url(other.id))).status).toBe(404);
  });
});

describe('changing vendors', () => {
  it('updates fields, replaces certifications as a whole and records which fields changed', async () => {
    const vendor = await createVendor({ certifications: [{ name: 'ISO 27001' }, { name: 'ISO 27701' }] });
    const before = await auditHead(app, org.id);
    const response = await owner.patch(`${url()}/${vendor.id}`, {
      services: 'Boekhouding',
      hasMfa: false,
      certifications: [{ name: 'ISO 9001', validUntil: '2028-01-01' }],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ services: 'Boekhouding', hasMfa: false, name: vendor.name });
    expect(response.body.certifications.map((c: { name: string }) => c.name)).toEqual(['ISO 9001']);
    expect(await rowCount(app, vendorCertifications, eq(vendorCertifications.vendorId, vendor.id))).toBe(1);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'vendor.updated',
      actorId: org.owner.id,
      targetId: vendor.id,
      data: { fields: ['certifications', 'hasMfa', 'services'] },
    });
  });

  it('refuses a retirement day on an active vendor and bad input, changing nothing', async () => {
    const vendor = await createVendor();
    const before = await auditHead(app, org.id);
    const dated = await owner.patch(`${url()}/${vendor.id}`, { retiredOn: '2025-01-01' });
    expect(dated.status).toBe(400);
    expect(dated.body.errors[0]).toMatchObject({ path: 'retiredOn', code: 'retired_on_needs_retired_status' });
    const badCountry = await owner.patch(`${url()}/${vendor.id}`, { country: 'XX', name: 'Nieuw' });
    expect(badCountry.body.errors).toEqual([{ path: 'country', code: 'country_code', message: expect.any(String) }]);
    expect((await owner.patch(`${url()}/${vendor.id}`, {})).body.errors[0].code).toBe('nothing_to_change');
    expect((await owner.get(`${url()}/${vendor.id}`)).body).toMatchObject({ name: vendor.name, status: 'active' });
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });

  it("answers 404 for another organisation's vendor, and for an id that does not exist", async () => {
    const theirs = await createVendor({}, other.id, other.owner.client);
    const before = await auditHead(app, other.id);
    for (const response of [
      await owner.patch(`${url()}/${theirs.id}`, { name: 'Gekaapt' }),
      await owner.post(`${url()}/${theirs.id}/retire`, {}),
      await owner.delete(`${url()}/${theirs.id}`),
      await owner.get(`${url()}/${randomUUID()}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('vendor_not_found');
    }
    expect((await other.owner.client.get(`${url(other.id)}/${theirs.id}`)).body.name).toBe(theirs.name);
    expect((await auditHead(app, other.id)).seq).toBe(before.seq);
  });
});
