import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';

/**
 * Issue 9 point 6: a count shown on two pages has one definition. The category list, the "per data category" page,
 * the vendor page and the activity list filtered by vendor must agree.
 */
let app: TestApp;
let org: TestOrganisation;
let ids: Awaited<ReturnType<typeof categoryIds>>;
let vendorId: string;

const api = (path: string) => `/api/orgs/${org.slug}${path}`;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  ids = await categoryIds(app, org.id);
  vendorId = await insertVendor(app, org.id, { name: 'Boekhoudpakket B.V.', country: 'NL' });
  // The system records no data category itself: it holds financial data because an activity uses it for that.
  const systemId = await insertSystem(app, org.id, { name: 'Boekhouding', vendorId });
  const retiredSystemId = await insertSystem(app, org.id, {
    name: 'Oude boekhouding',
    status: 'retired',
    dataCategoryIds: [ids.data('financial')],
  });
  const created = await org.owner.client.post(api('/activities'), {
    name: 'Facturatie',
    subjectCategoryIds: [ids.subject('customers')],
    dataCategoryIds: [ids.data('financial')],
    systemIds: [systemId, retiredSystemId],
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await app?.close();
});

describe('counts that every page shares', () => {
  it('gives a data category the same systems and activities on the category list and per data category', async () => {
    const [list, consolidation] = await Promise.all([
      org.owner.client.get(api('/data-categories?limit=200')),
      org.owner.client.get(api('/register/consolidation')),
    ]);
    expect(list.status).toBe(200);
    expect(consolidation.status).toBe(200);
    const perCategory = new Map<string, { systems: unknown[]; activities: unknown[] }>(
      consolidation.body.rows.map((row: any) => [row.dataCategory.id, row]),
    );
    const financial = list.body.items.find((item: any) => item.id === ids.data('financial'));
    expect(financial.usage).toEqual({ systems: 1, activities: 1 });
    for (const item of list.body.items) {
      const row = perCategory.get(item.id);
      expect([item.key, row?.systems.length ?? 0, row?.activities.length ?? 0]).toEqual([
        item.key,
        item.usage.systems,
        item.usage.activities,
      ]);
    }
  });

  it("counts an activity that uses a vendor's system on the vendor page, as the activity list's filter finds it", async () => {
    const [vendor, activities] = await Promise.all([
      org.owner.client.get(api(`/vendors/${vendorId}`)),
      org.owner.client.get(api(`/activities?vendorId=${vendorId}`)),
    ]);
    expect(activities.body.items.map((item: any) => item.name)).toEqual(['Facturatie']);
    expect(vendor.body.usage.activities).toBe(1);
  });

  it('refuses to delete a category that only a retired system refers to, though it no longer counts as used', async () => {
    const category = await org.owner.client.post(api('/data-categories'), {
      nameNl: 'Oude codes',
      nameEn: 'Old codes',
    });
    expect(category.status).toBe(201);
    await insertSystem(app, org.id, { name: 'Archief', status: 'retired', dataCategoryIds: [category.body.id] });
    const shown = await org.owner.client.get(api(`/data-categories/${category.body.id}`));
    expect(shown.body.usage).toEqual({ systems: 0, activities: 0 });
    const deleted = await org.owner.client.delete(api(`/data-categories/${category.body.id}`));
    expect(deleted.status).toBe(409);
  });
});
