import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('listing', () => {
  let listOrg: TestOrganisation;
  let listIds: Awaited<ReturnType<typeof categoryIds>>;
  let hosting: string;
  let hostingVendor: string;
  const url = (query = '') => `/api/orgs/${listOrg.slug}/activities${query ? `?${query}` : ''}`;
  const names = async (query = '') => {
    const response = await listOrg.owner.client.get(url(query));
    expect(response.status).toBe(200);
    return response.body.items.map((item: { name: string }) => item.name);
  };

  beforeAll(async () => {
    listOrg = await createOrganisation(app);
    listIds = await categoryIds(app, listOrg.id);
    hostingVendor = await insertVendor(app, listOrg.id, { name: 'Hoster', country: 'NL' });
    hosting = await insertSystem(app, listOrg.id, { name: 'Website', vendorId: hostingVendor });
    const complete = {
      purposes: ['Doel'],
      legalBasis: 'b',
      subjectCategoryIds: [listIds.subject('customers')],
      dataCategoryIds: [listIds.data('contact-details')],
      hasNoRecipients: true,
      retention: { kind: 'period', amount: 1, unit: 'years', startEvent: 'einde contract' },
      securityMeasures: 'TLS',
    };
    const entries = [
      { name: 'Administratie', ...complete, legalBasis: 'c', status: 'active' },
      { name: 'Beheer voor klanten', role: 'processor', processingCategories: 'ICT-beheer', status: 'active' },
      { name: 'Camerabewaking', description: 'Beelden bij de ingang', status: 'draft', systemIds: [hosting] },
      {
        name: 'Declaraties',
        purposes: ['Kosten vergoeden'],
        legalBasis: 'b',
        status: 'retired',
        retention: complete.retention,
      },
    ];
    for (const entry of entries) {
      const response = await listOrg.owner.client.post(url(), entry);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      app.clock.advance(1000);
    }
  });

  it('sorts by name by default and pages with a total', async () => {
    expect(await names()).toEqual(['Administratie', 'Beheer voor klanten', 'Camerabewaking', 'Declaraties']);
    const page = await listOrg.owner.client.get(url('limit=2&offset=1'));
    expect([page.body.total, page.body.items.map((item: { name: string }) => item.name)]).toEqual([
      4,
      ['Beheer voor klanten', 'Camerabewaking'],
    ]);
    expect(await names('order=desc&limit=1')).toEqual(['Declaraties']);
  });

  it('searches name, description and purposes', async () => {
    expect(await names('q=camera')).toEqual(['Camerabewaking']);
    expect(await names('q=ingang')).toEqual(['Camerabewaking']);
    expect(await names('q=vergoeden')).toEqual(['Declaraties']);
    expect(await names('q=100%25')).toEqual([]);
  });

  it('filters by role, status, legal basis, categories, system and vendor', async () => {
    expect(await names('role=processor')).toEqual(['Beheer voor klanten']);
    expect(await names('status=draft')).toEqual(['Camerabewaking']);
    expect(await names('legalBasis=c')).toEqual(['Administratie']);
    expect(await names(`dataCategoryId=${listIds.data('contact-details')}`)).toEqual(['Administratie']);
    expect(await names(`subjectCategoryId=${listIds.subject('customers')}`)).toEqual(['Administratie']);
    expect(await names(`systemId=${hosting}`)).toEqual(['Camerabewaking']);
    expect(await names(`vendorId=${hostingVendor}`)).toEqual(['Camerabewaking']);
  });

  it('filters and sorts by completeness (least complete first)', async () => {
    expect(await names('isComplete=true')).toEqual(['Administratie']);
    expect(await names('isComplete=false&sort=updatedAt&order=desc')).toEqual([
      'Declaraties',
      'Camerabewaking',
      'Beheer voor klanten',
    ]);
    const sorted = await listOrg.owner.client.get(url('sort=completeness'));
    const summary = sorted.body.items.map((item: { name: string; completeness: { missing: number } }) => [
      item.name,
      item.completeness.missing,
    ]);
    expect(summary.map(([, missing]: [string, number]) => missing)).toEqual(
      [...summary.map(([, missing]: [string, number]) => missing)].sort((a, b) => b - a),
    );
    expect(summary.at(-1)).toEqual(['Administratie', 0]);
    expect(await names('sort=completeness&order=desc&limit=1')).toEqual(['Administratie']);
    const paged = await listOrg.owner.client.get(url('isComplete=false&limit=1'));
    expect(paged.body.total).toBe(3);
  });

  it('refuses unknown query parameters and bad values', async () => {
    const response = await listOrg.owner.client.get(url('sort=owner&role=boss'));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'querystring.role',
      'querystring.sort',
    ]);
  });
});
