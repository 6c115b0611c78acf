import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { getIncident } from './service.ts';
import { renderTriageReasons } from './triage-rules.ts';

/**
 * The breach register on a real database: an incident recorded with what it touched, its 72-hour clock (the test
 * clock stands on Monday 23 November 2026, 10:00 in Amsterdam), the decision, notifications in phases with the
 * reason for a late one, the playbook, and the checks on impossible input.
 */

let app: TestApp;
let org: TestOrganisation;
let systemId: string;
let vendorId: string;
const base = () => `/api/orgs/${org.id}/breaches`;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  const system = await org.owner.client.post(`/api/orgs/${org.id}/systems`, { name: 'Mailbox', kind: 'mailbox' });
  systemId = system.body.id;
  const vendor = await org.owner.client.post(`/api/orgs/${org.id}/vendors`, {
    name: 'Hoster',
    kind: 'processor',
    country: 'NL',
  });
  vendorId = vendor.body.id;
});

afterAll(async () => {
  await app?.close();
});

const incident = (extra: Record<string, unknown> = {}) => ({
  title: 'Phishing: mailbox van de boekhouder overgenomen',
  description: 'Inloggegevens via een valse inlogpagina buitgemaakt; doorstuurregel naar een extern adres.',
  occurredAt: '2026-11-22T21:00:00+01:00',
  awareAt: '2026-11-23T08:30:00+01:00',
  reportedBy: 'De boekhouder',
  systemIds: [systemId],
  vendorIds: [vendorId],
  isConfidentialityBreach: true,
  approxPeople: 120,
  approxRecords: 800,
  ...extra,
});

describe('the register of incidents', () => {
  it('records an incident with its clock, the standard playbook and an audit entry without personal data', async () => {
    const head = await auditHead(app, org.id);
    const created = await org.owner.client.post(base(), incident());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      reference: 'DL-2026-001',
      status: 'open',
      systems: [{ id: systemId, name: 'Mailbox' }],
      vendors: [{ id: vendorId, name: 'Hoster' }],
      clock: {
        deadline: '2026-11-26T07:30:00.000Z',
        deadlineLocal: '2026-11-26T08:30+01:00',
        // Aware at 08:30, now 10:00: 70 h 30 min left.
        minutesLeft: 70 * 60 + 30,
        isOverdue: false,
        needsLateReason: false,
      },
    });
    expect(created.body.playbook.map((step: { phase: string }) => step.phase)).toEqual([
      'contain',
      'contain',
      'assess',
      'assess',
      'notify',
      'notify',
      'notify',
      'communicate',
      'evaluate',
      'evaluate',
    ]);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['breach_incident.recorded']);
    expect(entries[0]?.targetName).toBe('DL-2026-001');
  });

  it('changes only the fields a change names, keeping everything else', async () => {
    const created = await org.owner.client.post(base(), incident());
    const changed = await org.owner.client.patch(`${base()}/${created.body.id}`, { consequences: 'Kans op phishing.' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      consequences: 'Kans op phishing.',
      description: incident().description,
      reportedBy: 'De boekhouder',
      isConfidentialityBreach: true,
      approxPeople: 120,
      systems: [{ id: systemId, name: 'Mailbox' }],
    });
    const empty = await org.owner.client.patch(`${base()}/${created.body.id}`, {});
    expect(empty.status).toBe(400);
  });

  it('refuses impossible moments, negative counts and another organisation’s systems, writing nothing', async () => {
    const before = (await org.owner.client.get(base())).body.items.length;
    const future = await org.owner.client.post(base(), incident({ awareAt: '2026-11-24T08:00:00+01:00' }));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('awareAt');
    const backwards = await org.owner.client.post(
      base(),
      incident({ occurredAt: '2026-11-23T09:00:00+01:00', awareAt: '2026-11-23T08:00:00+01:00' }),
    );
    expect(backwards.body.errors[0]).toMatchObject({ path: 'awareAt', code: 'breach_aware_before_occurred' });
    const negative = await org.owner.client.post(base(), incident({ approxPeople: -1 }));
    expect(negative.body.errors[0].path).toBe('approxPeople');
    const other = await createOrganisation(app);
    const foreign = await other.owner.client.post(`/api/orgs/${other.id}/systems`, { name: 'Vreemd', kind: 'crm' });
    const refused = await org.owner.client.post(base(), incident({ systemIds: [foreign.body.id] }));
    expect(refused.status).toBe(400);
    expect((await org.owner.client.get(base())).body.items.length).toBe(before);
  });

  it('asks the reason for a late notification of the authority, and records notifications in phases', async () => {
    const created = await org.owner.client.post(
      base(),
      incident({ title: 'Laptop gestolen', occurredAt: null, awareAt: '2026-11-19T09:00:00+01:00' }),
    );
    expect(created.body.clock).toMatchObject({ isOverdue: true, needsLateReason: true });
    const url = `${base()}/${created.body.id}`;
    const withoutReason = await org.owner.client.post(`${url}/notifications`, {
      recipient: 'authority',
      phase: 'initial',
      sentAt: '2026-11-23T09:30:00+01:00',
    });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors[0]).toMatchObject({ path: 'lateReason', code: 'late_reason_required' });
    const initial = await org.owner.client.post(`${url}/notifications`, {
      recipient: 'authority',
      phase: 'initial',
      sentAt: '2026-11-23T09:30:00+01:00',
      reference: 'AP-2026-12345',
      lateReason: 'De diefstal werd pas na het weekend aan ons gemeld door de medewerker.',
    });
    expect(initial.status).toBe(200);
    expect(initial.body.clock).toMatchObject({
      authorityNotifiedAt: '2026-11-23T08:30:00.000Z',
      isOverdue: true,
      needsLateReason: false,
    });
    const supplementary = await org.owner.client.post(`${url}/notifications`, {
      recipient: 'authority',
      phase: 'supplementary',
      sentAt: '2026-11-23T09:45:00+01:00',
      note: 'Versleuteling bevestigd',
    });
    expect(supplementary.body.notifications.map((n: { phase: string }) => n.phase)).toEqual([
      'initial',
      'supplementary',
    ]);
  });

  it('runs the triage, keeps its recommendation and reasons in the reader’s language, and audits it', async () => {
    const created = await org.owner.client.post(base(), incident({ title: 'Inloggegevens klantportaal gelekt' }));
    const url = `${base()}/${created.body.id}`;
    const head = await auditHead(app, org.id);
    // The facts of EDPB Guidelines 01/2021, case 07 (credential stuffing on a bank's website).
    const facts = {
      dataCategories: ['financial', 'credentials', 'basicIdentity'],
      peopleAffected: 2000,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'unknown', exfiltration: 'yes' },
      maliciousIntent: true,
      easeOfIdentification: 'full',
    };
    const triaged = await org.owner.client.post(`${url}/triage`, { facts });
    expect(triaged.status).toBe(200);
    expect(triaged.body.triage).toMatchObject({
      notifyAuthority: true,
      notifySubjects: true,
      by: { id: org.owner.id },
    });
    expect(triaged.body.triage.reasonTexts.length).toBeGreaterThan(0);
    // In the reader's language (the owner reads Dutch), from the reasons kept with the incident.
    expect(triaged.body.triage.reasonTexts).toEqual(renderTriageReasons(triaged.body.triage.reasons, 'nl'));
    expect(renderTriageReasons(triaged.body.triage.reasons, 'en')).not.toEqual(triaged.body.triage.reasonTexts);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['breach_incident.triaged']);
    const invalid = await org.owner.client.post(`${url}/triage`, { facts: { ...facts, peopleAffected: -5 } });
    expect(invalid.status).toBe(400);
  });

  it('keeps the playbook with who did what, and closes only after a decision', async () => {
    const editor = await addMember(app, org, 'editor');
    const created = await org.owner.client.post(base(), incident({ title: 'Ransomware op de NAS' }));
    const url = `${base()}/${created.body.id}`;
    const [first] = created.body.playbook;
    const done = await editor.client.patch(`${url}/steps/${first.id}`, {
      isDone: true,
      note: 'NAS van het netwerk gehaald',
    });
    expect(done.body.playbook[0]).toMatchObject({ doneBy: { id: editor.id }, note: 'NAS van het netwerk gehaald' });
    const added = await editor.client.post(`${url}/steps`, { phase: 'evaluate', title: 'Back-up-test inplannen' });
    expect(added.body.playbook.at(-1)).toMatchObject({ title: 'Back-up-test inplannen', stepKey: null });

    const early = await org.owner.client.post(`${url}/close`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('incident_undecided');
    // Deciding is for privacy officers and owners.
    expect(
      (await editor.client.post(`${url}/decision`, { notifyAuthority: false, notifySubjects: false, reason: 'x' }))
        .status,
    ).toBe(403);
    const decided = await org.owner.client.post(`${url}/decision`, {
      notifyAuthority: true,
      notifySubjects: false,
      reason: 'Back-ups waren versleuteld en hersteld; geen aanwijzing van exfiltratie, wel beschikbaarheid weg.',
    });
    expect(decided.body.decisionDetail).toMatchObject({ notifyAuthority: true, by: { id: org.owner.id } });
    const closed = await org.owner.client.post(`${url}/close`, {});
    expect(closed.body.status).toBe('closed');
    expect((await org.owner.client.patch(url, { title: 'Later gewijzigd' })).status).toBe(409);
    expect(closed.body.timeline.map((event: { kind: string }) => event.kind)).toEqual([
      'recorded',
      'step_done',
      'step_added',
      'decided',
      'closed',
    ]);
  });
  it('stops counting once the authority is notified in time', async () => {
    const created = await org.owner.client.post(base(), incident({ title: 'Verkeerde bijlage' }));
    const url = `${base()}/${created.body.id}`;
    app.clock.advance(2 * HOUR);
    const notified = await org.owner.client.post(`${url}/notifications`, {
      recipient: 'authority',
      phase: 'initial',
      sentAt: app.clock.now().toISOString(),
    });
    app.clock.advance(80 * HOUR);
    // Days later (the session has idled out): read as the owner through the service.
    const scope = { orgId: org.id, role: 'owner' as const, actor: { type: 'user' as const, id: org.owner.id } };
    const later = await getIncident(app.ctx, scope, created.body.id);
    expect(later.clock).toMatchObject({ isOverdue: false, minutesLeft: notified.body.clock.minutesLeft });
    app.clock.set(new Date('2026-11-23T09:00:00Z'));
  });
});

describe('the organisation’s playbook', () => {
  const playbook = () => `/api/orgs/${org.id}/breach-playbook`;

  it('starts new incidents with the organisation’s own steps; recorded incidents keep theirs; empty restores the standard', async () => {
    const before = await org.owner.client.post(base(), incident());
    expect((await org.owner.client.get(playbook())).body.isStandard).toBe(true);
    const saved = await org.owner.client.put(playbook(), {
      steps: [
        { phase: 'contain', stepKey: null, title: 'ICT-partner bellen' },
        { phase: 'notify', stepKey: 'notify_authority' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      isStandard: false,
      steps: [{ title: 'ICT-partner bellen' }, { stepKey: 'notify_authority' }],
    });
    const after = await org.owner.client.post(base(), incident());
    expect(
      after.body.playbook.map((step: { stepKey: string | null; title: string }) => step.stepKey ?? step.title),
    ).toEqual(['ICT-partner bellen', 'notify_authority']);
    const unchanged = await org.owner.client.get(`${base()}/${before.body.id}`);
    expect(unchanged.body.playbook).toHaveLength(10);
    const restored = await org.owner.client.put(playbook(), { steps: [] });
    expect(restored.body.isStandard).toBe(true);
    expect(restored.body.steps).toHaveLength(10);
  });

  it('refuses an unknown standard step or an empty own step, changing nothing, and lets only officers save', async () => {
    const refused = await org.owner.client.put(playbook(), {
      steps: [
        { phase: 'assess', stepKey: 'made_up' },
        { phase: 'assess', title: '' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([
      { path: 'steps.0.stepKey', code: 'unknown_reference' },
      { path: 'steps.1.title', code: 'required' },
    ]);
    expect((await org.owner.client.get(playbook())).body.isStandard).toBe(true);
    const editor = await addMember(app, org, 'editor');
    expect((await editor.client.put(playbook(), { steps: [] })).status).toBe(403);
  });
});
