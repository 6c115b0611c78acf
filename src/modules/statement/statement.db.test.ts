import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation, type TestPerson } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { categoryIds } from '../../../test/register-factories.ts';

/**
 * The privacy statement on a real database: generated from the register per group, checked against Art. 13/14,
 * published as versions with a diff, flagged out of date when the register changes, shown on the public page, and
 * exported as HTML and PDF without ever turning register text into markup.
 */

const SCRIPT = '<script>alert("x")</script><b>vet</b>';

let app: TestApp;
let org: TestOrganisation;
let viewer: TestPerson;
let editor: TestPerson;
let activityId: string;
let lackingId: string;
const base = () => `/api/orgs/${org.id}/privacy-statement`;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, {
    input: {
      name: 'Bakkerij Brood & Co',
      privacyContact: { kind: 'dpo', name: 'Fenna FG', email: 'fg@brood.example' },
    },
  });
  viewer = await addMember(app, org, 'viewer');
  editor = await addMember(app, org, 'editor');
  const ids = await categoryIds(app, org.id);
  const client = org.owner.client;
  const vendor = await client.post(`/api/orgs/${org.id}/vendors`, {
    name: 'Mailhuis',
    kind: 'processor',
    country: 'NL',
  });
  const created = await client.post(`/api/orgs/${org.id}/activities`, {
    name: 'Bestellingen',
    status: 'active',
    purposes: ['Bestellingen leveren', SCRIPT],
    legalBasis: 'b',
    subjectCategoryIds: [ids.subject('customers')],
    dataCategoryIds: [ids.data('contact-details')],
    recipientVendorIds: [vendor.body.id],
    retention: { kind: 'period', amount: 2, unit: 'years', startEvent: 'de laatste bestelling' },
  });
  expect(created.status).toBe(201);
  activityId = created.body.id;
  const lacking = await client.post(`/api/orgs/${org.id}/activities`, {
    name: 'Sollicitaties',
    legalBasis: 'f',
    subjectCategoryIds: [ids.subject('applicants')],
  });
  lackingId = lacking.body.id;
});
afterAll(async () => {
  await app?.close();
});

describe('the draft', () => {
  it('groups the register by who it concerns, in Dutch and English', async () => {
    const draft = await viewer.client.get(base());
    expect(draft.status).toBe(200);
    const nl = draft.body.content.nl;
    expect(nl.title).toBe('Privacyverklaring van Bakkerij Brood & Co');
    expect(nl.sections.map((section: { key: string }) => section.key)).toEqual([
      'organisation',
      'group:clients',
      'group:applicants',
      'rights',
      'complaint',
    ]);
    const text = JSON.stringify(nl);
    expect(text).toContain('Bestellingen leveren');
    expect(text).toContain('Mailhuis');
    expect(text).toContain('2 jaar');
    expect(text).toContain(`/p/${org.slug}/request`);
    expect(text).toContain('fg@brood.example');
    expect(draft.body.content.en.sections[1].heading).toBe('If you are one of our clients');
    expect(draft.body.published).toBeNull();
    expect(draft.body.isOutOfDate).toBe(false);
  });

  it('lists what the register lacks with the activity field that fills it', async () => {
    const { body } = await viewer.client.get(base());
    const item = (id: string) => body.checklist.find((entry: { itemId: string }) => entry.itemId === id);
    expect(body.checklist).toHaveLength(14);
    expect(item('13.1.b').status).toBe('present');
    expect(item('13.1.c')).toMatchObject({
      status: 'missing',
      targets: [{ target: 'activity', activityId: lackingId, activityName: 'Sollicitaties', field: 'purposes' }],
    });
    expect(item('13.1.d').targets).toEqual([
      expect.objectContaining({ activityId: lackingId, field: 'legalBasisJustification' }),
    ]);
    expect(item('13.2.a').targets).toEqual([expect.objectContaining({ activityId: lackingId, field: 'retention' })]);
    expect(item('14.1.d').targets).toEqual([
      expect.objectContaining({ activityId: lackingId, field: 'dataCategories' }),
    ]);
    expect(item('13.2.f').status).toBe('own_text');
  });
});

describe('own texts, publishing and versions', () => {
  it('lets only a privacy officer save texts and publish', async () => {
    const texts = { introduction: { nl: 'Welkom bij de bakker.', en: 'Welcome.' }, cookies: { nl: '', en: '' } };
    expect((await editor.client.put(`${base()}/texts`, texts)).status).toBe(403);
    expect((await editor.client.post(`${base()}/versions`, {})).status).toBe(403);
    const before = await auditHead(app, org.id);
    const saved = await org.owner.client.put(`${base()}/texts`, texts);
    expect(saved.status).toBe(200);
    const draft = await viewer.client.get(base());
    expect(draft.body.content.nl.sections[0]).toMatchObject({
      key: 'introduction',
      blocks: [{ kind: 'paragraph', text: 'Welkom bij de bakker.' }],
    });
    const entries = await auditEntriesSince(app, org.id, before.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['privacy_statement.texts_updated']);
  });

  it('freezes versions, keeps earlier ones readable and shows what changed', async () => {
    const first = await org.owner.client.post(`${base()}/versions`, {});
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);
    expect((await viewer.client.get(base())).body).toMatchObject({ published: { version: 1 }, isOutOfDate: false });

    const changed = await org.owner.client.patch(`/api/orgs/${org.id}/activities/${activityId}`, {
      purposes: ['Bestellingen bezorgen', SCRIPT],
    });
    expect(changed.status).toBe(200);
    expect((await viewer.client.get(`${base()}/status`)).body).toMatchObject({
      published: { version: 1 },
      isOutOfDate: true,
    });
    const second = await org.owner.client.post(`${base()}/versions`, {});
    expect(second.body.version).toBe(2);
    expect((await viewer.client.get(`${base()}/status`)).body.isOutOfDate).toBe(false);

    const versions = await viewer.client.get(`${base()}/versions`);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    const old = await viewer.client.get(`${base()}/versions/${first.body.id}`);
    expect(JSON.stringify(old.body.content.nl)).toContain('Bestellingen leveren');

    const diff = await viewer.client.get(`${base()}/diff?from=1&to=2&language=nl`);
    expect(diff.status).toBe(200);
    const changes = diff.body.lines.filter((line: { change: string }) => line.change !== 'same');
    expect(changes).toEqual([
      { change: 'removed', text: '- Bestellingen leveren' },
      { change: 'added', text: '- Bestellingen bezorgen' },
    ]);
    expect((await viewer.client.get(`${base()}/diff?from=1&to=9`)).status).toBe(404);
  });
});

describe('the public page', () => {
  it('shows the current version without an account, and an earlier one on request', async () => {
    const anonymous = new TestClient(app.http);
    const current = await anonymous.get(`/api/public/orgs/${org.slug}/privacy-statement`);
    expect(current.status).toBe(200);
    expect(current.body.currentVersion).toBe(2);
    expect(current.body.version.version).toBe(2);
    expect(current.body.versions).toHaveLength(2);
    expect(JSON.stringify(current.body)).not.toContain('publishedBy');
    const earlier = await anonymous.get(`/api/public/orgs/${org.slug}/privacy-statement?version=1`);
    expect(JSON.stringify(earlier.body.version.content.nl)).toContain('Bestellingen leveren');
    expect((await anonymous.get(`/api/public/orgs/${org.slug}/privacy-statement?version=7`)).status).toBe(404);
  });

  it('is 404 when nothing is published', async () => {
    const other = await createOrganisation(app);
    const anonymous = new TestClient(app.http);
    const response = await anonymous.get(`/api/public/orgs/${other.slug}/privacy-statement`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('statement_not_published');
  });
});

describe('exports', () => {
  it('writes register text as text in the HTML export, never as markup', async () => {
    const response = await viewer.client.get(`${base()}/export?format=html&language=nl&version=2`);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/html');
    const html = response.raw.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;');
    expect(html).toContain('Bakkerij Brood &amp; Co');
    expect(html).toContain('Versie 2, gepubliceerd op');
  });

  it('writes register text as text in the PDF', async () => {
    const response = await viewer.client.get(`${base()}/export?format=pdf&language=en`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.raw);
    expect(text).toContain('Privacy statement of Bakkerij Brood & Co');
    expect(text).toContain(SCRIPT);
    expect(text).toContain('Draft of');
  });
});
