import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { mailMessages } from '../../platform/mail/tables.ts';

/**
 * A breach in an ICT provider's own systems that touches its clients (Art. 33(2)): recorded once by the provider,
 * told to the clients it picks — each gets an incident in its own register, linked to the provider's, with its own
 * clock — on a real database. The test clock stands on Monday 23 November 2026, 10:00 in Amsterdam.
 */

let app: TestApp;
let provider: TestOrganisation;
let bakery: TestOrganisation;
let dentist: TestOrganisation;
let stranger: TestOrganisation;
let incidentId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  app = await createTestApp();
  provider = await createOrganisation(app, { input: { name: 'ICT Beheer Noord' } });
  const client = (name: string) =>
    createOrganisation(app, { owner: provider.owner, input: { name, managedByOrgId: provider.id } });
  bakery = await client('Bakkerij Korrel');
  dentist = await client('Tandarts Wit');
  stranger = await createOrganisation(app, { input: { name: 'Vreemde Zaak' } });
  const created = await provider.owner.client.post(`/api/orgs/${provider.id}/breaches`, {
    title: 'Ransomware op de back-upserver',
    description: 'Versleutelde back-ups van klanten; geen aanwijzing dat gegevens zijn gekopieerd.',
    occurredAt: '2026-11-22T23:00:00+01:00',
    awareAt: '2026-11-23T07:00:00+01:00',
    isAvailabilityBreach: true,
  });
  incidentId = created.body.id;
});

afterAll(async () => {
  await app?.close();
});

const tell = (clientOrgIds: string[], as = provider) =>
  as.owner.client.post(`/api/orgs/${as.id}/breaches/${incidentId}/clients`, { clientOrgIds });

describe('a provider’s incident told to its clients (Art. 33(2))', () => {
  it('gives each client picked an incident of its own, with its own clock, and records the notifications', async () => {
    app.clock.advance(HOUR);
    const bakeryOfficer = await addMember(app, bakery, 'privacy_officer');
    const head = await auditHead(app, bakery.id);
    const told = await tell([bakery.id, dentist.id]);
    expect(told.status).toBe(200);
    expect(
      told.body.notifications.map((n: { recipient: string; reference: string }) => [n.recipient, n.reference]),
    ).toEqual([
      ['controller', 'Bakkerij Korrel'],
      ['controller', 'Tandarts Wit'],
    ]);
    expect(told.body.clientIncidents.map((c: { organisation: { name: string } }) => c.organisation.name)).toEqual([
      'Bakkerij Korrel',
      'Tandarts Wit',
    ]);
    const [own] = told.body.clientIncidents;
    // The provider became aware at 07:00; the bakery becomes aware now (11:00), so its clock runs 4 hours later.
    expect(told.body.clock.deadline).toBe('2026-11-26T06:00:00.000Z');
    expect(own.clock.deadline).toBe('2026-11-26T10:00:00.000Z');

    const inBakery = await bakery.owner.client.get(`/api/orgs/${bakery.id}/breaches/${own.incidentId}`);
    expect(inBakery.body).toMatchObject({
      reference: 'DL-2026-001',
      title: 'Ransomware op de back-upserver',
      source: 'provider',
      reportedBy: 'ICT Beheer Noord',
      isAvailabilityBreach: true,
      provider: { name: 'ICT Beheer Noord', reference: 'DL-2026-001' },
      clientIncidents: [],
    });
    expect(inBakery.body.playbook.length).toBeGreaterThan(0);
    const mails = await app.ctx.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.orgId, bakery.id), eq(mailMessages.template, 'breaches.provider_notice')));
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([bakeryOfficer.email, bakery.owner.email].sort());
    const entries = await auditEntriesSince(app, bakery.id, head.seq);
    expect(entries.map((entry) => entry.action)).toContain('breach_incident.recorded');
  });

  it('tells a client only once, however often it is picked', async () => {
    const again = await tell([bakery.id]);
    expect(again.status).toBe(200);
    expect(again.body.clientIncidents).toHaveLength(2);
    const list = await bakery.owner.client.get(`/api/orgs/${bakery.id}/breaches`);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses an organisation the provider does not manage, telling nobody', async () => {
    const refused = await tell([stranger.id]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ path: 'clientOrgIds.0', code: 'unknown_reference' }]);
    const list = await stranger.owner.client.get(`/api/orgs/${stranger.id}/breaches`);
    expect(list.body.items).toEqual([]);
  });

  it('is not reachable through another organisation', async () => {
    const foreign = await stranger.owner.client.post(`/api/orgs/${stranger.id}/breaches/${incidentId}/clients`, {
      clientOrgIds: [bakery.id],
    });
    expect([400, 404]).toContain(foreign.status);
    expect((await bakery.owner.client.get(`/api/orgs/${bakery.id}/breaches`)).body.items).toHaveLength(1);
  });
});
