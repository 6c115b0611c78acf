import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { TestClient } from '../../test/client.ts';
import { passwordProblems } from '../modules/identity/rules.ts';
import { auditEntries } from '../platform/audit/tables.ts';
import { readSetting } from '../platform/db/instance-settings.ts';
import { mailMessages } from '../platform/mail/tables.ts';
import { DEMO_EMAIL, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './data.ts';
import { DEMO_SETTING, type DemoSignIn, ensureDemoData } from './load-demo.ts';

let app: TestApp;
let first: DemoSignIn;
let demo: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  first = await ensureDemoData(app.ctx);
  demo = new TestClient(app.http);
  await demo.signIn(first.email, first.password);
});
afterAll(async () => {
  await app?.close();
});

describe('demo data', () => {
  it('uses a printed password that every demo account accepts under the password rules', () => {
    for (const person of DEMO_PEOPLE) expect(passwordProblems(DEMO_PASSWORD, person)).toEqual([]);
  });

  it('loads once and reports the sign-in; a second call finds it and changes nothing', async () => {
    expect(first).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD, isNew: true });
    const entriesBefore = await app.ctx.db.select().from(auditEntries);
    const second = await ensureDemoData(app.ctx);
    expect(second).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD, isNew: false });
    expect(await app.ctx.db.select().from(auditEntries)).toHaveLength(entriesBefore.length);
    expect(await readSetting(app.ctx.db, DEMO_SETTING)).toMatchObject({ loadedAt: expect.any(String) });
  });

  it('publishes a privacy statement for each organisation with a register, shown on its public page', async () => {
    for (const slug of ['domstad-ict', 'eemcode']) {
      const page = await new TestClient(app.http).get(`/api/public/orgs/${slug}/privacy-statement`);
      expect(page.status, slug).toBe(200);
      expect(page.body.currentVersion).toBe(1);
    }
    const status = await demo.get('/api/orgs/domstad-ict/privacy-statement/status');
    expect(status.body).toMatchObject({ published: { version: 1 }, isOutOfDate: false });
  });

  it('makes the demo account a member of the ICT provider, its three clients and the freelancer', async () => {
    const response = await demo.get('/api/orgs');
    expect(response.status).toBe(200);
    const bySlug = new Map(response.body.organisations.map((org: { slug: string }) => [org.slug, org]));
    expect(bySlug.size).toBe(5);
    expect(bySlug.get('domstad-ict')).toMatchObject({ role: 'owner', clientCount: 3, managedBy: null });
    const managed = [...bySlug.values()].filter((org: any) => org.managedBy?.name === 'Domstad ICT Beheer B.V.');
    expect(managed.map((org: any) => org.role).sort()).toEqual(['owner', 'privacy_officer', 'privacy_officer']);
    expect(bySlug.get('eemcode')).toMatchObject({ role: 'owner', managedBy: null, clientCount: 0 });
  });

  it('describes the ICT provider as controller and processor with a DPO, without a 2FA requirement', async () => {
    const response = await demo.get('/api/orgs/domstad-ict');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      isController: true,
      isProcessor: true,
      requireMfa: false,
      kvkNumber: '12345678',
      city: 'Utrecht',
      privacyContact: { kind: 'dpo', name: 'Ingrid Verhoef', isExternal: false },
    });
    const freelancer = await demo.get('/api/orgs/eemcode');
    expect(freelancer.body.privacyContact).toMatchObject({ kind: 'privacy_officer', isExternal: true });
  });

  it('gives member lists several roles and leaves pending invitations with their mail in the outbox', async () => {
    const members = await demo.get('/api/orgs/domstad-ict/members');
    expect(members.body.members.map((member: { role: string }) => member.role).sort()).toEqual([
      'editor',
      'owner',
      'privacy_officer',
      'viewer',
    ]);
    const invitations = await demo.get('/api/orgs/domstad-ict/invitations');
    expect(invitations.body.invitations).toEqual([
      expect.objectContaining({ email: 'kees.jansen@domstad-ict.test', role: 'editor', status: 'pending' }),
    ]);
    const invitationCount = DEMO_ORGANISATIONS.flatMap((org) => org.invitations).length;
    const mails = await app.ctx.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.template, 'organisations.invitation'));
    expect(mails).toHaveLength(invitationCount);
  });

  it('lets colleagues sign in with their role, and records everything as the demo system actor', async () => {
    const viewer = new TestClient(app.http);
    await viewer.signIn('fatima.elamrani@domstad-ict.test', DEMO_PASSWORD);
    expect((await viewer.get('/api/orgs/domstad-ict/audit')).status).toBe(403);

    const trail = await demo.get('/api/orgs/domstad-ict/audit?limit=200');
    expect(trail.status).toBe(200);
    const actions = trail.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.created', 'member.added', 'invitation.created']));
    expect(actions.filter((action: string) => action === 'client_organisation.created')).toHaveLength(3);
    for (const entry of trail.body.entries) expect(entry.actor).toMatchObject({ type: 'system', id: 'demo' });
    const verified = await demo.post('/api/orgs/domstad-ict/audit/verify');
    expect(verified.body).toMatchObject({ isIntact: true });
  });

  it('gives the ICT provider a register from its template, run on ISO 27001 suppliers with dated locations', async () => {
    const activities = await demo.get('/api/orgs/domstad-ict/activities?limit=100');
    expect(activities.body.total).toBe(9);
    const systems = await demo.get('/api/orgs/domstad-ict/systems?limit=100');
    expect(
      systems.body.items.every(
        (system: { vendor: unknown; locations: unknown[] }) => system.vendor && system.locations.length > 0,
      ),
    ).toBe(true);
    const vendors = await demo.get('/api/orgs/domstad-ict/vendors?limit=100');
    const iso = vendors.body.items.filter((vendor: { certifications: { name: string }[] }) =>
      vendor.certifications.some((certification) => certification.name === 'ISO 27001'),
    );
    expect(iso.length).toBeGreaterThanOrEqual(7);
  });

  it('names Domstad’s three client organisations as the controllers in its processor register', async () => {
    const processor = await demo.get('/api/orgs/domstad-ict/activities?role=processor');
    expect(processor.body.items).toHaveLength(1);
    const [activity] = processor.body.items;
    expect(
      activity.controllers.map((controller: { kind: string; name: string }) => [controller.kind, controller.name]),
    ).toEqual([
      ['managed_org', 'Bakkerij De Zoete Korst'],
      ['managed_org', 'Installatiebedrijf Van Wijk & Zn.'],
      ['managed_org', 'Tandartspraktijk Lindelaan'],
    ]);
    const check = await demo.get('/api/orgs/domstad-ict/register/completeness');
    const clients = check.body.organisation.filter((item: { params: { client?: string } }) => item.params.client);
    expect(clients.map((item: { status: string }) => item.status)).toEqual(['complete', 'complete', 'complete']);
    const items = check.body.activities.find(
      (entry: { activity: { id: string } }) => entry.activity.id === activity.id,
    );
    expect(items.items.filter((item: { itemId: string }) => item.itemId === '30.2.a')).toEqual([]);
  });

  it('lets no demo activity that uses a vendor’s system say "no recipients"', async () => {
    for (const slug of ['domstad-ict', 'eemcode', 'bakkerij-de-zoete-korst']) {
      const activities = await demo.get(`/api/orgs/${slug}/activities?limit=100&role=controller`);
      for (const activity of activities.body.items) {
        if (activity.systemVendors.length > 0)
          expect(activity.hasNoRecipients, `${slug}: ${activity.name}`).toBe(false);
      }
    }
  });

  it('shows a transfer warning for the one supplier outside the EEA without a safeguard', async () => {
    const transfers = await demo.get('/api/orgs/domstad-ict/register/transfers');
    const needing = transfers.body.transfers.filter(
      (transfer: { transfer: { needsSafeguard: boolean } }) => transfer.transfer.needsSafeguard,
    );
    expect(
      needing.map(
        (transfer: { vendor: { name: string } | null; label: string }) => transfer.vendor?.name ?? transfer.label,
      ),
    ).toEqual(['PhishDrill Labs LLC']);
  });

  it('links the phishing-simulation vendor to the activity it serves, where the transfer is flagged', async () => {
    const register = await demo.get('/api/orgs/domstad-ict/register/completeness');
    expect(register.body.organisation.map((item: { code: string }) => item.code)).not.toContain(
      'vendor_outside_eea_unlinked',
    );
    const training = register.body.activities.find(
      (entry: { activity: { name: string } }) => entry.activity.name === 'Beveiligingsmonitoring en phishingtraining',
    );
    expect(
      training.items
        .filter((item: { itemId: string }) => item.itemId === '30.1.e')
        .map((item: { status: string; code: string; params: { destination: string } }) => [
          item.status,
          item.code,
          item.params.destination,
        ]),
    ).toEqual([['missing', 'transfer_safeguard_missing', 'PhishDrill Labs LLC']]);
    const vendors = await demo.get('/api/orgs/domstad-ict/vendors?q=RemoteOps');
    expect(vendors.body.items[0]).toMatchObject({ dpfCertifiedSince: '2023-09-14', transfer: { verdict: 'adequate' } });
  });

  it('answers the freelancer’s question: all backups in Europe since 1 January 2018', async () => {
    const status = await demo.get('/api/orgs/eemcode/locations/eea-status');
    expect(status.body).toMatchObject({
      isAllInsideNow: true,
      allInsideSince: '2018-01-01',
      recordsSince: '2015-05-01',
    });
    const onDay = await demo.get('/api/orgs/eemcode/locations?on=2017-06-01&role=backup');
    expect(onDay.body.locations.map((location: { country: string }) => location.country)).toEqual(['US']);
    const vendors = await demo.get('/api/orgs/eemcode/vendors?status=retired');
    expect(vendors.body.items.map((vendor: { name: string }) => vendor.name).sort()).toEqual([
      'CloudVault Backup Inc.',
      'Factuurhoek V.O.F.',
    ]);
  });
});
