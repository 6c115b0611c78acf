import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  addMember,
  createOrganisation,
  createPerson,
  type TestOrganisation,
  type TestPerson,
} from '../../../test/factories.ts';
import { auditSeq, auditSince, categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';
import { activities, activityDataCategories, activityTransfers } from './tables.ts';

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let editor: TestPerson;
let viewer: TestPerson;
let ids: Awaited<ReturnType<typeof categoryIds>>;
let otherIds: Awaited<ReturnType<typeof categoryIds>>;
let crm: string;
let mail: string;
let exact: string;
let otherSystem: string;
let otherVendor: string;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  other = await createOrganisation(app);
  editor = await addMember(app, org, 'editor');
  viewer = await addMember(app, org, 'viewer');
  [ids, otherIds] = await Promise.all([categoryIds(app, org.id), categoryIds(app, other.id)]);
  exact = await insertVendor(app, org.id, { name: 'Exact', country: 'NL' });
  crm = await insertSystem(app, org.id, { name: 'CRM', kind: 'crm' });
  mail = await insertSystem(app, org.id, { name: 'Mail', kind: 'mailbox' });
  otherSystem = await insertSystem(app, other.id, { name: 'Their CRM' });
  otherVendor = await insertVendor(app, other.id, { name: 'Their vendor', country: 'NL' });
});
afterAll(async () => {
  await app?.close();
});

const base = () => `/api/orgs/${org.slug}/activities`;
const activityCount = async (orgId = org.id) =>
  (await app.ctx.db.select({ n: count() }).from(activities).where(eq(activities.orgId, orgId)))[0]?.n ?? 0;

function applicants(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Sollicitanten',
    description: 'Werving van nieuwe collega’s',
    purposes: ['Werving en selectie'],
    legalBasis: 'b',
    subjectCategoryIds: [ids.subject('applicants')],
    dataCategoryIds: [ids.data('contact-details'), ids.data('application')],
    systemIds: [mail],
    recipientVendorIds: [exact],
    transfers: [
      {
        country: 'in',
        recipient: 'Support desk',
        safeguard: 'scc',
        transferImpactAssessment: { assessedOn: '2026-10-01', reference: 'TIA support desk India' },
      },
    ],
    retention: {
      kind: 'period',
      amount: 4,
      unit: 'weeks',
      startEvent: 'end-of-application-procedure',
      presetId: 'applicants',
    },
    securityMeasures: 'Toegang op basis van rollen',
    isDpiaRequired: false,
    ownerUserId: editor.id,
    reviewDate: '2027-06-01',
    status: 'active',
    ...overrides,
  };
}

describe('creating an activity', () => {
  it('records it with its links, presents the referenced names in the reader’s language, and audits it', async () => {
    const before = await auditSeq(app, org.id);
    const created = await editor.client.post(base(), applicants());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Sollicitanten',
      role: 'controller',
      legalBasis: 'b',
      subjectCategories: [{ id: ids.subject('applicants'), name: 'Sollicitanten' }],
      systems: [{ id: mail, name: 'Mail' }],
      recipients: [{ id: exact, name: 'Exact' }],
      transfers: [
        {
          country: 'IN',
          recipient: 'Support desk',
          safeguard: 'scc',
          transferImpactAssessment: { assessedOn: '2026-10-01', reference: 'TIA support desk India' },
          transfer: { status: 'safeguard-required', needsSafeguard: false, verdict: 'covered' },
        },
      ],
      retention: { kind: 'period', amount: 4, unit: 'weeks', presetId: 'applicants' },
      owner: { id: editor.id, name: editor.name },
      completeness: { isComplete: true, missing: 0, warnings: 0 },
      createdAt: app.clock.now().toISOString(),
    });
    expect(created.body.dataCategories.map((ref: { name: string }) => ref.name)).toEqual([
      'Contactgegevens (naam, e-mail, telefoon, adres)',
      'Sollicitatiegegevens (cv, motivatie)',
    ]);
    const entries = await auditSince(app, org.id, before);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.targetId, entry.data])).toEqual([
      ['activity.created', editor.id, created.body.id, { role: 'controller', status: 'active' }],
    ]);
  });

  it('presents category names in English to an English reader', async () => {
    const englishEditor = await addMember(app, org, 'editor', await createPerson(app, { locale: 'en' }));
    const list = await englishEditor.client.get(`${base()}?q=Sollicitanten`);
    expect(list.status).toBe(200);
    expect(list.body.items[0].subjectCategories).toEqual([{ id: ids.subject('applicants'), name: 'Applicants' }]);
  });

  it('fills the period from a retention preset chosen alone', async () => {
    const created = await editor.client.post(base(), {
      name: 'Boekhouding',
      retention: { presetId: 'fiscal-records' },
    });
    expect(created.status).toBe(201);
    expect(created.body.retention).toMatchObject({
      kind: 'period',
      amount: 7,
      unit: 'years',
      startEvent: 'end-of-fiscal-year',
      presetId: 'fiscal-records',
    });
    expect(created.body.retention.reference).toMatch(/AWR/);
  });

  it('refuses bad input with localised field errors and writes nothing', async () => {
    const before = await activityCount();
    const response = await editor.client.post(base(), {
      description: 'geen naam',
      legalBasis: 'g',
      retention: { kind: 'period', unit: 'years' },
      transfers: [{ country: 'XX', recipient: '' }],
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', 'required'],
        ['legalBasis', 'invalid_option'],
        ['retention.amount', 'retention_period_incomplete'],
        ['transfers.0.country', 'country_code'],
        ['transfers.0.recipient', 'required'],
      ]),
    );
    const retention = response.body.errors.find((error: { path: string }) => error.path === 'retention.amount');
    expect(retention.message).toBe('Vul bij een bewaartermijn zowel een aantal als een eenheid in.');
    expect(await activityCount()).toBe(before);
  });

  it('refuses another organisation’s categories, systems and vendors as unknown references, writing nothing', async () => {
    const before = { rows: await activityCount(), audit: await auditSeq(app, org.id) };
    const response = await editor.client.post(base(), {
      name: 'Cross-tenant',
      subjectCategoryIds: [otherIds.subject('staff')],
      dataCategoryIds: [ids.data('contact-details'), otherIds.data('contact-details')],
      systemIds: [otherSystem],
      recipientVendorIds: [otherVendor],
      ownerUserId: other.owner.id,
      retention: { presetId: 'no-such-preset' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((error: { path: string; code: string }) => [error.path, error.code])).toEqual([
      ['subjectCategoryIds', 'unknown_reference'],
      ['dataCategoryIds', 'unknown_reference'],
      ['systemIds', 'unknown_reference'],
      ['recipientVendorIds', 'unknown_reference'],
      ['ownerUserId', 'not_a_member'],
      ['retention.presetId', 'unknown_reference'],
    ]);
    expect(await activityCount()).toBe(before.rows);
    expect(await auditSeq(app, org.id)).toBe(before.audit);
  });

  it('refuses a name the organisation already uses (another organisation may use it)', async () => {
    const taken = await editor.client.post(base(), { name: 'Sollicitanten' });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual([{ path: 'name', code: 'name_taken', message: 'Deze naam is al in gebruik.' }]);
    const otherCase = await editor.client.post(base(), { name: 'SOLLICITANTEN' });
    expect([otherCase.status, otherCase.body.errors?.[0]?.code]).toEqual([400, 'name_taken']);
    const elsewhere = await other.owner.client.post(`/api/orgs/${other.slug}/activities`, { name: 'Sollicitanten' });
    expect(elsewhere.status).toBe(201);
  });
});

describe('reading, changing and deleting', () => {
  let id: string;
  beforeAll(async () => {
    const created = await editor.client.post(base(), applicants({ name: 'Nieuwsbrief', ownerUserId: null }));
    id = created.body.id;
  });

  it('lets a viewer read but not write', async () => {
    expect((await viewer.client.get(`${base()}/${id}`)).status).toBe(200);
    expect((await viewer.client.get(`${base()}/${id}/completeness`)).status).toBe(200);
    const attempts = [
      await viewer.client.post(base(), { name: 'Door viewer' }),
      await viewer.client.patch(`${base()}/${id}`, { name: 'Door viewer' }),
      await viewer.client.delete(`${base()}/${id}`),
    ];
    expect(attempts.map((response) => [response.status, response.body.code])).toEqual([
      [403, 'role_insufficient'],
      [403, 'role_insufficient'],
      [403, 'role_insufficient'],
    ]);
  });

  it('answers 404 for another organisation’s activity, through either organisation', async () => {
    const theirs = await other.owner.client.post(`/api/orgs/${other.slug}/activities`, { name: 'Hun verwerking' });
    const foreign = theirs.body.id as string;
    for (const response of [
      await editor.client.get(`${base()}/${foreign}`),
      await editor.client.get(`${base()}/${foreign}/completeness`),
      await editor.client.patch(`${base()}/${foreign}`, { name: 'Overgenomen' }),
      await editor.client.delete(`${base()}/${foreign}`),
    ]) {
      expect([response.status, response.body.code]).toEqual([404, 'activity_not_found']);
    }
    expect((await editor.client.get(`/api/orgs/${other.slug}/activities/${foreign}`)).status).toBe(404);
    expect((await other.owner.client.get(`/api/orgs/${other.slug}/activities/${foreign}`)).body.name).toBe(
      'Hun verwerking',
    );
  });

  it('replaces links and transfers as a whole when given, leaves the rest, and audits the field names', async () => {
    const before = await auditSeq(app, org.id);
    app.clock.advance(60_000);
    const changed = await editor.client.patch(`${base()}/${id}`, {
      dataCategoryIds: [ids.data('marketing')],
      transfers: [],
      purposes: ['Nieuwsbrief versturen'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.dataCategories.map((ref: { id: string }) => ref.id)).toEqual([ids.data('marketing')]);
    expect(changed.body.transfers).toEqual([]);
    expect(changed.body.systems).toEqual([{ id: mail, name: 'Mail' }]);
    expect(changed.body.updatedAt).toBe(app.clock.now().toISOString());
    expect(await app.ctx.db.select().from(activityTransfers).where(eq(activityTransfers.activityId, id))).toEqual([]);
    const [entry] = await auditSince(app, org.id, before);
    expect([entry?.action, entry?.data]).toEqual([
      'activity.updated',
      { fields: ['dataCategoryIds', 'purposes', 'transfers'] },
    ]);
  });

  it('refuses a rename to a taken name and unknown references on update, changing nothing', async () => {
    const taken = await editor.client.patch(`${base()}/${id}`, { name: 'sollicitanten' });
    expect([taken.status, taken.body.errors[0].code]).toEqual([400, 'name_taken']);
    const ownName = await editor.client.patch(`${base()}/${id}`, { name: 'NIEUWSBRIEF' });
    expect([ownName.status, ownName.body.name]).toEqual([200, 'NIEUWSBRIEF']);
    await editor.client.patch(`${base()}/${id}`, { name: 'Nieuwsbrief' });
    const foreign = await editor.client.patch(`${base()}/${id}`, { systemIds: [crm, otherSystem] });
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'systemIds', code: 'unknown_reference' })]);
    const empty = await editor.client.patch(`${base()}/${id}`, {});
    expect([empty.status, empty.body.errors?.[0]?.code]).toEqual([400, 'nothing_to_change']);
    const unchanged = await editor.client.get(`${base()}/${id}`);
    expect([unchanged.body.name, unchanged.body.systems]).toEqual(['Nieuwsbrief', [{ id: mail, name: 'Mail' }]]);
  });

  it('records retiring as its own audit action', async () => {
    const before = await auditSeq(app, org.id);
    const retired = await editor.client.patch(`${base()}/${id}`, { status: 'retired' });
    expect(retired.body.status).toBe('retired');
    const [entry] = await auditSince(app, org.id, before);
    expect([entry?.action, entry?.data]).toEqual([
      'activity.retired',
      { fields: ['status'], status: { from: 'active', to: 'retired' } },
    ]);
  });

  it('deletes an activity with its links, and audits it', async () => {
    const before = await auditSeq(app, org.id);
    const deleted = await editor.client.delete(`${base()}/${id}`);
    expect(deleted.status).toBe(204);
    expect((await editor.client.get(`${base()}/${id}`)).status).toBe(404);
    const links = await app.ctx.db
      .select()
      .from(activityDataCategories)
      .where(eq(activityDataCategories.activityId, id));
    expect(links).toEqual([]);
    expect((await auditSince(app, org.id, before)).map((entry) => [entry.action, entry.targetId])).toEqual([
      ['activity.deleted', id],
    ]);
  });
});

describe('API description', () => {
  it('documents every register route in the OpenAPI document', async () => {
    const response = await viewer.client.get('/api/openapi.json');
    expect(response.status).toBe(200);
    const paths = response.body.paths;
    expect(Object.keys(paths[`/api/orgs/{org}/activities`]).sort()).toEqual(['get', 'patch', 'post']);
    expect(Object.keys(paths[`/api/orgs/{org}/activities/{activityId}`]).sort()).toEqual(['delete', 'get', 'patch']);
    for (const path of [
      'activities/{activityId}/completeness',
      'register/completeness',
      'register/transfers',
      'register/consolidation',
    ]) {
      expect(paths[`/api/orgs/{org}/${path}`]?.get, path).toBeDefined();
    }
  });
});
