import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { categoryIds } from '../../../test/register-factories.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { sendClockReminders } from './service.ts';
import { eventsOf } from './store.ts';

/**
 * Telling others about an incident, on a real database: the authority's form content and PDF assembled from the
 * incident and the register, the letter to the people affected (previewed, sent through the outbox, recorded), and
 * the 72-hour clock's reminders at 24 h and 8 h left. The test clock stands on Monday 23 November 2026, 10:00.
 */

let app: TestApp;
let org: TestOrganisation;
const HOUR = 60 * 60 * 1000;
const base = () => `/api/orgs/${org.id}/breaches`;

const mailsOf = (template: string) =>
  app.ctx.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.orgId, org.id), eq(mailMessages.template, template)));

async function recordIncident(extra: Record<string, unknown> = {}) {
  const created = await org.owner.client.post(base(), {
    title: 'Klantenlijst naar verkeerd adres gemaild',
    description: 'Een medewerker mailde de klantenlijst naar een leverancier in plaats van naar de boekhouder.',
    occurredAt: '2026-11-23T08:00:00+01:00',
    awareAt: '2026-11-23T08:30:00+01:00',
    reportedBy: 'De medewerker zelf',
    isConfidentialityBreach: true,
    approxPeople: 240,
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Bakkerij De Korst', kvkNumber: '12345678' } });
});

afterAll(async () => {
  await app?.close();
});

describe('the notification to the authority (Art. 33(3))', () => {
  let id: string;
  beforeAll(async () => {
    const ids = await categoryIds(app, org.id);
    const activity = await org.owner.client.post(`/api/orgs/${org.id}/activities`, {
      name: 'Klantenadministratie',
      subjectCategoryIds: [ids.subject('customers')],
      dataCategoryIds: [ids.data('contact-details')],
    });
    expect(activity.status).toBe(201);
    id = await recordIncident({ activityIds: [activity.body.id] });
  });

  it('answers the form in its order from the incident and the register, and names what is missing', async () => {
    const report = await org.owner.client.get(`${base()}/${id}/authority-report?locale=nl`);
    expect(report.status).toBe(200);
    expect(report.body.sections.map((section: { key: string }) => section.key)).toEqual([
      'organisation',
      'contact',
      'breach',
      'people',
      'consequences',
      'measures',
      'subjects',
      'timing',
    ]);
    const fields = Object.fromEntries(
      report.body.sections.flatMap((section: { fields: { key: string }[] }) => section.fields.map((f) => [f.key, f])),
    );
    expect(fields.organisationName.value).toBe('Bakkerij De Korst');
    expect(fields.kvkNumber.value).toBe('12345678');
    expect(fields.approxPeople.value).toBe('240');
    expect(fields.awareAt.value).toBe('maandag 23 november 2026 om 08:30');
    expect(fields.deadline.value).toBe('donderdag 26 november 2026 om 08:30');
    expect(fields.subjectCategories.value).not.toBe('');
    expect(fields.dataCategories.value).not.toBe('');
    // No privacy contact, no consequences, no measures yet: items b, c and d are missing.
    expect(report.body.missingItems.map((item: { article: string }) => item.article)).toEqual(['b', 'c', 'd']);
    expect(report.body).toMatchObject({ reference: 'DL-2026-001', phase: 'initial', isLate: false });
  });

  it('has nothing missing once the contact, consequences and measures are known', async () => {
    await org.owner.client.patch(`/api/orgs/${org.id}`, {
      privacyContact: { kind: 'privacy_officer', name: 'Sanne de Vries', email: 'privacy@dekorst.example' },
    });
    await org.owner.client.patch(`${base()}/${id}`, {
      consequences: 'Namen en e-mailadressen bij één leverancier; kans op misbruik klein.',
      measuresTaken: 'De leverancier heeft de mail verwijderd en dat schriftelijk bevestigd.',
    });
    const report = await org.owner.client.get(`${base()}/${id}/authority-report?locale=en`);
    expect(report.body.missingItems).toEqual([]);
    const contact = report.body.sections.find((section: { key: string }) => section.key === 'contact');
    expect(contact.title).toBe('Contact person for the AP');
    expect(contact.fields.map((f: { value: string }) => f.value)).toEqual([
      'Sanne de Vries',
      'Privacy officer',
      'privacy@dekorst.example',
      '',
    ]);
  });

  it('gives the same content as a PDF, and audits the download', async () => {
    const head = await auditHead(app, org.id);
    const pdf = await org.owner.client.get(`${base()}/${id}/authority-report.pdf?locale=nl`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('DL-2026-001-melding-AP.pdf');
    const text = pdfText(pdf.raw);
    for (const expected of [
      'Melding datalek aan de Autoriteit Persoonsgegevens',
      'Bakkerij De Korst',
      'Sanne de Vries',
    ])
      expect(text).toContain(expected);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['breach_incident.report_downloaded']);
  });

  it('answers 404 for an incident of another organisation', async () => {
    const other = await createOrganisation(app);
    const response = await other.owner.client.get(`/api/orgs/${other.id}/breaches/${id}/authority-report`);
    expect(response.status).toBe(404);
  });
});

describe('the register of incidents as a file (Art. 33(5))', () => {
  it('lists every incident in a workbook with its notifications, and as a PDF, audited', async () => {
    const head = await auditHead(app, org.id);
    const xlsx = await org.owner.client.get(`${base()}/export?format=xlsx&locale=nl`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/datalekken-.+-2026-11-23\.xlsx/);
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(
      xlsx.raw.buffer.slice(xlsx.raw.byteOffset, xlsx.raw.byteOffset + xlsx.raw.byteLength) as ArrayBuffer,
    );
    const incidents = workbook.getWorksheet('Incidenten');
    expect(incidents?.getRow(1).getCell(1).value).toBe('Kenmerk');
    expect(incidents?.getRow(2).getCell(1).value).toBe('DL-2026-001');
    expect(incidents?.getRow(2).getCell(8).value).toBe('240');
    expect(workbook.getWorksheet('Meldingen')).toBeDefined();
    const pdf = await org.owner.client.get(`${base()}/export?format=pdf&locale=en`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.raw)).toContain('Register of data breaches');
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual([
      'breach_incident.register_exported',
      'breach_incident.register_exported',
    ]);
  });

  it('refuses an unknown format', async () => {
    expect((await org.owner.client.get(`${base()}/export?format=csv`)).status).toBe(400);
  });
});

describe('the letter to the people affected (Art. 34(2))', () => {
  let id: string;
  const letter = {
    whatHappened: 'Onze klantenlijst is per ongeluk naar een leverancier gemaild.',
    consequences: 'Uw naam en e-mailadres zijn bij die leverancier terechtgekomen.',
    measures: 'De leverancier heeft de mail verwijderd en dat bevestigd.',
    advice: 'Wees alert op e-mails die om uw wachtwoord vragen.',
  };
  beforeAll(async () => {
    id = await recordIncident();
  });

  it('asks for a contact point when the organisation has none', async () => {
    const shop = await createOrganisation(app);
    const created = await shop.owner.client.post(`/api/orgs/${shop.id}/breaches`, {
      title: 'Mail naar verkeerd adres',
      awareAt: '2026-11-23T09:00:00Z',
    });
    const url = `/api/orgs/${shop.id}/breaches/${created.body.id}/subject-letters`;
    const refused = await shop.owner.client.post(`${url}/preview`, letter);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ path: 'contact', code: 'breach_letter_contact_required' }]);
    const withContact = await shop.owner.client.post(`${url}/preview`, { ...letter, contact: 'Bel 020-1234567' });
    expect(withContact.body.letters[0].text).toContain('Bel 020-1234567');
  });

  it('previews the letter in Dutch and English with the organisation’s privacy contact', async () => {
    const preview = await org.owner.client.post(`${base()}/${id}/subject-letters/preview`, letter);
    expect(preview.status).toBe(200);
    const [nl, en] = preview.body.letters;
    expect(nl.locale).toBe('nl');
    expect(en.locale).toBe('en');
    expect(nl.text).toContain(letter.whatHappened);
    expect(nl.text).toContain('Sanne de Vries');
    expect(en.text).toContain('What happened?');
  });

  it('sends each address one letter in its language, records the notification and keeps no address', async () => {
    const head = await auditHead(app, org.id);
    const sent = await org.owner.client.post(`${base()}/${id}/subject-letters`, {
      ...letter,
      recipients: [
        { email: 'jan@example.nl', locale: 'nl' },
        { email: 'JAN@example.nl', locale: 'nl' },
        { email: 'ann@example.com', locale: 'en' },
      ],
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: 2 });
    const mails = await mailsOf('breaches.subjects');
    expect(mails.map((mail) => [mail.recipient, mail.locale]).sort()).toEqual([
      ['ann@example.com', 'en'],
      ['jan@example.nl', 'nl'],
    ]);
    expect(app.ctx.secrets.open(mails[0]!.bodySealed)).toContain(letter.consequences);
    const incident = await org.owner.client.get(`${base()}/${id}`);
    expect(incident.body.notifications).toMatchObject([{ recipient: 'subjects', phase: 'initial' }]);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['breach_incident.subjects_informed']);
    expect(JSON.stringify(entries)).not.toContain('example.nl');
  });

  it('refuses a bad address with its path and sends nothing', async () => {
    const before = (await mailsOf('breaches.subjects')).length;
    const refused = await org.owner.client.post(`${base()}/${id}/subject-letters`, {
      ...letter,
      recipients: [{ email: 'jan@example.nl' }, { email: 'geen-adres' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ path: 'recipients.1.email', code: 'invalid_email' }]);
    expect((await mailsOf('breaches.subjects')).length).toBe(before);
  });

  it('lets only privacy officers and owners send', async () => {
    const editor = await addMember(app, org, 'editor');
    const refused = await editor.client.post(`${base()}/${id}/subject-letters`, {
      ...letter,
      recipients: [{ email: 'jan@example.nl' }],
    });
    expect(refused.status).toBe(403);
  });
});

describe('the 72-hour clock reminders', () => {
  it('mails the privacy officers and owners at 24 h and 8 h left, once each, until someone decides', async () => {
    const clockApp = await createTestApp();
    try {
      const shop = await createOrganisation(clockApp);
      const officer = await addMember(clockApp, shop, 'privacy_officer');
      await addMember(clockApp, shop, 'editor');
      const created = await shop.owner.client.post(`/api/orgs/${shop.id}/breaches`, {
        title: 'Laptop gestolen',
        awareAt: '2026-11-23T09:00:00Z',
        isConfidentialityBreach: true,
      });
      const reminders = async () =>
        (await clockApp.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, 'breaches.reminder'))).map(
          (mail) => mail.recipient,
        );
      expect(await sendClockReminders(clockApp.ctx)).toBe(0);
      clockApp.clock.advance(48 * HOUR);
      expect(await sendClockReminders(clockApp.ctx)).toBe(1);
      expect((await reminders()).sort()).toEqual([officer.email, shop.owner.email].sort());
      expect(await sendClockReminders(clockApp.ctx)).toBe(0);
      clockApp.clock.advance(16 * HOUR);
      expect(await sendClockReminders(clockApp.ctx)).toBe(1);
      expect(await reminders()).toHaveLength(4);
      const events = await eventsOf(clockApp.ctx.db, shop.id, created.body.id);
      expect(events.filter((event) => event.kind === 'reminder_sent').map((event) => event.onceKey)).toEqual([
        'reminder-24h',
        'reminder-8h',
      ]);
    } finally {
      await clockApp.close();
    }
  });

  it('sends none once the user decided the authority need not be told', async () => {
    const clockApp = await createTestApp();
    try {
      const shop = await createOrganisation(clockApp);
      const created = await shop.owner.client.post(`/api/orgs/${shop.id}/breaches`, {
        title: 'Mail naar verkeerde collega',
        awareAt: '2026-11-23T09:00:00Z',
        isConfidentialityBreach: true,
      });
      await shop.owner.client.post(`/api/orgs/${shop.id}/breaches/${created.body.id}/decision`, {
        notifyAuthority: false,
        notifySubjects: false,
        reason: 'Interne ontvanger, direct verwijderd.',
      });
      clockApp.clock.advance(50 * HOUR);
      expect(await sendClockReminders(clockApp.ctx)).toBe(0);
    } finally {
      await clockApp.close();
    }
  });
});
