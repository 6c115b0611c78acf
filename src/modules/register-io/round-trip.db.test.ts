import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { buildRegister } from '../../../test/register-fixture.ts';
import { type TRegisterDocument, ZRegisterDocument } from './contract.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ENTITIES = ['vendors', 'systems', 'activities'] as const;

let app: TestApp;
let source: TestOrganisation;

beforeAll(async () => {
  app = await createTestApp();
  source = await createOrganisation(app, { input: { name: 'Bron B.V.' } });
  await buildRegister(source.owner.client, source.id);
});
afterAll(async () => {
  await app?.close();
});

async function exportOf(org: TestOrganisation, query: string) {
  const response = await org.owner.client.get(`/api/orgs/${org.id}/register/export?${query}`);
  expect(response.status).toBe(200);
  return response.raw;
}

async function importInto(org: TestOrganisation, entity: string, file: Buffer, contentType: string) {
  const url = `/api/orgs/${org.id}/register/import?entity=${entity}&mode=apply`;
  const response = await org.owner.client.request('POST', url, file, { 'content-type': contentType });
  expect(response.body.errors ?? []).toEqual([]);
  expect(response.status).toBe(200);
  return response.body;
}

/** The register without what differs between two organisations by nature: ids, timestamps, the organisation. */
function comparable(document: TRegisterDocument) {
  const keyOf = new Map(
    [...document.dataCategories, ...document.subjectCategories].map((category) => [category.id, category.key]),
  );
  const keys = (refs: { id: string }[]) => refs.map((ref) => keyOf.get(ref.id)).sort();
  const names = (refs: { name: string }[]) => refs.map((ref) => ref.name).sort();
  return {
    vendors: document.vendors.map(
      ({ id: _id, createdAt: _c, updatedAt: _u, usage: _usage, parentVendor, certifications, ...vendor }) => ({
        ...vendor,
        parentVendor: parentVendor?.name ?? null,
        certifications: certifications.map(({ id: _certificationId, ...certification }) => certification),
      }),
    ),
    systems: document.systems.map(
      ({ id: _id, createdAt: _c, updatedAt: _u, vendor, dataCategoryIds, locations, ...system }) => ({
        ...system,
        vendor: vendor?.name ?? null,
        dataCategories: dataCategoryIds.map((id) => keyOf.get(id)).sort(),
        locations: locations.map(({ id: _locationId, system: located, providerVendor, ...location }) => ({
          ...location,
          system: located.name,
          providerVendor: providerVendor?.name ?? null,
        })),
      }),
    ),
    activities: document.activities.map(
      ({
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        transfers,
        subjectCategories,
        dataCategories,
        systems,
        recipients,
        systemVendors,
        controllers,
        jointControllers,
        ...activity
      }) => ({
        ...activity,
        subjectCategories: keys(subjectCategories),
        dataCategories: keys(dataCategories),
        systems: names(systems),
        recipients: names(recipients),
        systemVendors: names(systemVendors),
        controllers: controllers.map(({ id: _controllerId, organisation, ...controller }) => ({
          ...controller,
          organisation: organisation?.name ?? null,
        })),
        jointControllers: jointControllers.map(({ id: _jointId, ...joint }) => joint),
        transfers: transfers.map(({ id: _transferId, ...transfer }) => transfer),
      }),
    ),
  };
}

async function registerOf(org: TestOrganisation) {
  return comparable(ZRegisterDocument.parse(JSON.parse((await exportOf(org, 'format=json')).toString('utf8'))));
}

describe('export, then import into a fresh organisation', () => {
  it('XLSX in Dutch: the same register', async () => {
    const workbook = await exportOf(source, 'format=xlsx&locale=nl');
    const target = await createOrganisation(app, { input: { name: 'Doel XLSX B.V.' } });
    for (const entity of ENTITIES) await importInto(target, entity, workbook, XLSX);
    const expected = await registerOf(source);
    expect(expected.activities).toHaveLength(2);
    expect(await registerOf(target)).toEqual(expected);
  });

  it('CSV in English (the ZIP of files): the same register', async () => {
    const files = unzipSync(new Uint8Array(await exportOf(source, 'format=csv&locale=en')));
    const target = await createOrganisation(app, { input: { name: 'Doel CSV B.V.' } });
    for (const entity of ENTITIES) {
      const report = await importInto(target, entity, Buffer.from(files[`${entity}.csv`]!), 'text/csv; charset=utf-8');
      expect(report.created).toBeGreaterThan(0);
    }
    expect(await registerOf(target)).toEqual(await registerOf(source));
  });
});
