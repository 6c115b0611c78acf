import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import type { TestClient } from '../../../test/client.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { categoryIds } from '../../../test/register-factories.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { calendarDateIn } from '../../shared/dates.ts';
import { refreshCompleteness, refreshStaleCompleteness } from './service.ts';
import { activityCompleteness } from './tables.ts';

/**
 * The stored completeness summaries (what the list shows, sorts and filters by) must always equal the live check.
 * After each kind of change to an input of the check, every activity's stored summary is compared with the one the
 * activity's completeness route computes fresh, and the change is shown to have moved a summary.
 */

let app: TestApp;
let org: TestOrganisation;
let client: TestClient;
let ids: Awaited<ReturnType<typeof categoryIds>>;
const base = () => `/api/orgs/${org.id}`;

interface Summary {
  isComplete: boolean;
  missing: number;
  warnings: number;
}

async function ok(response: Promise<{ status: number; body: unknown }>, status = 200) {
  const answered = await response;
  expect(answered.status, JSON.stringify(answered.body)).toBe(status);
  return answered.body as Record<string, unknown> & { id: string };
}

async function storedSummaries(): Promise<Map<string, Summary & { computedFor: string }>> {
  const rows = await app.ctx.db.select().from(activityCompleteness).where(eq(activityCompleteness.orgId, org.id));
  return new Map(
    rows.map(({ activityId, isComplete, missing, warnings, computedFor }) => [
      activityId,
      { isComplete, missing, warnings, computedFor },
    ]),
  );
}

/** Every activity of the organisation: stored summary (computed today) == the live check's. Returns them by name. */
async function expectStoredEqualsFresh(): Promise<Map<string, Summary>> {
  const list = await ok(client.get(`${base()}/activities?limit=100`));
  const items = list.items as { id: string; name: string }[];
  const stored = await storedSummaries();
  const today = calendarDateIn(app.clock.now());
  const byName = new Map<string, Summary>();
  for (const item of items) {
    const fresh = (await ok(client.get(`${base()}/activities/${item.id}/completeness`))).summary as Summary;
    expect(stored.get(item.id), `stored summary of ${item.name}`).toEqual({ ...fresh, computedFor: today });
    byName.set(item.name, fresh);
  }
  expect(stored.size).toBe(items.length);
  return byName;
}

let colleague: Awaited<ReturnType<typeof addMember>>;
let vendorId: string;
let subProcessorId: string;
let systemId: string;
let activityId: string;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  client = org.owner.client;
  ids = await categoryIds(app, org.id);
  colleague = await addMember(app, org, 'editor');
});
afterAll(async () => {
  await app?.close();
});

describe('stored completeness equals the live check', () => {
  it('after creating and changing activities', async () => {
    vendorId = (await ok(client.post(`${base()}/vendors`, { name: 'Hoster', kind: 'processor', country: 'NL' }), 201))
      .id;
    systemId = (
      await ok(
        client.post(`${base()}/systems`, {
          name: 'Website',
          kind: 'website',
          vendorId,
          locations: [{ role: 'primary', country: 'NL', since: '2020-01-01' }],
        }),
        201,
      )
    ).id;
    const activity = await ok(
      client.post(`${base()}/activities`, {
        name: 'Klantenservice',
        purposes: ['Vragen beantwoorden'],
        legalBasis: 'b',
        subjectCategoryIds: [ids.subject('customers')],
        dataCategoryIds: [ids.data('contact-details')],
        hasNoRecipients: true,
        systemIds: [systemId],
        retention: { kind: 'period', amount: 1, unit: 'years', startEvent: 'einde contract' },
        securityMeasures: 'TLS',
        isDpiaRequired: false,
        status: 'active',
      }),
      201,
    );
    activityId = activity.id;
    await ok(client.post(`${base()}/activities`, { name: 'Leeg', status: 'draft' }), 201);
    const before = await expectStoredEqualsFresh();

    await ok(
      client.patch(`${base()}/activities/${activityId}`, { ownerUserId: colleague.id, reviewDate: '2026-11-23' }),
    );
    const after = await expectStoredEqualsFresh();
    expect(after.get('Klantenservice')?.warnings).toBeLessThan(before.get('Klantenservice')?.warnings ?? 0);
  });

  it('after a data category becomes special, and a subject category changes', async () => {
    const before = await expectStoredEqualsFresh();
    await ok(client.patch(`${base()}/data-categories/${ids.data('contact-details')}`, { isSpecial: true }));
    const after = await expectStoredEqualsFresh();
    expect(after.get('Klantenservice')?.missing).toBe((before.get('Klantenservice')?.missing ?? 0) + 1);
    await ok(client.patch(`${base()}/data-categories/${ids.data('contact-details')}`, { isSpecial: false }));
    await ok(client.patch(`${base()}/subject-categories/${ids.subject('customers')}`, { nameNl: 'Klanten (B2C)' }));
    expect(await expectStoredEqualsFresh()).toEqual(before);
  });

  it('after locations of a system used by an activity are added, changed and removed', async () => {
    const before = await expectStoredEqualsFresh();
    const location = await ok(
      client.post(`${base()}/systems/${systemId}/locations`, {
        role: 'offsite_backup',
        country: 'US',
        since: '2021-01-01',
      }),
      201,
    );
    const after = await expectStoredEqualsFresh();
    expect(after.get('Klantenservice')?.missing).toBe((before.get('Klantenservice')?.missing ?? 0) + 1);
    await ok(
      client.patch(`${base()}/systems/${systemId}/locations/${location.id}`, {
        transferSafeguard: 'scc',
        transferImpactAssessment: { assessedOn: '2021-01-01', reference: 'TIA-2021' },
      }),
    );
    expect(await expectStoredEqualsFresh()).toEqual(before);
    await ok(client.patch(`${base()}/systems/${systemId}/locations/${location.id}`, { transferSafeguard: null }));
    await ok(client.delete(`${base()}/systems/${systemId}/locations/${location.id}`), 204);
    expect(await expectStoredEqualsFresh()).toEqual(before);
  });

  it('after a system changes vendor, and that vendor, its sub-processor chain and its retirement change', async () => {
    const before = await expectStoredEqualsFresh();
    const usVendor = await ok(
      client.post(`${base()}/vendors`, { name: 'Cloud Inc.', kind: 'processor', country: 'US' }),
      201,
    );
    await ok(client.patch(`${base()}/systems/${systemId}`, { vendorId: usVendor.id }));
    // A US vendor's system in the EEA with a US-held offsite copy (held by the vendor: no provider of its own).
    await ok(
      client.post(`${base()}/systems/${systemId}/locations`, {
        role: 'offsite_backup',
        country: 'US',
        since: '2021-01-01',
      }),
      201,
    );
    const failing = await expectStoredEqualsFresh();
    expect(failing.get('Klantenservice')?.missing).toBe((before.get('Klantenservice')?.missing ?? 0) + 1);
    await ok(
      client.patch(`${base()}/vendors/${usVendor.id}`, { isDpfCertified: true, dpfCertifiedSince: '2023-09-01' }),
    );
    expect((await expectStoredEqualsFresh()).get('Klantenservice')).toEqual(before.get('Klantenservice'));

    subProcessorId = (
      await ok(
        client.post(`${base()}/vendors`, {
          name: 'Backup GmbH',
          kind: 'sub_processor',
          country: 'DE',
          parentVendorId: usVendor.id,
        }),
        201,
      )
    ).id;
    await ok(client.patch(`${base()}/vendors/${subProcessorId}`, { country: 'CH' }));
    await expectStoredEqualsFresh();
    await ok(client.patch(`${base()}/vendors/${usVendor.id}`, { isDpfCertified: false, dpfCertifiedSince: null }));
    expect((await expectStoredEqualsFresh()).get('Klantenservice')).toEqual(failing.get('Klantenservice'));
    await ok(client.post(`${base()}/vendors/${vendorId}/retire`, {}));
    await expectStoredEqualsFresh();
  });

  it('after the organisation settings and the members change', async () => {
    await ok(client.patch(base(), { street: 'Kerkstraat 1', postcode: '1234 AB', city: 'Utrecht' }));
    const before = await expectStoredEqualsFresh();
    await ok(client.delete(`${base()}/members/${colleague.id}`), 204);
    const after = await expectStoredEqualsFresh();
    // The owner is no longer a member: a warning more.
    expect(after.get('Klantenservice')?.warnings).toBe((before.get('Klantenservice')?.warnings ?? 0) + 1);
    await addMember(app, org, 'viewer', colleague);
    expect(await expectStoredEqualsFresh()).toEqual(before);
    await ok(client.put(`${base()}/members/${colleague.id}/role`, { role: 'editor' }), 204);
    await expectStoredEqualsFresh();
  });

  it('after a bulk change of owner and review date, and a bulk confirmation of drafts', async () => {
    const before = await expectStoredEqualsFresh();
    const draft = (await ok(client.get(`${base()}/activities?q=Leeg`))).items as { id: string }[];
    await ok(
      client.patch(`${base()}/activities`, {
        activityIds: [draft[0]?.id],
        ownerUserId: org.owner.id,
        reviewDate: '2027-06-01',
        status: 'active',
      }),
    );
    const after = await expectStoredEqualsFresh();
    expect(after.get('Leeg')?.warnings).toBeLessThan(before.get('Leeg')?.warnings ?? 0);
  });

  it('after an adequacy scope question is answered for a country the data goes to', async () => {
    const before = await expectStoredEqualsFresh();
    const location = await ok(
      client.post(`${base()}/systems/${systemId}/locations`, { role: 'replica', country: 'CA', since: '2022-01-01' }),
      201,
    );
    const asked = await expectStoredEqualsFresh();
    expect(asked.get('Klantenservice')?.warnings).toBe((before.get('Klantenservice')?.warnings ?? 0) + 1);
    await ok(client.put(`${base()}/register/transfer-scopes/CA`, { isWithinScope: true, note: 'PIPEDA' }));
    expect((await expectStoredEqualsFresh()).get('Klantenservice')).toEqual(before.get('Klantenservice'));
    await ok(client.delete(`${base()}/systems/${systemId}/locations/${location.id}`), 204);
  });

  it("after a client organisation's contact details change (its provider's processor activity names it)", async () => {
    const clientOrg = await ok(client.post('/api/orgs', { name: 'Klant BV', managedByOrgId: org.id }), 201);
    await ok(
      client.post(`${base()}/activities`, {
        name: 'Beheer voor Klant BV',
        role: 'processor',
        controllers: [{ kind: 'managed_org', organisationId: clientOrg.id }],
        processingCategories: 'Beheer',
        status: 'active',
      }),
      201,
    );
    const before = await expectStoredEqualsFresh();
    await ok(client.patch(`/api/orgs/${clientOrg.id}`, { street: 'Markt 2', postcode: '3511 AA', city: 'Utrecht' }));
    const after = await expectStoredEqualsFresh();
    expect(after.get('Beheer voor Klant BV')).not.toEqual(before.get('Beheer voor Klant BV'));
  });

  it('after a template writes many things in one transaction', async () => {
    await ok(client.post(`${base()}/templates/freelancer/apply`));
    const summaries = await expectStoredEqualsFresh();
    expect(summaries.size).toBeGreaterThan(3);
  });

  it('after the day changes (review date passed), once the daily refresh has run; the list answers live until then', async () => {
    const before = await expectStoredEqualsFresh();
    app.clock.advance(20 * 3600 * 1000);
    // No summary is of today now: the list must not show yesterday's (the review date, 23 November, has passed).
    const listed = await ok(client.get(`${base()}/activities?sort=completeness&limit=100`));
    const live = (listed.items as { name: string; completeness: Summary }[]).find(
      (item) => item.name === 'Klantenservice',
    );
    expect(live?.completeness.warnings).toBe((before.get('Klantenservice')?.warnings ?? 0) + 1);

    await refreshStaleCompleteness(app.ctx);
    const after = await expectStoredEqualsFresh();
    expect(after.get('Klantenservice')).toEqual(live?.completeness);
  });

  it('sorts and filters by the stored summaries as the live check would', async () => {
    const summaries = await expectStoredEqualsFresh();
    const listed = await ok(client.get(`${base()}/activities?sort=completeness&limit=100`));
    const names = (listed.items as { name: string }[]).map((item) => item.name);
    const expected = [...summaries.entries()]
      .sort(([a, x], [b, y]) => y.missing - x.missing || y.warnings - x.warnings || a.localeCompare(b, 'nl'))
      .map(([name]) => name);
    expect(names).toEqual(expected);
    const complete = await ok(client.get(`${base()}/activities?isComplete=true&limit=100`));
    expect((complete.items as { name: string }[]).map((item) => item.name).sort()).toEqual(
      [...summaries.entries()]
        .filter(([, summary]) => summary.isComplete)
        .map(([name]) => name)
        .sort(),
    );
    expect(complete.total).toBe([...summaries.values()].filter((summary) => summary.isComplete).length);
  });

  it('refreshes exactly the activities a change touches', async () => {
    const refreshed = (changed: Parameters<typeof refreshCompleteness>[3]) =>
      inTransaction(app.ctx.db, (tx) => refreshCompleteness(app.ctx, tx, { orgId: org.id }, changed));
    const all = (await ok(client.get(`${base()}/activities?limit=100`))).total as number;
    expect(await refreshed({ systemIds: [systemId] })).toBe(1);
    // The sub-processor's chain reaches its processor, whose system the activity uses.
    expect(await refreshed({ vendorIds: [subProcessorId] })).toBe(1);
    expect(await refreshed({ memberIds: [colleague.id] })).toBe(1);
    expect(await refreshed({ activityIds: [activityId] })).toBe(1);
    expect(await refreshed({})).toBe(0);
    expect(await refreshed({ wholeOrganisation: true })).toBe(all);
  });
});
