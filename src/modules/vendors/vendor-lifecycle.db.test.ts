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
import { activities, activityRecipients } from '../register/tables.ts';
import { vendorCertifications } from './tables.ts';

/** Retiring, reactivating and deleting vendors, and who may (creating, listing and changing: vendors.db.test.ts). */

let app: TestApp;
let org: TestOrganisation;
let owner: TestClient;
let viewer: TestPerson;
/** An editor whose account language is English. */
let english: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  owner = org.owner.client;
  viewer = await addMember(app, org, 'viewer');
  english = (await addMember(app, org, 'editor', await createPerson(app, { locale: 'en' }))).client;
});
afterAll(async () => {
  await app?.close();
});

const url = () => `/api/orgs/${org.id}/vendors`;
let vendorCount = 0;

async function createVendor(body: Record<string, unknown> = {}) {
  vendorCount += 1;
  const response = await owner.post(url(), {
    name: `Leverancier ${vendorCount}`,
    kind: 'processor',
    country: 'NL',
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('retiring vendors', () => {
  it('retires today in Amsterdam by default, keeps the vendor, and refuses retiring twice', async () => {
    const vendor = await createVendor({ country: 'BR' });
    const now = app.clock.now();
    app.clock.set(new Date('2026-11-23T23:30:00Z'));
    try {
      const before = await auditHead(app, org.id);
      const response = await owner.post(`${url()}/${vendor.id}/retire`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'retired', retiredOn: '2026-11-24' });
      const [entry] = await auditEntriesSince(app, org.id, before.seq);
      expect(entry).toMatchObject({
        action: 'vendor.retired',
        actorId: org.owner.id,
        targetId: vendor.id,
        data: { retiredOn: '2026-11-24' },
      });
    } finally {
      app.clock.set(now);
    }
    const again = await owner.post(`${url()}/${vendor.id}/retire`, { retiredOn: '2026-01-01' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('vendor_already_retired');
    expect((await owner.get(`${url()}?q=${encodeURIComponent(vendor.name)}&status=retired`)).body.total).toBe(1);
  });

  it('takes a given past day, judges the transfer on it, and refuses a day in the future', async () => {
    const vendor = await createVendor({ country: 'BR' });
    const future = await owner.post(`${url()}/${vendor.id}/retire`, { retiredOn: '2027-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'retiredOn', code: 'date_in_future' });
    const retired = await owner.post(`${url()}/${vendor.id}/retire`, { retiredOn: '2025-12-31' });
    expect(retired.body).toMatchObject({ status: 'retired', retiredOn: '2025-12-31' });
    // Brazil's adequacy decision dates from 2026-01-26: on its last day this vendor needed a safeguard.
    expect(retired.body.transfer).toMatchObject({ status: 'safeguard-required', needsSafeguard: true });
  });

  it('reactivates a vendor through an update, clearing its retirement day', async () => {
    const vendor = await createVendor({ status: 'retired', retiredOn: '2024-02-01' });
    expect(vendor.retiredOn).toBe('2024-02-01');
    const active = await owner.patch(`${url()}/${vendor.id}`, { status: 'active' });
    expect(active.body).toMatchObject({ status: 'active', retiredOn: null });
  });
});

describe('deleting vendors', () => {
  it('deletes an unused vendor with its certifications and records it', async () => {
    const vendor = await createVendor({ certifications: [{ name: 'ISO 27001' }] });
    const before = await auditHead(app, org.id);
    expect((await owner.delete(`${url()}/${vendor.id}`)).status).toBe(204);
    expect((await owner.get(`${url()}/${vendor.id}`)).status).toBe(404);
    expect(await rowCount(app, vendorCertifications, eq(vendorCertifications.vendorId, vendor.id))).toBe(0);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({ action: 'vendor.deleted', actorId: org.owner.id, targetId: vendor.id });
  });

  it('refuses (409) a vendor that a system, a location, an activity or a sub-processor refers to', async () => {
    const systemVendor = await createVendor();
    await owner.post(`/api/orgs/${org.id}/systems`, {
      name: 'Boekhouding',
      kind: 'administration',
      vendorId: systemVendor.id,
    });
    const host = await createVendor();
    const backup = await owner.post(`/api/orgs/${org.id}/systems`, {
      name: 'Back-up',
      kind: 'backup',
      locations: [{ role: 'backup', country: 'NL', since: '2020-01-01', providerVendorId: host.id }],
    });
    expect(backup.status).toBe(201);
    const parentVendor = await createVendor();
    await createVendor({ kind: 'sub_processor', parentVendorId: parentVendor.id });
    const recipient = await createVendor({ kind: 'recipient' });
    const [activity] = await app.ctx.db
      .insert(activities)
      .values({ orgId: org.id, name: 'Salarisadministratie', role: 'controller' })
      .returning();
    await app.ctx.db
      .insert(activityRecipients)
      .values({ orgId: org.id, activityId: activity!.id, vendorId: recipient.id });

    const before = await auditHead(app, org.id);
    const cases: [Record<string, unknown>, Record<string, number>][] = [
      [systemVendor, { systems: 1 }],
      [host, { locations: 1 }],
      [parentVendor, { subProcessors: 1 }],
      [recipient, { activities: 1 }],
    ];
    for (const [vendor, usage] of cases) {
      const response = await english.delete(`${url()}/${vendor.id}`);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'vendor_in_use',
        detail: expect.stringMatching(/Retire it instead/),
      });
      expect((await owner.get(`${url()}/${vendor.id}`)).body.usage).toMatchObject(usage);
    }
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });
});

describe('access', () => {
  it('lets a viewer read but not add, change, retire or delete', async () => {
    const vendor = await createVendor();
    const before = await auditHead(app, org.id);
    expect((await viewer.client.get(url())).status).toBe(200);
    expect((await viewer.client.get(`${url()}/${vendor.id}`)).status).toBe(200);
    for (const response of [
      await viewer.client.post(url(), { name: 'Mag niet', kind: 'processor', country: 'NL' }),
      await viewer.client.patch(`${url()}/${vendor.id}`, { name: 'Mag niet' }),
      await viewer.client.post(`${url()}/${vendor.id}/retire`, {}),
      await viewer.client.delete(`${url()}/${vendor.id}`),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('role_insufficient');
    }
    expect((await owner.get(`${url()}/${vendor.id}`)).body).toMatchObject({ name: vendor.name, status: 'active' });
    expect((await auditHead(app, org.id)).seq).toBe(before.seq);
  });
});
