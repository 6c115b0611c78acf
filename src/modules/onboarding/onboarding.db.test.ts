import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { addMember, createOrganisation, createPerson, type TestOrganisation } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const createCount = (entries: { action: string }[]) => entries.filter((entry) => entry.action === 'create').length;

async function registerCounts(org: TestOrganisation) {
  const client = org.owner.client;
  const [activities, systems, vendors] = await Promise.all([
    client.get(`/api/orgs/${org.id}/activities?limit=500`),
    client.get(`/api/orgs/${org.id}/systems?limit=500`),
    client.get(`/api/orgs/${org.id}/vendors?limit=500`),
  ]);
  return { activities: activities.body.total, systems: systems.body.total, vendors: vendors.body.total };
}

describe('templates', () => {
  it('lists the three sector templates in the reader’s language', async () => {
    const org = await createOrganisation(app, { owner: await createPerson(app, { locale: 'en' }) });
    const response = await org.owner.client.get(`/api/orgs/${org.id}/templates`);
    expect(response.status).toBe(200);
    expect(response.body.templates.map((template: { name: string }) => template.name)).toEqual([
      'ICT service provider',
      'Freelance developer',
      'Webshop',
    ]);
  });

  it('previews without writing, applies once, and on a second apply skips everything that exists', async () => {
    const org = await createOrganisation(app);
    const client = org.owner.client;
    const preview = await client.post(`/api/orgs/${org.id}/templates/ict_provider/preview`);
    expect(preview.status).toBe(200);
    expect(createCount(preview.body.activities)).toBe(9);
    expect(createCount(preview.body.systems)).toBe(8);
    expect(preview.body.dataCategories.map((entry: { name: string }) => entry.name)).toContain(
      'Burgerservicenummer (BSN)',
    );
    expect(await registerCounts(org)).toEqual({ activities: 0, systems: 0, vendors: 0 });

    const applied = await client.post(`/api/orgs/${org.id}/templates/ict_provider/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body.created).toMatchObject({ activities: 9, systems: 8 });
    expect(await registerCounts(org)).toEqual({ activities: 9, systems: 8, vendors: 0 });

    const again = await client.post(`/api/orgs/${org.id}/templates/ict_provider/preview`);
    expect(createCount(again.body.activities)).toBe(0);
    expect(again.body.activities.every((entry: { reason: string }) => entry.reason === 'exists')).toBe(true);
    const reapplied = await client.post(`/api/orgs/${org.id}/templates/ict_provider/apply`);
    expect(reapplied.body.created).toEqual({
      dataCategories: 0,
      subjectCategories: 0,
      vendors: 0,
      systems: 0,
      activities: 0,
    });
    expect(await registerCounts(org)).toEqual({ activities: 9, systems: 8, vendors: 0 });
  });

  it('never overwrites an entry the organisation made itself, and links new activities to it', async () => {
    const org = await createOrganisation(app);
    const client = org.owner.client;
    const mine = await client.post(`/api/orgs/${org.id}/systems`, {
      name: 'Zakelijke mailbox',
      kind: 'mailbox',
      description: 'Mijn eigen omschrijving',
    });
    expect(mine.status).toBe(201);
    await client.post(`/api/orgs/${org.id}/templates/freelancer/apply`);
    const system = await client.get(`/api/orgs/${org.id}/systems/${mine.body.id}`);
    expect(system.body.description).toBe('Mijn eigen omschrijving');
    const activities = await client.get(`/api/orgs/${org.id}/activities?systemId=${mine.body.id}`);
    expect(activities.body.items.map((activity: { name: string }) => activity.name)).toContain(
      'E-mail en contactformulier',
    );
  });

  it('writes the register in the organisation’s language with statutory retention from the reference data', async () => {
    const org = await createOrganisation(app, { input: { defaultLocale: 'en' } });
    const client = org.owner.client;
    await client.post(`/api/orgs/${org.id}/templates/webshop/apply`);
    const list = await client.get(`/api/orgs/${org.id}/activities?q=Payments`);
    const payments = list.body.items[0];
    expect(payments.name).toBe('Payments and invoices');
    expect(payments.retention).toMatchObject({ kind: 'period', amount: 7, unit: 'years', presetId: 'fiscal-records' });
    expect(payments.retention.reference).toContain('Art. 52(4) General State Taxes Act');
    expect(payments.retention.reference).not.toMatch(/lid|seed/);
  });

  it('records the application in the audit trail', async () => {
    const org = await createOrganisation(app);
    await org.owner.client.post(`/api/orgs/${org.id}/templates/freelancer/apply`);
    const trail = await org.owner.client.get(`/api/orgs/${org.id}/audit?action=register.template_applied`);
    expect(trail.body.entries).toHaveLength(1);
    expect(trail.body.entries[0].data).toMatchObject({ source: 'freelancer', created: { activities: 4 } });
  });

  it('refuses viewers, unknown templates, and writes nothing for them', async () => {
    const org = await createOrganisation(app);
    const viewer = await addMember(app, org, 'viewer');
    expect((await viewer.client.post(`/api/orgs/${org.id}/templates/webshop/apply`)).status).toBe(403);
    expect((await org.owner.client.post(`/api/orgs/${org.id}/templates/bakery/apply`)).status).toBe(400);
    expect(await registerCounts(org)).toEqual({ activities: 0, systems: 0, vendors: 0 });
  });
});

describe('guided start', () => {
  const freelancerAnswers = {
    businessKind: 'freelancer',
    hasStaff: false,
    hasApplicants: false,
    hasWebshop: false,
    hasNewsletter: false,
    mailProvider: { name: 'Postkantoor Online', country: 'IE', region: 'Dublin' },
    accountingPackage: { name: 'Boekhoudwolk', country: 'NL' },
    hostingProvider: { name: 'Serverhuis', country: 'NL', region: 'Amsterdam' },
    backupProvider: {
      name: 'Serverhuis',
      country: 'NL',
      region: 'Amsterdam',
      offsiteCountry: 'DE',
      offsiteRegion: 'Frankfurt',
      since: '2018-01-01',
    },
  };

  it('builds a complete first register from plain answers: vendors, located systems, activities', async () => {
    const org = await createOrganisation(app);
    const client = org.owner.client;
    const preview = await client.post(`/api/orgs/${org.id}/guided-start/preview`, freelancerAnswers);
    expect(preview.status).toBe(200);
    expect(preview.body.vendors.map((entry: { name: string }) => entry.name)).toEqual([
      'Postkantoor Online',
      'Boekhoudwolk',
      'Serverhuis',
    ]);
    expect(await registerCounts(org)).toEqual({ activities: 0, systems: 0, vendors: 0 });

    const applied = await client.post(`/api/orgs/${org.id}/guided-start/apply`, freelancerAnswers);
    expect(applied.status).toBe(200);
    expect(applied.body.created).toMatchObject({ vendors: 3, activities: 4 });

    const status = await client.get(`/api/orgs/${org.id}/locations/eea-status`);
    expect(status.body).toMatchObject({ isAllInsideNow: true, allInsideSince: '2018-01-01' });
    const onDay = await client.get(`/api/orgs/${org.id}/locations?on=2020-06-01&role=offsite_backup`);
    expect(
      onDay.body.locations.map(
        (location: { country: string; region: string }) => `${location.country} ${location.region}`,
      ),
    ).toEqual(['DE Frankfurt']);
  });

  it('leaves an unanswered "since when" unknown, reports it as unknown on day D and asks for it', async () => {
    const org = await createOrganisation(app, { input: { defaultLocale: 'nl' } });
    const client = org.owner.client;
    const applied = await client.post(`/api/orgs/${org.id}/guided-start/apply`, {
      ...freelancerAnswers,
      backupProvider: null,
    });
    expect(applied.status).toBe(200);
    const today = await client.get(`/api/orgs/${org.id}/locations?on=2026-11-23`);
    expect(today.body.locations).toEqual([]);
    expect(
      today.body.unknownSince.map((location: { system: { name: string } }) => location.system.name).sort(),
    ).toEqual([
      'Boekhoudpakket',
      'Eigen website met contactformulier',
      'Hostingplatform voor klanten',
      'Zakelijke mailbox',
    ]);
    expect(today.body.unknownSince.every((location: { since: string | null }) => location.since === null)).toBe(true);
    const activities = await client.get(`/api/orgs/${org.id}/activities?q=contactformulier`);
    const mail = activities.body.items[0];
    const completeness = await client.get(`/api/orgs/${org.id}/activities/${mail.id}/completeness`);
    expect(completeness.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'location_since_unknown', status: 'warning', itemId: 'locations' }),
      ]),
    );
    const pdf = await client.get(`/api/orgs/${org.id}/register/export?format=pdf&locale=nl`);
    const text = pdfText(pdf.raw).replace(/\s+/g, ' ');
    expect(text).toContain('sinds: onbekend, nog in te vullen');
    expect(text).not.toContain('sinds 23 november 2026');
  });

  it('writes only confirmed security measures, marks the activities active and keeps health data grounded', async () => {
    const org = await createOrganisation(app, { input: { defaultLocale: 'nl' } });
    const client = org.owner.client;
    const unconfirmed = await client.post(`/api/orgs/${org.id}/guided-start/apply`, {
      ...freelancerAnswers,
      hasStaff: true,
    });
    expect(unconfirmed.status).toBe(200);
    const list = await client.get(`/api/orgs/${org.id}/activities?limit=100`);
    const items: { name: string; status: string; hasNoRecipients: boolean }[] = list.body.items;
    expect(items.map((item) => item.status)).toEqual(items.map(() => 'active'));
    expect(items.some((item) => item.hasNoRecipients)).toBe(false);
    for (const item of items) {
      const activity = (await client.get(`/api/orgs/${org.id}/activities/${(item as { id?: string }).id}`)).body;
      expect(activity.securityMeasures).not.toMatch(/tweestapsverificatie|versleutelde back-ups/i);
      if (activity.name === 'Verzuimregistratie') expect(activity.specialCategoryGround).toBe('b');
    }
    const systems = await client.get(`/api/orgs/${org.id}/systems?limit=100`);
    expect(systems.body.items.every((system: { isMfaEnforced: boolean | null }) => system.isMfaEnforced === null)).toBe(
      true,
    );
  });

  it('answers bad answers with field errors and writes nothing', async () => {
    const org = await createOrganisation(app);
    const response = await org.owner.client.post(`/api/orgs/${org.id}/guided-start/apply`, {
      ...freelancerAnswers,
      mailProvider: { name: '', country: 'XX' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'mailProvider.country',
      'mailProvider.name',
    ]);
    expect(await registerCounts(org)).toEqual({ activities: 0, systems: 0, vendors: 0 });
  });
});
