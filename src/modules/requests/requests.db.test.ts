import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { addMember, createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { renderHtml } from '../../platform/mail/layout.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { issueChallenge, solveChallenge } from './proof-of-work.ts';
import { getRequest, minimiseRequests, sendDueReminders } from './service.ts';
import { subjectRequests } from './tables.ts';

/**
 * The requests desk end to end on a real database: the public page (proof of work, confirmation, throttling,
 * hostile input), the desk (deadlines, extension, assignment, identity, closing letters), reminders and
 * minimisation. The test clock starts on Monday 23 November 2026, 10:00 in Amsterdam.
 */

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Bakkerij De Korrel' } });
  other = await createOrganisation(app, { input: { name: 'Andere Zaak' } });
});

afterAll(async () => {
  await app?.close();
});

const visitor = (locale = 'nl') => new TestClient(app.http, { locale });

async function mailsTo(email: string) {
  const rows = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, email));
  return rows.map((row) => ({ ...row, text: app.ctx.secrets.open(row.bodySealed) }));
}

async function solvedProof(client: TestClient, slug = org.slug) {
  const page = await client.get(`/api/public/orgs/${slug}/request-page`);
  expect(page.status).toBe(200);
  const { challenge, difficulty } = page.body.proof;
  return { challenge, nonce: solveChallenge(challenge, difficulty) };
}

async function submit(client: TestClient, fields: Record<string, unknown>, slug = org.slug) {
  const proof = await solvedProof(client, slug);
  return client.post(`/api/public/orgs/${slug}/requests`, {
    right: 'access',
    name: 'Jan Jansen',
    email: 'jan@example.nl',
    locale: 'nl',
    proof,
    ...fields,
  });
}

async function confirmLinkToken(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const confirm = mails.find((mail) => mail.template === 'requests.confirm');
  const token = confirm?.text.match(/confirm\?token=([\w%-]+)/)?.[1];
  if (!token) throw new Error(`no confirmation link to ${email}`);
  return decodeURIComponent(token);
}

describe('the public request page', () => {
  it('shows the organisation and a proof-of-work challenge, and 404 for an unknown organisation', async () => {
    const page = await visitor().get(`/api/public/orgs/${org.slug}/request-page`);
    expect(page.body).toMatchObject({
      organisation: { slug: org.slug, name: 'Bakkerij De Korrel' },
      rights: expect.arrayContaining(['access', 'erasure', 'withdraw_consent']),
      proof: { difficulty: 4 },
    });
    const missing = await visitor().get('/api/public/orgs/bestaat-niet/request-page');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('request_page_not_found');
  });

  it('takes a submission, confirms it by the mailed link, and puts it on the desk with its deadline', async () => {
    const head = await auditHead(app, org.id);
    const client = visitor();
    const submitted = await submit(client, { email: 'Piet.Puk@Example.nl', name: 'Piet Puk', right: 'erasure' });
    expect(submitted.status).toBe(202);
    const unconfirmed = await org.owner.client.get(`/api/orgs/${org.id}/requests?state=unconfirmed`);
    expect(unconfirmed.body.items).toHaveLength(1);
    expect((await org.owner.client.get(`/api/orgs/${org.id}/requests`)).body.items).toHaveLength(0);

    const token = await confirmLinkToken('Piet.Puk@Example.nl');
    const confirmed = await client.post('/api/public/requests/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      reference: '2026-0001',
      organisationName: 'Bakkerij De Korrel',
      right: 'erasure',
      receivedOn: '2026-11-23',
      due: '2026-12-23',
    });
    // Confirming twice shows the same request; no second receipt.
    expect((await client.post('/api/public/requests/confirm', { token })).body.reference).toBe('2026-0001');
    const receipts = (await mailsTo('Piet.Puk@Example.nl')).filter((mail) => mail.template === 'requests.receipt');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain('woensdag 23 december 2026');

    const desk = await org.owner.client.get(`/api/orgs/${org.id}/requests`);
    expect(desk.body.items).toEqual([
      expect.objectContaining({
        reference: '2026-0001',
        right: 'erasure',
        channel: 'web',
        status: 'open',
        requesterName: 'Piet Puk',
        deadline: expect.objectContaining({ due: '2026-12-23', calendarDaysLeft: 30, isOverdue: false }),
      }),
    ]);
    const entries = await auditEntriesSince(app, org.id, head.seq);
    expect(entries.map((entry) => entry.action)).toEqual(['subject_request.received']);
    expect(JSON.stringify(entries)).not.toMatch(/piet|puk/i);
  });

  it('refuses a forged, foreign, reused or unsolved proof, storing nothing', async () => {
    const before = await rowCount(app, subjectRequests);
    const client = visitor();
    const foreign = await solvedProof(client, other.slug);
    const forgedChallenge = foreign.challenge.replace(/\.[0-9a-f]+$/, '.00000000000000000000000000000000');
    const own = await solvedProof(client);
    const attempts = [
      foreign,
      { challenge: forgedChallenge, nonce: '1' },
      { challenge: own.challenge, nonce: 'not-a-solution-probably' },
    ];
    for (const proof of attempts) {
      const response = await client.post(`/api/public/orgs/${org.slug}/requests`, {
        right: 'access',
        name: 'Bot',
        email: 'bot@example.nl',
        locale: 'nl',
        proof,
      });
      if (proof === attempts[2] && response.status === 202) continue; // a nonce may solve a 4-bit puzzle by luck
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('request_proof_invalid');
    }
    const reused = await solvedProof(client);
    const first = await client.post(`/api/public/orgs/${org.slug}/requests`, {
      right: 'access',
      name: 'Eén keer',
      email: 'once@example.nl',
      locale: 'nl',
      proof: reused,
    });
    expect(first.status).toBe(202);
    const again = await client.post(`/api/public/orgs/${org.slug}/requests`, {
      right: 'access',
      name: 'Twee keer',
      email: 'twice@example.nl',
      locale: 'nl',
      proof: reused,
    });
    expect(again.status).toBe(400);
    expect(await mailsTo('twice@example.nl')).toHaveLength(0);
    expect(await rowCount(app, subjectRequests)).toBeLessThanOrEqual(before + 2);
  });

  it('answers a bot that fills in the hidden field as it would a person, and stores nothing', async () => {
    const before = await rowCount(app, subjectRequests);
    const response = await submit(visitor(), { email: 'robot@example.nl', website: 'http://spam.example' });
    expect(response.status).toBe(202);
    expect(await rowCount(app, subjectRequests)).toBe(before);
    expect(await mailsTo('robot@example.nl')).toHaveLength(0);
  });

  it('throttles 1,000 submissions from one address while another address still gets through', async () => {
    const statuses = new Map<number, number>();
    // Each submission solves a fresh challenge as the page would hand out (the page itself is tested above).
    const freshProof = () => {
      const { challenge } = issueChallenge(app.ctx.identifiers, org.id, app.clock.now(), 4);
      return { challenge, nonce: solveChallenge(challenge, 4) };
    };
    for (let i = 0; i < 1000; i++) {
      const response = await visitor().post(`/api/public/orgs/${org.slug}/requests`, {
        right: 'access',
        name: 'Flood',
        email: 'flood@example.nl',
        description: `poging ${i}`,
        locale: 'nl',
        proof: freshProof(),
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect(statuses.get(202)).toBe(3);
    expect(statuses.get(429)).toBe(997);
    expect(await mailsTo('flood@example.nl')).toHaveLength(3);
    const flooded = await submit(visitor(), { email: 'flood@example.nl' });
    expect(flooded.body.code).toBe('request_throttled');
    const real = await submit(visitor(), { email: 'echt@example.nl', name: 'Echte Persoon' });
    expect(real.status).toBe(202);
    expect(await mailsTo('echt@example.nl')).toHaveLength(1);
  }, 120_000);

  it('rejects oversize fields and bodies with a localised message', async () => {
    const tooLong = await submit(visitor('en'), { description: 'x'.repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: 'description' })]);
    const huge = await visitor().post(`/api/public/orgs/${org.slug}/requests`, { name: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    const badEmail = await submit(visitor(), { email: 'geen-adres' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors[0].path).toBe('email');
  });

  it('never turns what a person typed into markup in the mails', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const response = await submit(visitor(), { email: 'xss@example.nl', name: hostile, description: hostile });
    expect(response.status).toBe(202);
    const [mail] = await mailsTo('xss@example.nl');
    expect(mail?.text).toContain(hostile);
    const html = renderHtml(mail?.subject ?? '', mail?.text ?? '', 'nl');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('the desk', () => {
  const base = () => `/api/orgs/${org.id}/requests`;
  const letter = (receivedAt: string, extra: Record<string, unknown> = {}) => ({
    right: 'access',
    channel: 'letter',
    receivedAt,
    requester: { name: 'Karel Brief', email: 'karel@example.nl', postalAddress: 'Dorpsstraat 1, Ergens' },
    description: 'Ik wil weten welke gegevens u van mij heeft.',
    locale: 'nl',
    ...extra,
  });

  it('enters a request by hand with the deadline of reference/deadlines.json, overdue requests first', async () => {
    // Received Thu 26 Mar 2026 → Sun 26 Apr → Mon 27 Apr is King's Day → Tue 28 Apr 2026 (deadlines.md).
    const old = await org.owner.client.post(base(), letter('2026-03-26'));
    expect(old.status).toBe(201);
    expect(old.body.deadline).toMatchObject({ receivedOn: '2026-03-26', due: '2026-04-28', isOverdue: true });
    expect(old.body.timeline.map((event: { kind: string }) => event.kind)).toEqual(['created', 'mail_queued']);
    const list = await org.owner.client.get(base());
    expect(list.body.items[0].id).toBe(old.body.id);
  });

  it('refuses a receipt in the future and a request for another organisation', async () => {
    const future = await org.owner.client.post(base(), letter('2027-01-05'));
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'receivedAt', code: 'date_in_future' });
    const elsewhere = await org.owner.client.post(`/api/orgs/${other.id}/requests`, letter('2026-11-20'));
    expect(elsewhere.status).toBe(404);
  });

  it('extends once within the first month, to three months from receipt, and tells the person why', async () => {
    const created = await org.owner.client.post(
      base(),
      letter('2026-11-23', { requester: { name: 'Els', email: 'els@example.nl' } }),
    );
    const id = created.body.id;
    const extended = await org.owner.client.post(`${base()}/${id}/extend`, {
      reason: 'Uw gegevens staan in zes systemen.',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.deadline).toMatchObject({ due: '2027-02-23', originalDue: '2026-12-23', isExtended: true });
    expect(extended.body.extension.reason).toBe('Uw gegevens staan in zes systemen.');
    const again = await org.owner.client.post(`${base()}/${id}/extend`, { reason: 'Nog meer' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_extended');
    const notice = (await mailsTo('els@example.nl')).find((mail) => mail.template === 'requests.extension');
    expect(notice?.text).toContain('Uw gegevens staan in zes systemen.');
    expect(notice?.text).toContain('dinsdag 23 februari 2027');
    expect(notice?.text).toContain('Autoriteit Persoonsgegevens');

    const late = await org.owner.client.post(base(), letter('2026-09-01'));
    const refused = await org.owner.client.post(`${base()}/${late.body.id}/extend`, { reason: 'Te laat' });
    expect(refused.body.code).toBe('extension_too_late');
  });

  it('assigns to a privacy officer only, records the identity check and notes, and closes with a letter', async () => {
    const officer = await addMember(app, org, 'privacy_officer');
    const editor = await addMember(app, org, 'editor');
    const created = await org.owner.client.post(
      base(),
      letter('2026-11-20', { requester: { name: 'Mo', email: 'mo@example.nl' } }),
    );
    const url = `${base()}/${created.body.id}`;
    const wrong = await org.owner.client.post(`${url}/assign`, { userId: editor.id });
    expect(wrong.body.errors[0]).toMatchObject({ path: 'userId', code: 'not_a_privacy_officer' });
    const assigned = await org.owner.client.post(`${url}/assign`, { userId: officer.id });
    expect(assigned.body).toMatchObject({ status: 'in_progress', assignee: { id: officer.id } });
    const verified = await officer.client.post(`${url}/identity`, {
      method: 'known_contact',
      note: 'Vaste klant, belde terug',
    });
    expect(verified.body.identity).toMatchObject({ method: 'known_contact', by: { id: officer.id } });
    await officer.client.post(`${url}/notes`, { text: 'Boekhouding en CRM nagekeken' });
    const closed = await officer.client.post(`${url}/close`, {
      outcome: 'refused',
      note: 'Wij hebben geen gegevens van u.',
    });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'refused' });
    expect(closed.body.timeline.map((event: { kind: string }) => event.kind)).toEqual([
      'created',
      'mail_queued',
      'assigned',
      'identity_verified',
      'note_added',
      'closed',
      'mail_queued',
    ]);
    const closing = (await mailsTo('mo@example.nl')).find((mail) => mail.template === 'requests.closed_refused');
    expect(closing?.text).toContain('Autoriteit Persoonsgegevens');
    const afterClose = await officer.client.post(`${url}/notes`, { text: 'Nog iets' });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('request_closed');
    // The desk is for privacy officers and owners: an editor sees nothing.
    expect((await editor.client.get(base())).status).toBe(403);
  });

  it('asks the person to show who they are, in their language, never for a copy of an ID by e-mail', async () => {
    const created = await org.owner.client.post(
      base(),
      letter('2026-11-21', { locale: 'en', requester: { name: 'Sam', email: 'sam@example.nl' } }),
    );
    const asked = await org.owner.client.post(`${base()}/${created.body.id}/identity-check`, {
      message: 'Please reply with your customer number and the address we sent your last invoice to.',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.timeline.map((event: { kind: string }) => event.kind)).toContain('identity_check_sent');
    const mail = (await mailsTo('sam@example.nl')).find((message) => message.template === 'requests.identity_check');
    expect(mail?.subject).toBe(`Your request ${created.body.reference}: who are you?`);
    expect(mail?.text).toContain('Please reply with your customer number');
    expect(mail?.text).toContain('Never send a copy of your passport');
    const byPhone = await org.owner.client.post(base(), {
      ...letter('2026-11-21'),
      channel: 'phone',
      requester: { name: 'Zonder Mail' },
    });
    const refused = await org.owner.client.post(`${base()}/${byPhone.body.id}/identity-check`, { message: 'Bel ons' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('request_without_email');
  });

  it('shows a provider the open requests of the organisations it manages', async () => {
    const client = await org.owner.client.post('/api/orgs', { name: 'Klant van de bakker', managedByOrgId: org.id });
    await org.owner.client.post(`/api/orgs/${client.body.id}/requests`, letter('2026-11-22'));
    const overview = await org.owner.client.get(`/api/orgs/${org.id}/client-requests`);
    expect(overview.body.items).toEqual([
      expect.objectContaining({ organisation: expect.objectContaining({ name: 'Klant van de bakker' }) }),
    ]);
    expect((await other.owner.client.get(`/api/orgs/${other.id}/client-requests`)).body.items).toEqual([]);
  });
});

describe('reminders and minimisation', () => {
  it('reminds a week and a day before the due date and on the day, each once', async () => {
    const reminderApp = await createTestApp();
    try {
      const shop = await createOrganisation(reminderApp);
      const created = await shop.owner.client.post(`/api/orgs/${shop.id}/requests`, {
        right: 'erasure',
        channel: 'email',
        receivedAt: '2026-11-23',
        requester: { name: 'Rita', email: 'rita@example.nl' },
        locale: 'nl',
      });
      expect(created.body.deadline.due).toBe('2026-12-23');
      const reminders = async () =>
        (await reminderApp.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, 'requests.reminder')))
          .length;
      expect(await sendDueReminders(reminderApp.ctx)).toBe(0);
      reminderApp.clock.set(new Date('2026-12-16T07:00:00Z'));
      expect(await sendDueReminders(reminderApp.ctx)).toBe(1);
      expect(await sendDueReminders(reminderApp.ctx)).toBe(0);
      reminderApp.clock.set(new Date('2026-12-22T07:00:00Z'));
      expect(await sendDueReminders(reminderApp.ctx)).toBe(1);
      reminderApp.clock.set(new Date('2026-12-23T07:00:00Z'));
      expect(await sendDueReminders(reminderApp.ctx)).toBe(1);
      reminderApp.clock.set(new Date('2026-12-24T07:00:00Z'));
      expect(await sendDueReminders(reminderApp.ctx)).toBe(0);
      expect(await reminders()).toBe(3);
      const [mail] = await reminderApp.ctx.db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.template, 'requests.reminder'), eq(mailMessages.recipient, shop.owner.email)));
      expect(mail).toBeDefined();
    } finally {
      await reminderApp.close();
    }
  });

  it('drops the content half a year after closing and keeps the proof; removes week-old unconfirmed submissions', async () => {
    const minimiseApp = await createTestApp();
    try {
      const shop = await createOrganisation(minimiseApp);
      const created = await shop.owner.client.post(`/api/orgs/${shop.id}/requests`, {
        right: 'access',
        channel: 'phone',
        receivedAt: '2026-11-23',
        requester: { name: 'Gerda Geheim', phone: '06-12345678' },
        description: 'Belde over haar dossier',
        locale: 'nl',
      });
      const url = `/api/orgs/${shop.id}/requests/${created.body.id}`;
      await shop.owner.client.post(`${url}/notes`, { text: 'Dossier nummer 42' });
      await shop.owner.client.post(`${url}/close`, { outcome: 'completed' });
      const page = await new TestClient(minimiseApp.http).get(`/api/public/orgs/${shop.slug}/request-page`);
      const proof = { challenge: page.body.proof.challenge, nonce: solveChallenge(page.body.proof.challenge, 4) };
      await new TestClient(minimiseApp.http).post(`/api/public/orgs/${shop.slug}/requests`, {
        right: 'access',
        name: 'Nooit Bevestigd',
        email: 'nooit@example.nl',
        locale: 'nl',
        proof,
      });

      minimiseApp.clock.advance(30 * DAY);
      expect(await minimiseRequests(minimiseApp.ctx)).toEqual({ minimised: 0, removedUnconfirmed: 1 });
      minimiseApp.clock.advance(160 * DAY);
      expect(await minimiseRequests(minimiseApp.ctx)).toEqual({ minimised: 1, removedUnconfirmed: 0 });
      // Half a year on, the session has expired: read as the organisation's owner through the service.
      const scope = { orgId: shop.id, role: 'owner' as const, actor: { type: 'user' as const, id: shop.owner.id } };
      const after = { body: await getRequest(minimiseApp.ctx, scope, created.body.id) };
      expect(after.body).toMatchObject({
        requester: null,
        description: null,
        requesterName: null,
        outcome: 'completed',
      });
      expect(after.body.minimisedAt).not.toBeNull();
      expect(after.body.timeline.every((event: { note: string | null }) => event.note === null)).toBe(true);
      expect(JSON.stringify(after.body)).not.toMatch(/Gerda|Dossier nummer/);
      expect(after.body.timeline.map((event: { kind: string }) => event.kind)).toContain('minimised');
    } finally {
      await minimiseApp.close();
    }
  });
});
