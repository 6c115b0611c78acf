import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditActionsSince, auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { gdprItems } from '../../reference/index.ts';
import { MAX_AGREEMENT_DOCUMENT_BYTES } from './contract.ts';
import { processorAgreementDocuments } from './tables.ts';

/**
 * Processor agreements on a real database: with a supplier and with clients (managed and external), the Art. 28(3)
 * checklist, a signed PDF sealed at rest and checked by its bytes and size, and coverage. The test clock stands on
 * Monday 23 November 2026.
 */

let app: TestApp;
let org: TestOrganisation;
let hoster: string;
let mailer: string;
let subProcessor: string;
let system: string;
let activity: string;
let client: string;
const base = () => `/api/orgs/${org.id}/agreements`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const upload = (id: string, bytes: Buffer | string, fileName: string, contentType = 'application/pdf', kind = '') =>
  org.owner.client.request(
    'POST',
    `${base()}/${id}/documents?fileName=${encodeURIComponent(fileName)}${kind ? `&kind=${kind}` : ''}`,
    bytes,
    { 'content-type': contentType },
  );

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  const owner = org.owner.client;
  const vendor = async (name: string, kind = 'processor') =>
    (await owner.post(`/api/orgs/${org.id}/vendors`, { name, kind, country: 'NL' })).body.id as string;
  hoster = await vendor('Hoster');
  mailer = await vendor('Mailer');
  subProcessor = await vendor('Datacenter', 'sub_processor');
  system = (await owner.post(`/api/orgs/${org.id}/systems`, { name: 'CRM', kind: 'crm' })).body.id;
  activity = (await owner.post(`/api/orgs/${org.id}/activities`, { name: 'Klantcontact' })).body.id;
  client = (await owner.post('/api/orgs', { name: 'Bakkerij Jansen', managedByOrgId: org.id })).body.id;
});

afterAll(async () => {
  await app?.close();
});

describe('the register of processor agreements', () => {
  it('records an agreement with a supplier, with what it covers, and derives its status', async () => {
    const before = await auditHead(app, org.id);
    const created = await org.owner.client.post(base(), {
      direction: 'supplier',
      vendorId: hoster,
      services: 'Hosting van het CRM',
      systemIds: [system],
      activityIds: [activity],
      subProcessorVendorIds: [subProcessor],
      startDate: '2025-01-01',
      endDate: '2027-01-10',
      status: 'signed',
      signedByName: 'J. de Vries',
      signedOn: '2024-12-20',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      direction: 'supplier',
      counterparty: { kind: 'vendor', id: hoster, name: 'Hoster' },
      systems: [{ id: system, name: 'CRM' }],
      activities: [{ id: activity, name: 'Klantcontact' }],
      subProcessors: [{ id: subProcessor, name: 'Datacenter' }],
      status: 'expiring',
      storedStatus: 'signed',
      documents: [],
    });
    expect(created.body.missingItems).toEqual(gdprItems.art28_3_processor_agreement.map((item) => item.id));
    const patched = await org.owner.client.patch(`${base()}/${created.body.id}`, { endDate: '2026-11-01' });
    expect(patched.body.status).toBe('expired');
    expect(await auditActionsSince(app, org.id, before.seq)).toEqual([
      'processor_agreement.created',
      'processor_agreement.updated',
    ]);
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry?.targetName).toBe('Hoster');
  });

  it('records agreements with clients: a managed organisation or an external one', async () => {
    const managed = await org.owner.client.post(base(), { direction: 'client', clientOrgId: client, status: 'sent' });
    expect(managed.body.counterparty).toMatchObject({ kind: 'client_org', id: client, name: 'Bakkerij Jansen' });
    const external = await org.owner.client.post(base(), {
      direction: 'client',
      externalName: 'Garage <b>Pietersen</b>',
      externalContact: 'info@garage.example',
    });
    expect(external.body.counterparty).toEqual({
      kind: 'external',
      id: null,
      name: 'Garage <b>Pietersen</b>',
      contact: 'info@garage.example',
    });
  });

  it('refuses a counterparty that is missing, of the wrong direction or of another organisation', async () => {
    const other = await createOrganisation(app);
    const foreignVendor = (
      await other.owner.client.post(`/api/orgs/${other.id}/vendors`, { name: 'X', kind: 'processor', country: 'NL' })
    ).body.id;
    const cases = [
      [{ direction: 'supplier' }, 'vendorId'],
      [{ direction: 'client', vendorId: hoster }, 'clientOrgId'],
      [{ direction: 'supplier', vendorId: hoster, clientOrgId: other.id }, 'clientOrgId'],
      [{ direction: 'supplier', vendorId: foreignVendor }, 'vendorId'],
      [{ direction: 'client', clientOrgId: other.id }, 'clientOrgId'],
      [{ direction: 'supplier', vendorId: hoster, status: 'signed' }, 'signedOn'],
    ] as const;
    for (const [body, path] of cases) {
      const response = await org.owner.client.post(base(), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain(path);
    }
    const viewer = await addMember(app, org, 'viewer');
    expect((await viewer.client.post(base(), { direction: 'supplier', vendorId: hoster })).status).toBe(403);
  });

  it('ticks Art. 28(3) items with where the agreement says them, and shows what is missing', async () => {
    const agreement = (await org.owner.client.post(base(), { direction: 'supplier', vendorId: mailer })).body;
    const ticked = await org.owner.client.put(`${base()}/${agreement.id}/checklist`, {
      items: { a: { isPresent: true, reference: 'art. 3.1' }, b: { isPresent: true, reference: 'p. 4' } },
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.checklist.find((item: { id: string }) => item.id === 'a')).toMatchObject({
      isPresent: true,
      reference: 'art. 3.1',
    });
    expect(ticked.body.missingItems).toEqual(['subject', 'c', 'd', 'e', 'f', 'g', 'h']);
    const unknown = await org.owner.client.put(`${base()}/${agreement.id}/checklist`, {
      items: { z: { isPresent: true } },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('documents', () => {
  it('stores a signed PDF sealed, gives it back, and removes it', async () => {
    const agreement = (await org.owner.client.post(base(), { direction: 'client', externalName: 'Kapper' })).body;
    const uploaded = await upload(agreement.id, PDF, 'getekend.pdf', 'application/pdf', 'data_pro_statement');
    expect(uploaded.status).toBe(201);
    const [document] = uploaded.body.documents;
    expect(document).toMatchObject({ kind: 'data_pro_statement', fileName: 'getekend.pdf', sizeBytes: PDF.length });
    const [row] = await app.ctx.db
      .select()
      .from(processorAgreementDocuments)
      .where(eq(processorAgreementDocuments.id, document.id));
    expect(row?.contentSealed.includes(PDF)).toBe(false);
    const downloaded = await org.owner.client.get(`${base()}/${agreement.id}/documents/${document.id}/download`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.raw.equals(PDF)).toBe(true);
    const removed = await org.owner.client.delete(`${base()}/${agreement.id}/documents/${document.id}`);
    expect(removed.body.documents).toEqual([]);
  });

  it('refuses a file that lies about its type (415) or is too large (413)', async () => {
    const agreement = (await org.owner.client.post(base(), { direction: 'client', externalName: 'Slager' })).body;
    expect((await upload(agreement.id, PNG, 'vals.pdf')).status).toBe(415);
    expect((await upload(agreement.id, PNG, 'plaatje.png', 'image/png')).status).toBe(415);
    expect((await upload(agreement.id, PDF, 'echt.pdf', 'image/png')).status).toBe(415);
    const large = Buffer.concat([PDF, Buffer.alloc(MAX_AGREEMENT_DOCUMENT_BYTES)]);
    const tooLarge = await upload(agreement.id, large, 'groot.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('agreement_document_too_large');
    expect((await org.owner.client.get(`${base()}/${agreement.id}`)).body.documents).toEqual([]);
  });
});

describe('coverage', () => {
  it('names processors and clients without a signed agreement, and agreements ending within 60 days', async () => {
    const coverage = await org.owner.client.get(`${base()}/coverage`);
    expect(coverage.status).toBe(200);
    // The hoster's agreement expired in the first test; the mailer's is a draft; the datacenter is a sub-processor.
    expect(coverage.body.vendorsWithoutAgreement.map((vendor: { name: string }) => vendor.name)).toEqual([
      'Hoster',
      'Mailer',
    ]);
    expect(coverage.body.clientsWithoutAgreement).toEqual([{ id: client, name: 'Bakkerij Jansen' }]);
    const signed = await org.owner.client.post(base(), {
      direction: 'supplier',
      vendorId: mailer,
      status: 'signed',
      signedOn: '2026-01-01',
      endDate: '2026-12-31',
      title: 'Mailer DPA',
    });
    const after = (await org.owner.client.get(`${base()}/coverage`)).body;
    expect(after.vendorsWithoutAgreement.map((vendor: { name: string }) => vendor.name)).toEqual(['Hoster']);
    expect(after.expiringSoon).toEqual([{ id: signed.body.id, name: 'Mailer DPA', endDate: '2026-12-31' }]);
  });

  it('deletes an agreement with its documents', async () => {
    const agreement = (await org.owner.client.post(base(), { direction: 'client', externalName: 'Bakker' })).body;
    await upload(agreement.id, PDF, 'a.pdf');
    expect((await org.owner.client.delete(`${base()}/${agreement.id}`)).status).toBe(204);
    expect((await org.owner.client.get(`${base()}/${agreement.id}`)).status).toBe(404);
  });
});
