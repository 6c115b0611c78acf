import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';

// Issue 8, points 1, 4, 5 and 7: processors are recipients, a processor register per client, joint controllers,
// and what Art. 30 requires apart from what privacydesk checks besides.

let app: TestApp;
let provider: TestOrganisation;
let bakery: TestOrganisation;
let stranger: TestOrganisation;
let ids: Awaited<ReturnType<typeof categoryIds>>;
let usVendor: string;
let mailSystem: string;

const api = (path: string, org = provider) => `/api/orgs/${org.slug}${path}`;

beforeAll(async () => {
  app = await createTestApp();
  provider = await createOrganisation(app, {
    input: { name: 'Domtoren ICT B.V.', isController: true, isProcessor: true },
  });
  const client = (name: string, extra = {}) =>
    createOrganisation(app, { owner: provider.owner, input: { name, managedByOrgId: provider.id, ...extra } });
  bakery = await client('Bakkerij Korrel', {
    privacyContact: { kind: 'privacy_officer', name: 'Henk Korrel', email: 'henk@korrel.example' },
  });
  await client('Tandarts Wit');
  stranger = await createOrganisation(app, { input: { name: 'Niet Onze Klant B.V.' } });
  ids = await categoryIds(app, provider.id);
  usVendor = await insertVendor(app, provider.id, { name: 'Cloudmail Inc.', country: 'US' });
  mailSystem = await insertSystem(app, provider.id, {
    name: 'Zakelijke mail',
    vendorId: usVendor,
    locations: [{ country: 'US' }],
  });
});
afterAll(async () => {
  await app?.close();
});

async function registerPdf(locale: 'nl' | 'en' = 'nl'): Promise<string> {
  const response = await provider.owner.client.get(api(`/register/export?format=pdf&locale=${locale}`));
  expect(response.status).toBe(200);
  return pdfText(response.raw).replace(/\s+/g, ' ');
}

describe('point 1: the processors running an activity’s systems are its recipients (Art. 4(9))', () => {
  it('lists the system’s vendor under (d) although "no recipients" was set, in the API and the PDF', async () => {
    const created = await provider.owner.client.post(api('/activities'), {
      name: 'Nieuwsbrief',
      purposes: ['Klanten informeren'],
      systemIds: [mailSystem],
      hasNoRecipients: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.systemVendors).toEqual([{ id: usVendor, name: 'Cloudmail Inc.' }]);
    const completeness = await provider.owner.client.get(api(`/activities/${created.body.id}/completeness`));
    expect(completeness.body.items.filter((item: { itemId: string }) => item.itemId === '30.1.d')).toEqual([
      expect.objectContaining({
        status: 'complete',
        code: 'processors_are_recipients',
        message: "De verwerkers van de systemen van 'Nieuwsbrief' zijn ontvangers: Cloudmail Inc.",
      }),
    ]);

    const text = await registerPdf();
    const start = text.indexOf('Nieuwsbrief (a)');
    const recipients = text.slice(start, text.indexOf('(e)', start));
    const transfers = text.slice(text.indexOf('(e)', start), text.indexOf('(f)', start));
    expect(recipients).toContain('Cloudmail Inc. (Verwerker, US) — verwerker van de gebruikte systemen');
    expect(recipients).not.toContain('Geen ontvangers');
    expect(transfers).toContain('Zakelijke mail');
  });

  it('still accepts "no recipients" when no linked system has a vendor and no recipient is recorded', async () => {
    const ownSystem = await insertSystem(app, provider.id, { name: 'Eigen archiefkast' });
    const created = await provider.owner.client.post(api('/activities'), {
      name: 'Archief',
      systemIds: [ownSystem],
      hasNoRecipients: true,
    });
    const completeness = await provider.owner.client.get(api(`/activities/${created.body.id}/completeness`));
    const recipients = completeness.body.items.find((item: { itemId: string }) => item.itemId === '30.1.d');
    expect(recipients).toMatchObject({ status: 'complete', code: 'no_recipients_recorded' });
  });
});

describe('point 4: a processor register per client (Art. 30(2)(a))', () => {
  let hostingId: string;

  it('lists the provider’s client organisations with their contact details', async () => {
    const response = await provider.owner.client.get(api('/clients'));
    expect(response.status).toBe(200);
    expect(
      response.body.clients.map((client: { name: string; contact: string }) => [client.name, client.contact]),
    ).toEqual([
      ['Bakkerij Korrel', 'Henk Korrel, henk@korrel.example; Stationsplein 1, 3811 AB Amersfoort'],
      ['Tandarts Wit', 'Stationsplein 1, 3811 AB Amersfoort'],
    ]);
    const ofStranger = await stranger.owner.client.get(api('/clients', stranger));
    expect(ofStranger.body.clients).toEqual([]);
  });

  it('links a managed client (details read from it) and an external controller with name and contact', async () => {
    const created = await provider.owner.client.post(api('/activities'), {
      name: 'Hosting voor klanten',
      role: 'processor',
      processingCategories: 'Hosting en back-ups',
      securityMeasures: 'Versleuteling',
      controllers: [
        { kind: 'managed_org', organisationId: bakery.id },
        { kind: 'external', name: 'Sportschool Sterk', contact: 'info@sterk.example' },
      ],
    });
    expect(created.status).toBe(201);
    hostingId = created.body.id;
    expect(created.body.controllers).toEqual([
      {
        id: expect.any(String),
        kind: 'managed_org',
        organisation: { id: bakery.id, name: 'Bakkerij Korrel' },
        name: 'Bakkerij Korrel',
        contact: 'Henk Korrel, henk@korrel.example; Stationsplein 1, 3811 AB Amersfoort',
      },
      {
        id: expect.any(String),
        kind: 'external',
        organisation: null,
        name: 'Sportschool Sterk',
        contact: 'info@sterk.example',
      },
    ]);
    const completeness = await provider.owner.client.get(api(`/activities/${hostingId}/completeness`));
    const controllers = completeness.body.items.filter((item: { itemId: string }) => item.itemId === '30.2.a');
    expect(controllers.map((item: { status: string; code: string }) => [item.status, item.code])).toEqual([
      ['complete', 'controller_recorded'],
      ['complete', 'controller_recorded'],
    ]);
  });

  it('refuses an organisation that is not one of its clients, writing nothing', async () => {
    const refused = await provider.owner.client.patch(api(`/activities/${hostingId}`), {
      controllers: [{ kind: 'managed_org', organisationId: stranger.id }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'controllers.0.organisationId', code: 'unknown_reference' }),
    ]);
    const unchanged = await provider.owner.client.get(api(`/activities/${hostingId}`));
    expect(unchanged.body.controllers).toHaveLength(2);
  });

  it('flags a free-text controller without contact details, such as "clients (per agreement)"', async () => {
    const created = await provider.owner.client.post(api('/activities'), {
      name: 'Beheer werkplekken',
      role: 'processor',
      controllers: [{ kind: 'external', name: 'Klanten (per verwerkersovereenkomst)' }],
    });
    const completeness = await provider.owner.client.get(api(`/activities/${created.body.id}/completeness`));
    expect(completeness.body.items.find((item: { itemId: string }) => item.itemId === '30.2.a')).toMatchObject({
      status: 'missing',
      code: 'controller_contact_missing',
      basis: 'art30',
    });
    await provider.owner.client.delete(api(`/activities/${created.body.id}`));
  });

  it('exports the controllers and imports a managed client by name as that organisation again', async () => {
    const csv = await provider.owner.client.get(api('/register/export?format=csv&entity=activities&locale=nl'));
    expect(csv.status).toBe(200);
    const text = csv.raw.toString('utf8');
    expect(text).toContain('Verwerkingsverantwoordelijken (naam | contactgegevens)');
    const [header, ...rows] = text.split('\r\n').filter((line) => line.trim() !== '');
    const hostingRow = rows.find((row) => row.startsWith('Hosting voor klanten'));
    expect(hostingRow).toContain('Bakkerij Korrel | Henk Korrel');

    const original = (await provider.owner.client.get(api(`/activities/${hostingId}`))).body;
    await provider.owner.client.delete(api(`/activities/${hostingId}`));
    const url = api('/register/import?entity=activities&mode=apply');
    const file = Buffer.from(`${header}\r\n${hostingRow}\r\n`, 'utf8');
    const imported = await provider.owner.client.request('POST', url, file, {
      'content-type': 'text/csv; charset=utf-8',
    });
    expect(imported.body.errors).toEqual([]);
    const list = await provider.owner.client.get(api('/activities?role=processor&q=Hosting'));
    hostingId = list.body.items[0].id;
    const strip = (controllers: { id: string }[]) => controllers.map(({ id: _id, ...controller }) => controller);
    expect(strip(list.body.items[0].controllers)).toEqual(strip(original.controllers));
  });

  it('reports each client that no processor activity covers, and the PDF lists every controller', async () => {
    const register = await provider.owner.client.get(api('/register/completeness'));
    const clientItems = register.body.organisation.filter(
      (item: { params: { client?: string } }) => item.params.client,
    );
    expect(
      clientItems.map((item: { status: string; params: { client: string } }) => [item.status, item.params.client]),
    ).toEqual([
      ['complete', 'Bakkerij Korrel'],
      ['missing', 'Tandarts Wit'],
    ]);
    expect(clientItems[1]).toMatchObject({ itemId: '30.2.a', basis: 'art30', code: 'client_not_covered' });

    const text = await registerPdf();
    const processorRegister = text.slice(text.indexOf('2. Register als verwerker'));
    expect(processorRegister).toContain(
      'Verwerkingsverantwoordelijke: Bakkerij Korrel, Henk Korrel, henk@korrel.example; Stationsplein 1, 3811 AB Amersfoort',
    );
    expect(processorRegister).toContain('Verwerkingsverantwoordelijke: Sportschool Sterk, info@sterk.example');
  });
});

describe('point 5: joint controllers (Art. 26) appear under (a) with the arrangement', () => {
  it('records them with name, contact and arrangement; the PDF names them under (a)', async () => {
    const created = await provider.owner.client.post(api('/activities'), {
      name: 'Gezamenlijke klantenpas',
      purposes: ['Spaarpunten'],
      subjectCategoryIds: [ids.subject('customers')],
      jointControllers: [
        { name: 'Winkeliersvereniging Centrum', contact: 'bestuur@centrum.example', arrangement: 'Wij beheren de pas' },
        { name: 'Marktkraam Jansen' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.jointControllers.map((joint: { name: string }) => joint.name)).toEqual([
      'Winkeliersvereniging Centrum',
      'Marktkraam Jansen',
    ]);
    const completeness = await provider.owner.client.get(api(`/activities/${created.body.id}/completeness`));
    const joint = completeness.body.items.filter((item: { itemId: string }) => ['30.1.a', '26'].includes(item.itemId));
    expect(
      joint.map((item: { itemId: string; status: string; basis: string }) => [item.itemId, item.status, item.basis]),
    ).toEqual([
      ['30.1.a', 'complete', 'art30'],
      ['26', 'complete', 'privacydesk'],
      ['30.1.a', 'missing', 'art30'],
      ['26', 'warning', 'privacydesk'],
    ]);

    const text = await registerPdf();
    const block = text.slice(text.indexOf('Gezamenlijke klantenpas'));
    expect(block.slice(0, block.indexOf('(b)'))).toContain(
      'Gezamenlijk verwerkingsverantwoordelijke (art. 26 AVG): Winkeliersvereniging Centrum, bestuur@centrum.example; regeling: Wij beheren de pas',
    );
  });
});

describe('point 7: what Art. 30 requires apart from what privacydesk checks besides', () => {
  it('gives every finding its basis, and the PDF’s annex C groups them under two headings', async () => {
    const register = await provider.owner.client.get(api('/register/completeness?items=all'));
    for (const entry of register.body.activities) {
      for (const item of entry.items) {
        expect(item.basis, `${item.itemId} ${item.code}`).toBe(item.itemId.startsWith('30.') ? 'art30' : 'privacydesk');
      }
    }
    const text = await registerPdf();
    const annex = text.slice(text.indexOf('Bijlage C'));
    expect(annex).toContain('Vereist door artikel 30 AVG');
    expect(annex).toContain('Aanvullende controles (niet vereist door artikel 30 AVG)');
    const english = await registerPdf('en');
    expect(english.slice(english.indexOf('Annex C'))).toContain('Further checks (not required by Article 30 GDPR)');
  });
});
