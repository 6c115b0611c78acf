import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createApiToken, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { MAX_EVIDENCE_BYTES } from './contract.ts';
import { sendReviewReminders } from './service.ts';
import { securityMeasureEvidence } from './tables.ts';

/**
 * The register of security measures on a real database: the catalogue applied, a measure linked to a system and
 * a vendor, evidence (a link, a note, a file sealed at rest and checked by its bytes), the findings the inventory
 * raises and the measures that settle them, and the register's "security measures" text for an activity. The test
 * clock stands on Monday 23 November 2026.
 */

let app: TestApp;
let org: TestOrganisation;
let crm: string;
let backup: string;
let hoster: string;
let offsite: string;
let activity: string;
const base = () => `/api/orgs/${org.id}/measures`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  const client = org.owner.client;
  hoster = (
    await client.post(`/api/orgs/${org.id}/vendors`, {
      name: 'Hoster',
      kind: 'processor',
      country: 'NL',
      certifications: [{ name: 'ISO 27001', validUntil: '2026-06-30' }],
    })
  ).body.id;
  offsite = (
    await client.post(`/api/orgs/${org.id}/vendors`, {
      name: 'Offsite',
      kind: 'processor',
      country: 'DE',
      hasMfa: false,
    })
  ).body.id;
  crm = (
    await client.post(`/api/orgs/${org.id}/systems`, {
      name: 'CRM',
      kind: 'crm',
      vendorId: hoster,
      isMfaEnforced: false,
      isEncryptedAtRest: true,
      locations: [
        { role: 'primary', country: 'NL', since: '2024-01-01' },
        { role: 'backup', country: 'NL', since: '2024-01-01' },
      ],
    })
  ).body.id;
  backup = (
    await client.post(`/api/orgs/${org.id}/systems`, {
      name: 'Back-up',
      kind: 'backup',
      vendorId: offsite,
      isMfaEnforced: true,
      isEncryptedAtRest: false,
    })
  ).body.id;
  activity = (await client.post(`/api/orgs/${org.id}/activities`, { name: 'Klantcontact', systemIds: [crm, backup] }))
    .body.id;
});

afterAll(async () => {
  await app?.close();
});

const upload = (measureId: string, bytes: Buffer, fileName: string, contentType = 'application/pdf') =>
  org.owner.client.request(
    'POST',
    `${base()}/${measureId}/evidence/file?fileName=${encodeURIComponent(fileName)}`,
    bytes,
    { 'content-type': contentType },
  );

const openKinds = async () =>
  (await org.owner.client.get(`${base()}/findings`)).body.open.map(
    (finding: { kind: string; target: { name: string } }) => `${finding.kind}:${finding.target.name}`,
  );

describe('the register of measures', () => {
  it('shows what the inventory lacks as findings, in the reader’s language', async () => {
    const findings = await org.owner.client.get(`${base()}/findings`);
    expect(findings.status).toBe(200);
    expect(await openKinds()).toEqual([
      'system_without_mfa:CRM',
      'backup_same_platform:CRM',
      'backup_unencrypted:Back-up',
      'vendor_certification_expired:Hoster',
      'vendor_without_mfa:Offsite',
    ]);
    expect(findings.body.open[0]).toMatchObject({ message: 'CRM heeft geen tweestapsverificatie.', settledBy: 'mfa' });
    // A session reads in its person's language; a token in the Accept-Language asked for.
    const token = await createApiToken(org, { name: 'Dashboard', scopes: ['read'] });
    const english = await new TestClient(app.http, { bearer: token.token, locale: 'en' }).get(`${base()}/findings`);
    expect(english.body.open[3].message).toBe('The certification of Hoster has expired: ISO 27001.');
  });

  it('applies the catalogue once, as planned measures with their Annex A controls, audited', async () => {
    const head = await auditHead(app, org.id);
    const applied = await org.owner.client.post(`${base()}/catalogue/apply`, { keys: ['mfa', 'firewall'] });
    expect(applied.status).toBe(200);
    expect(applied.body.items).toMatchObject([
      { catalogueKey: 'mfa', title: 'Tweestapsverificatie', status: 'planned', controls: ['A.5.17', 'A.8.5'] },
      { catalogueKey: 'firewall', status: 'planned' },
    ]);
    const again = await org.owner.client.post(`${base()}/catalogue/apply`, {});
    expect(again.body.items.length).toBeGreaterThanOrEqual(15);
    expect(again.body.items.filter((item: { catalogueKey: string }) => item.catalogueKey === 'mfa')).toHaveLength(1);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.every((entry) => entry.action === 'security_measure.created')).toBe(true);
    const unknown = await org.owner.client.post(`${base()}/catalogue/apply`, { keys: ['nonsense'] });
    expect(unknown.body.errors[0]).toMatchObject({ path: 'keys.0', code: 'measure_catalogue_unknown' });
  });

  it('settles a finding only once the linked measure is in place with evidence', async () => {
    const list = (await org.owner.client.get(base())).body.items;
    const mfa = list.find((item: { catalogueKey: string }) => item.catalogueKey === 'mfa');
    const linked = await org.owner.client.patch(`${base()}/${mfa.id}`, {
      status: 'in_place',
      systemIds: [crm],
      ownerUserId: org.owner.id,
      reviewDate: '2027-11-23',
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ systems: [{ id: crm, name: 'CRM' }], ownerUserId: org.owner.id });
    expect(await openKinds()).toContain('system_without_mfa:CRM');
    const withFile = await upload(mfa.id, PDF, 'mfa-instellingen.pdf');
    expect(withFile.status).toBe(201);
    expect(withFile.body.evidence).toMatchObject([
      { kind: 'file', fileName: 'mfa-instellingen.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length },
    ]);
    expect(await openKinds()).not.toContain('system_without_mfa:CRM');
    const covered = (await org.owner.client.get(`${base()}/findings`)).body.covered;
    expect(covered).toMatchObject([{ kind: 'system_without_mfa', measureIds: [mfa.id] }]);
  });

  it('keeps files sealed at rest and hands back the same bytes', async () => {
    const [row] = await app.ctx.db
      .select()
      .from(securityMeasureEvidence)
      .where(eq(securityMeasureEvidence.orgId, org.id));
    expect(row?.contentSealed?.includes(PDF)).toBe(false);
    const measure = (await org.owner.client.get(base())).body.items.find(
      (item: { catalogueKey: string }) => item.catalogueKey === 'mfa',
    );
    const download = await org.owner.client.get(`${base()}/${measure.id}/evidence/${row?.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.raw.equals(PDF)).toBe(true);
  });

  it('refuses oversize evidence and a file that lies about its type, storing nothing', async () => {
    const measure = (
      await org.owner.client.post(base(), { title: 'Sleutelbeheer', description: 'Sleutels in een kluis' })
    ).body;
    expect(measure.catalogueKey).toBeNull();
    const lying = await upload(measure.id, Buffer.from('MZ\x90\x00 not a pdf'), 'bewijs.pdf');
    expect(lying.status).toBe(415);
    expect(lying.body.code).toBe('evidence_type_not_allowed');
    const renamed = await upload(measure.id, PNG, 'bewijs.pdf');
    expect(renamed.body.code).toBe('evidence_type_mismatch');
    const claimed = await upload(measure.id, PDF, 'bewijs.pdf', 'image/png');
    expect(claimed.body.code).toBe('evidence_type_mismatch');
    const oversize = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const tooLarge = await upload(measure.id, oversize, 'groot.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('evidence_too_large');
    const empty = await upload(measure.id, Buffer.alloc(0), 'leeg.pdf');
    expect(empty.status).toBe(400);
    const text = await org.owner.client.request(
      'POST',
      `${base()}/${measure.id}/evidence/file?fileName=a.txt`,
      'tekst',
      {
        'content-type': 'text/plain',
      },
    );
    expect(text.status).toBe(415);
    expect((await org.owner.client.get(`${base()}/${measure.id}`)).body.evidence).toEqual([]);
  });

  it('takes links and notes as evidence, removes evidence, and checks the measure’s own rules', async () => {
    const measure = (await org.owner.client.get(base())).body.items.find(
      (item: { catalogueKey: string }) => item.catalogueKey === 'offsite_backups',
    );
    const link = await org.owner.client.post(`${base()}/${measure.id}/evidence`, {
      kind: 'link',
      url: 'https://backup.example.nl/rapport',
    });
    expect(link.status).toBe(201);
    const note = await org.owner.client.post(`${base()}/${measure.id}/evidence`, { kind: 'note', note: 'Gezien' });
    expect(note.body.evidence.map((item: { kind: string }) => item.kind)).toEqual(['link', 'note']);
    const badLink = await org.owner.client.post(`${base()}/${measure.id}/evidence`, {
      kind: 'link',
      url: 'javascript:alert(1)',
    });
    expect(badLink.status).toBe(400);
    const removed = await org.owner.client.delete(`${base()}/${measure.id}/evidence/${note.body.evidence[1].id}`);
    expect(removed.body.evidence).toHaveLength(1);
    const noReason = await org.owner.client.patch(`${base()}/${measure.id}`, { status: 'not_applicable' });
    expect(noReason.body.errors[0]).toMatchObject({ path: 'notApplicableReason', code: 'measure_reason_required' });
    const taken = await org.owner.client.post(base(), { catalogueKey: 'offsite_backups' });
    expect(taken.body.errors[0]).toMatchObject({ path: 'catalogueKey', code: 'measure_catalogue_taken' });
    const noTitle = await org.owner.client.post(base(), { title: ' ' });
    expect(noTitle.body.errors[0]).toMatchObject({ path: 'title', code: 'required' });
    const stranger = await createOrganisation(app);
    const foreignSystem = await stranger.owner.client.post(`/api/orgs/${stranger.id}/systems`, {
      name: 'Vreemd',
      kind: 'crm',
    });
    const foreign = await org.owner.client.patch(`${base()}/${measure.id}`, { systemIds: [foreignSystem.body.id] });
    expect(foreign.body.errors[0]).toMatchObject({ path: 'systemIds', code: 'unknown_reference' });
    const notMember = await org.owner.client.patch(`${base()}/${measure.id}`, { ownerUserId: stranger.owner.id });
    expect(notMember.body.errors[0]).toMatchObject({ path: 'ownerUserId', code: 'not_a_member' });
    const viewer = await addMember(app, org, 'viewer');
    expect((await viewer.client.patch(`${base()}/${measure.id}`, { description: 'x' })).status).toBe(403);
  });

  it('marks an overdue review as a finding, and deletes a measure with its evidence, audited', async () => {
    const measure = (await org.owner.client.post(base(), { title: 'Oud beleid', reviewDate: '2026-11-01' })).body;
    expect(measure.isReviewOverdue).toBe(true);
    expect(await openKinds()).toContain('measure_review_overdue:Oud beleid');
    await org.owner.client.post(`${base()}/${measure.id}/evidence`, { kind: 'note', note: 'Notitie' });
    const head = await auditHead(app, org.id);
    expect((await org.owner.client.delete(`${base()}/${measure.id}`)).status).toBe(204);
    expect((await org.owner.client.get(`${base()}/${measure.id}`)).status).toBe(404);
    expect(await openKinds()).not.toContain('measure_review_overdue:Oud beleid');
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => [entry.action, entry.targetName])).toEqual([
      ['security_measure.deleted', 'Oud beleid'],
    ]);
  });

  it('writes the activity’s “security measures” text from the in-place measures of its systems', async () => {
    const firewall = (await org.owner.client.get(base())).body.items.find(
      (item: { catalogueKey: string }) => item.catalogueKey === 'firewall',
    );
    await org.owner.client.patch(`${base()}/${firewall.id}`, { status: 'in_place' });
    const text = await org.owner.client.get(`/api/orgs/${org.id}/activities/${activity}/security-measures-text`);
    expect(text.status).toBe(200);
    expect(text.body).toMatchObject({
      activity: { id: activity, name: 'Klantcontact' },
      nl: 'Tweestapsverificatie (CRM); Firewall.',
      en: 'Two-factor authentication (CRM); Firewall.',
    });
    const missing = await org.owner.client.get(
      `/api/orgs/${org.id}/activities/${crypto.randomUUID()}/security-measures-text`,
    );
    expect(missing.status).toBe(404);
  });

  it('reminds the owner of a measure due for review once per review date', async () => {
    const measure = (
      await org.owner.client.post(base(), {
        title: 'Toegangsrechten nalopen',
        reviewDate: '2026-12-01',
        ownerUserId: org.owner.id,
      })
    ).body;
    const remindersTo = async () =>
      (await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.orgId, org.id))).filter(
        (mail) => mail.template === 'measures.review_reminder',
      );
    const before = (await remindersTo()).length;
    expect(await sendReviewReminders(app.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sendReviewReminders(app.ctx)).toBe(0);
    const sent = (await remindersTo()).slice(before);
    expect(sent.map((mail) => [mail.recipient, mail.subject])).toContainEqual([
      org.owner.email,
      'Maatregel herzien: Toegangsrechten nalopen',
    ]);
    await org.owner.client.patch(`${base()}/${measure.id}`, { reviewDate: '2026-12-02' });
    expect(await sendReviewReminders(app.ctx)).toBe(1);
  });

  it('exports the register as XLSX and PDF, in the language asked for, audited', async () => {
    const head = await auditHead(app, org.id);
    const xlsx = await org.owner.client.get(`${base()}/export?format=xlsx&locale=en`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('security-measures-2026-11-23.xlsx');
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(xlsx.raw as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Measures', 'Findings']);
    const titles = workbook.worksheets[0]?.getColumn(1).values.slice(1);
    expect(titles).toContain('Two-factor authentication');
    const pdf = await org.owner.client.get(`${base()}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['security_measures.exported', 'security_measures.exported']);
    expect((await org.owner.client.get(`${base()}/export?format=docx`)).status).toBe(400);
  });
});
