import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import countries from '../../../reference/countries.json' with { type: 'json' };
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  addMember,
  createOrganisation,
  createPerson,
  type TestOrganisation,
  type TestPerson,
} from '../../../test/factories.ts';
import { categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';

let app: TestApp;
let org: TestOrganisation;
let english: TestPerson;
let ids: Awaited<ReturnType<typeof categoryIds>>;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, {
    input: { privacyContact: { kind: 'dpo', name: 'Fien de Groot', email: 'fg@korenschoof.example' } },
  });
  english = await addMember(app, org, 'viewer', await createPerson(app, { locale: 'en' }));
  ids = await categoryIds(app, org.id);
});
afterAll(async () => {
  await app?.close();
});

const api = (path: string) => `/api/orgs/${org.slug}${path}`;

describe('completeness end to end', () => {
  let id: string;

  it('lists exactly the missing items of an incomplete activity, in Dutch and in English', async () => {
    const created = await org.owner.client.post(api('/activities'), {
      name: 'Sollicitanten',
      subjectCategoryIds: [ids.subject('applicants')],
      dataCategoryIds: [ids.data('application'), ids.data('health')],
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body.completeness).toEqual({ isComplete: false, missing: 4, warnings: 5 });

    const dutch = await org.owner.client.get(api(`/activities/${id}/completeness`));
    expect(dutch.status).toBe(200);
    const notComplete = (items: { status: string }[]) => items.filter((item) => item.status !== 'complete');
    expect(
      notComplete(dutch.body.items).map((item: any) => [item.itemId, item.status, item.code, item.message]),
    ).toEqual([
      ['30.1.b', 'missing', 'purposes_missing', "Geen doeleinden voor 'Sollicitanten'"],
      [
        '30.1.d',
        'missing',
        'recipients_missing',
        "Geen ontvangers voor 'Sollicitanten' (of leg vast dat er geen zijn)",
      ],
      // Art. 30(1)(f) and (g) ask for these "where possible": warnings.
      ['30.1.f', 'warning', 'retention_missing', "Geen bewaartermijn voor 'Sollicitanten'"],
      [
        '30.1.g',
        'warning',
        'security_measures_missing',
        "Geen beveiligingsmaatregelen beschreven voor 'Sollicitanten'",
      ],
      ['6.1', 'missing', 'legal_basis_missing', "Geen rechtsgrond (art. 6) voor 'Sollicitanten'"],
      [
        '9.2',
        'missing',
        'special_category_ground_missing',
        "'Sollicitanten' verwerkt bijzondere persoonsgegevens (Gezondheidsgegevens (ziekteverzuim)), maar de uitzondering van art. 9 lid 2 ontbreekt",
      ],
      ['dpia', 'warning', 'dpia_undecided', "Niet vastgelegd of 'Sollicitanten' een DPIA nodig heeft"],
      ['owner', 'warning', 'owner_missing', "Geen eigenaar voor 'Sollicitanten'"],
      ['review', 'warning', 'review_date_missing', "Geen herzieningsdatum voor 'Sollicitanten'"],
    ]);
    expect(dutch.body.items[0]).toMatchObject({
      itemId: '30.1.b',
      label: 'Verwerkingsdoeleinden',
      article: '30(1)(b)',
    });

    const inEnglish = await english.client.get(api(`/activities/${id}/completeness`));
    const retention = inEnglish.body.items.find((item: { code: string }) => item.code === 'retention_missing');
    expect(retention).toMatchObject({
      message: "No retention period for 'Sollicitanten'",
      label: 'Where possible, the envisaged time limits for erasure of the categories of data',
      params: { activity: 'Sollicitanten' },
    });
    expect(notComplete(inEnglish.body.items)).toHaveLength(9);
  });

  it('is complete once the missing items are filled in', async () => {
    const filled = await org.owner.client.patch(api(`/activities/${id}`), {
      purposes: ['Werving en selectie'],
      hasNoRecipients: true,
      retention: { presetId: 'applicants' },
      securityMeasures: 'Alleen HR heeft toegang; tweestapsverificatie',
      legalBasis: 'b',
      specialCategoryGround: 'b',
      isDpiaRequired: false,
      ownerUserId: org.owner.id,
      reviewDate: '2027-01-31',
    });
    expect(filled.status).toBe(200);
    expect(filled.body.completeness).toEqual({ isComplete: true, missing: 0, warnings: 0 });
    const check = await org.owner.client.get(api(`/activities/${id}/completeness`));
    expect(check.body.summary).toEqual({ isComplete: true, missing: 0, warnings: 0 });
    expect(check.body.items.every((item: { status: string }) => item.status === 'complete')).toBe(true);
  });

  it('warns when the review date has passed', async () => {
    await org.owner.client.patch(api(`/activities/${id}`), { reviewDate: '2026-11-22' });
    const check = await org.owner.client.get(api(`/activities/${id}/completeness`));
    expect(check.body.items.filter((item: { status: string }) => item.status !== 'complete')).toEqual([
      expect.objectContaining({
        code: 'review_overdue',
        message: "De herziening van 'Sollicitanten' stond gepland op 2026-11-22 en is te laat",
      }),
    ]);
    await org.owner.client.patch(api(`/activities/${id}`), { reviewDate: '2027-01-31' });
  });
});

describe('transfers outside the EEA', () => {
  let helpdesk: string;
  let usVendor: string;
  let dpfVendor: string;
  let indiaBackup: string;

  beforeAll(async () => {
    usVendor = await insertVendor(app, org.id, { name: 'Ticketly Inc.', country: 'US' });
    dpfVendor = await insertVendor(app, org.id, {
      name: 'Mailservice LLC',
      country: 'US',
      isDpfCertified: true,
      dpfCertifiedSince: '2023-08-01',
    });
    await insertVendor(app, org.id, { name: 'Oud CRM Inc.', country: 'US', status: 'retired' });
    const backupVendor = await insertVendor(app, org.id, { name: 'Backup Bharat', country: 'IN' });
    const mail = await insertSystem(app, org.id, {
      name: 'Mail',
      vendorId: dpfVendor,
      locations: [
        { country: 'US' },
        { role: 'backup', country: 'DE' },
        { role: 'offsite_backup', country: 'IN', providerVendorId: backupVendor, transferSafeguard: 'scc' },
        { role: 'replica', country: 'CN', since: '2018-01-01', until: '2019-12-31' },
      ],
    });
    const created = await org.owner.client.post(api('/activities'), {
      name: 'Helpdesk',
      systemIds: [mail],
      recipientVendorIds: [usVendor],
    });
    helpdesk = created.body.id;
    indiaBackup = backupVendor;
  });

  it('names the US vendor without DPF or safeguard as the activity’s failing destination', async () => {
    const check = await english.client.get(api(`/activities/${helpdesk}/completeness`));
    const transferItems = check.body.items.filter((item: { itemId: string }) => item.itemId === '30.1.e');
    expect(transferItems.map((item: any) => [item.status, item.params.country, item.message])).toEqual([
      [
        'warning',
        'IN',
        "Transfer to India (Offsite backup of Mail) in 'Helpdesk' relies on SCCs or BCRs without a recorded transfer impact assessment (TIA): record its date and the document or a note",
      ],
      [
        'missing',
        'US',
        "Transfer to United States (Ticketly Inc.) in 'Helpdesk' has no appropriate safeguard (Art. 46): record, for example, SCCs with a transfer impact assessment (TIA)",
      ],
    ]);
  });

  it('lists every destination outside the EEA in force today, the ones needing a safeguard first', async () => {
    const overview = await org.owner.client.get(api('/register/transfers'));
    expect(overview.status).toBe(200);
    expect(overview.body.countriesValidAsOf).toBe(countries.validAsOf);
    expect(overview.body.needsSafeguard).toBe(2);
    const rows = overview.body.transfers.map((row: any) => [
      row.source,
      row.label,
      row.country,
      row.transfer.status,
      row.transfer.needsSafeguard,
      row.safeguard,
    ]);
    expect(rows).toEqual([
      ['vendor', 'Backup Bharat', 'IN', 'safeguard-required', true, null],
      ['vendor', 'Ticketly Inc.', 'US', 'safeguard-required', true, null],
      ['location', 'Externe back-up van Mail', 'IN', 'safeguard-required', false, 'scc'],
      ['vendor', 'Mailservice LLC', 'US', 'adequate', false, null],
      ['location', 'Primaire opslag van Mail', 'US', 'adequate', false, null],
    ]);
    const india = overview.body.transfers.find((row: any) => row.source === 'location' && row.country === 'IN');
    expect(india.vendor).toEqual({ id: indiaBackup, name: 'Backup Bharat' });
    expect(india.system.name).toBe('Mail');
  });

  it('filters and searches the overview', async () => {
    const needing = await org.owner.client.get(api('/register/transfers?needsSafeguard=true&source=vendor'));
    expect(needing.body.transfers.map((row: { label: string }) => row.label)).toEqual([
      'Backup Bharat',
      'Ticketly Inc.',
    ]);
    expect(needing.body.needsSafeguard).toBe(2);
    const searched = await org.owner.client.get(api('/register/transfers?q=in&sort=label'));
    expect(searched.body.transfers.map((row: { label: string }) => row.label)).toEqual([
      'Backup Bharat',
      'Externe back-up van Mail',
      'Ticketly Inc.',
    ]);
  });

  it('clears a vendor once an explicit transfer safeguard covers it, and counts activity transfers', async () => {
    await org.owner.client.patch(api(`/activities/${helpdesk}`), {
      recipientVendorIds: [],
      transfers: [
        {
          country: 'US',
          recipient: 'Ticketly support',
          safeguard: 'scc',
          safeguardDetails: 'EU SCC module 2',
          transferImpactAssessment: { assessedOn: '2026-03-02', reference: 'TIA Ticketly, map Contracten' },
        },
      ],
    });
    const check = await org.owner.client.get(api(`/activities/${helpdesk}/completeness`));
    // The Indian backup's SCCs still lack a TIA: a warning, so the transfers are not all "covered".
    expect(
      check.body.items
        .filter((item: { itemId: string }) => item.itemId === '30.1.e')
        .map((item: any) => [item.status, item.code, item.params.country]),
    ).toEqual([['warning', 'transfer_tia_missing', 'IN']]);
    const overview = await org.owner.client.get(api('/register/transfers?source=activity_transfer'));
    expect(overview.body.transfers).toEqual([
      expect.objectContaining({
        label: 'Helpdesk → ontvanger Ticketly support',
        activity: { id: helpdesk, name: 'Helpdesk' },
        transfer: expect.objectContaining({ status: 'safeguard-required', needsSafeguard: false }),
      }),
    ]);
  });
});

describe('register completeness and consolidation', () => {
  it('sums the organisation items and every activity that is not retired', async () => {
    await org.owner.client.post(api('/activities'), { name: 'Oud archief', status: 'retired' });
    const register = await org.owner.client.get(api('/register/completeness'));
    expect(register.status).toBe(200);
    expect(register.body.organisation.map((item: any) => [item.itemId, item.status, item.message])).toEqual([
      ['30.1.a', 'complete', `Naam en adres van ${register.body.organisation[0].params.organisation} zijn vastgelegd`],
      ['30.1.a', 'complete', 'Functionaris gegevensbescherming: Fien de Groot'],
      // No activity uses the US helpdesk vendor any more since its recipient link became an explicit transfer.
      [
        '30.1.e',
        'warning',
        'Ticketly Inc. bewaart gegevens in Verenigde Staten (buiten de EER), maar geen verwerking gebruikt deze leverancier: koppel de verwerking waarvoor hij gegevens krijgt',
      ],
    ]);
    const names = register.body.activities.map((entry: any) => entry.activity.name);
    expect(names).toEqual(['Helpdesk', 'Sollicitanten']);
    const statuses = (body: any) =>
      body.activities.flatMap((entry: any) => entry.items.map((item: any) => item.status));
    expect(statuses(register.body)).not.toContain('complete');
    expect(statuses(register.body)).toContain('missing');
    const everything = await org.owner.client.get(api('/register/completeness?items=all'));
    expect(statuses(everything.body)).toContain('complete');
    expect(everything.body.summary).toEqual(register.body.summary);
    const missing = register.body.activities.reduce((sum: number, entry: any) => sum + entry.summary.missing, 0);
    expect(register.body.summary).toMatchObject({
      isComplete: false,
      activities: 2,
      completeActivities: 1,
      missing,
    });
  });

  it('counts per data category the systems, vendors and activities that touch it', async () => {
    const hoster = await insertVendor(app, org.id, { name: 'Hoster BV', country: 'NL' });
    const storage = await insertVendor(app, org.id, { name: 'Opslag BV', country: 'NL' });
    const payroll = await insertVendor(app, org.id, { name: 'Salarisbureau', country: 'NL' });
    await insertSystem(app, org.id, {
      name: 'CRM',
      vendorId: hoster,
      dataCategoryIds: [ids.data('contact-details')],
      locations: [{ role: 'backup', country: 'NL', providerVendorId: storage }],
    });
    await insertSystem(app, org.id, {
      name: 'Oud systeem',
      status: 'retired',
      dataCategoryIds: [ids.data('contact-details')],
    });
    const spreadsheet = await insertSystem(app, org.id, { name: 'Spreadsheet' });
    await org.owner.client.post(api('/activities'), {
      name: 'Salarisadministratie',
      dataCategoryIds: [ids.data('contact-details'), ids.data('employment')],
      systemIds: [spreadsheet],
      recipientVendorIds: [payroll],
    });
    const consolidation = await org.owner.client.get(api('/register/consolidation?isUsed=true'));
    expect(consolidation.status).toBe(200);
    const row = (key: string) => consolidation.body.rows.find((entry: any) => entry.dataCategory.key === key);
    const contact = row('contact-details');
    expect(contact.systems.map((ref: { name: string }) => ref.name)).toEqual(['CRM', 'Spreadsheet']);
    expect(contact.vendors.map((ref: { name: string }) => ref.name)).toEqual([
      'Hoster BV',
      'Opslag BV',
      'Salarisbureau',
    ]);
    expect(contact.activities.map((ref: { name: string }) => ref.name)).toEqual(['Salarisadministratie']);
    expect(row('employment')).toMatchObject({ systems: [{ id: spreadsheet }], vendors: [{ id: payroll }] });
    expect(consolidation.body.rows[0].dataCategory.key).toBe('contact-details');
    expect(row('criminal')).toBeUndefined();

    const byName = await org.owner.client.get(api('/register/consolidation?sort=name&order=asc&q=gezondheid'));
    expect(byName.body.rows.map((entry: any) => [entry.dataCategory.key, entry.activities.length])).toEqual([
      ['health', 1],
    ]);
  });
});
