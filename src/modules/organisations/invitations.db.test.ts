import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import {
  addMember,
  createOrganisation,
  createPerson,
  invitationTokenFromOutbox,
  type TestOrganisation,
} from '../../../test/factories.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { mailMessages } from '../../platform/mail/tables.ts';
import { users } from '../identity/tables.ts';
import * as organisations from './service.ts';
import { invitations, memberships } from './tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

let counter = 0;
const newAddress = () => `invitee-${++counter}-${Date.now()}@example.nl`;

async function invite(org: TestOrganisation, email: string, role = 'editor', locale?: 'nl' | 'en') {
  const response = await org.owner.client.post(`/api/orgs/${org.id}/invitations`, { email, role, locale });
  expect(response.status).toBe(201);
  return { invitation: response.body, token: await invitationTokenFromOutbox(app, email.toLowerCase()) };
}

async function membershipsOf(org: TestOrganisation) {
  return rowCount(app, memberships, eq(memberships.orgId, org.id));
}

describe('invitations', () => {
  it('mails a one-time link in the chosen language and records the invitation without the address', async () => {
    const org = await createOrganisation(app, { input: { name: 'Bakkerij Brood' } });
    const email = newAddress();
    const before = await auditHead(app, org.id);
    const response = await org.owner.client.post(`/api/orgs/${org.id}/invitations`, {
      email: email.toUpperCase(),
      role: 'privacy_officer',
      locale: 'en',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email,
      role: 'privacy_officer',
      status: 'pending',
      invitedBy: org.owner.name,
    });
    expect(new Date(response.body.expiresAt).getTime() - app.clock.now().getTime()).toBe(7 * 86_400_000);

    const [mail] = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, email));
    expect(mail).toMatchObject({
      orgId: org.id,
      locale: 'en',
      template: 'organisations.invitation',
      subject: 'Invitation to Bakkerij Brood on privacydesk',
      isSensitive: true,
    });
    const body = app.ctx.secrets.open(mail?.bodySealed as string);
    expect(body).toMatch(/http:\/\/privacydesk\.test\/invitations\/[\w-]{40,}/);
    expect(body).toContain('privacy officer');
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({ action: 'invitation.created', targetId: response.body.id });
    expect(JSON.stringify(entry)).not.toContain(email);

    const listed = await org.owner.client.get(`/api/orgs/${org.id}/invitations`);
    expect(listed.body.invitations).toEqual([expect.objectContaining({ id: response.body.id, status: 'pending' })]);
  });

  it('uses the organisation’s language when none is chosen', async () => {
    const org = await createOrganisation(app, { input: { defaultLocale: 'nl' } });
    const email = newAddress();
    await invite(org, email);
    const [mail] = await app.ctx.db.select().from(mailMessages).where(eq(mailMessages.recipient, email));
    expect(mail?.locale).toBe('nl');
    expect(mail?.subject).toMatch(/^Uitnodiging/);
  });

  it('shows what a link is for before accepting', async () => {
    const org = await createOrganisation(app, { input: { name: 'Preview B.V.', defaultLocale: 'en' } });
    const existing = await createPerson(app);
    const { token } = await invite(org, existing.email, 'viewer');
    const preview = await new TestClient(app.http).get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      organisationName: 'Preview B.V.',
      role: 'viewer',
      email: existing.email,
      hasAccount: true,
      locale: 'en',
    });
    const unknown = await new TestClient(app.http).get(`/api/invitations/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('invitation_invalid');
  });

  it('accepted with a new account: creates it, signs it in and adds the membership once', async () => {
    const org = await createOrganisation(app);
    const email = newAddress();
    const { invitation, token } = await invite(org, email, 'editor');
    const client = new TestClient(app.http);
    const accepted = await client.post(`/api/invitations/${token}/accept`, {
      name: 'Nieuwe Collega',
      password: 'een-sterk-wachtwoord',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.organisation).toMatchObject({ id: org.id, role: 'editor' });
    const [user] = await app.ctx.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ name: 'Nieuwe Collega', locale: 'nl' });
    const me = await client.get('/api/me');
    expect(me.body.email).toBe(email);
    await client.get('/api/auth/session');
    expect((await client.get(`/api/orgs/${org.id}`)).status).toBe(200);
    const [row] = await app.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.acceptedAt).not.toBeNull();

    const again = await new TestClient(app.http).post(`/api/invitations/${token}/accept`, {
      name: 'Iemand Anders',
      password: 'een-ander-wachtwoord',
    });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('invitation_invalid');
    expect(await rowCount(app, users, eq(users.email, email))).toBe(1);
  });

  it('accepted by the invited person, signed in', async () => {
    const org = await createOrganisation(app);
    const person = await createPerson(app);
    const { token } = await invite(org, person.email, 'viewer');
    const response = await person.client.post(`/api/invitations/${token}/accept`, {});
    expect(response.status).toBe(200);
    expect(response.body.organisation).toMatchObject({ id: org.id, role: 'viewer', name: expect.any(String) });
    expect((await person.client.get(`/api/orgs/${org.id}/members`)).status).toBe(200);
  });

  it('refuses someone signed in with another address, and an existing account that is not signed in', async () => {
    const org = await createOrganisation(app);
    const invited = await createPerson(app);
    const other = await createPerson(app, { locale: 'en' });
    const { token } = await invite(org, invited.email);
    const before = await membershipsOf(org);

    const mismatch = await other.client.post(`/api/invitations/${token}/accept`, {});
    expect(mismatch.status).toBe(403);
    expect(mismatch.body).toMatchObject({
      code: 'invitation_email_mismatch',
      detail: 'This invitation was sent to another e-mail address. Sign in with that address to accept it.',
    });
    const anonymous = await new TestClient(app.http).post(`/api/invitations/${token}/accept`, {
      name: 'Kaper',
      password: 'een-sterk-wachtwoord',
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('invitation_sign_in_required');
    expect(await membershipsOf(org)).toBe(before);
    expect((await invited.client.post(`/api/invitations/${token}/accept`, {})).status).toBe(200);
  });

  it('keeps only the newest link working when someone is invited twice', async () => {
    const org = await createOrganisation(app);
    const email = newAddress();
    const first = await invite(org, email);
    const second = await invite(org, email);
    expect((await new TestClient(app.http).get(`/api/invitations/${first.token}`)).status).toBe(404);
    expect((await new TestClient(app.http).get(`/api/invitations/${second.token}`)).status).toBe(200);
    const listed = await org.owner.client.get(`/api/orgs/${org.id}/invitations`);
    const statuses = listed.body.invitations.map((i: { id: string; status: string }) => [i.id, i.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [first.invitation.id, 'revoked'],
        [second.invitation.id, 'pending'],
      ]),
    );
  });

  it('refuses a revoked link and an expired one', async () => {
    const org = await createOrganisation(app);
    const revoked = await invite(org, newAddress());
    const response = await org.owner.client.delete(`/api/orgs/${org.id}/invitations/${revoked.invitation.id}`);
    expect(response.status).toBe(204);
    expect((await org.owner.client.delete(`/api/orgs/${org.id}/invitations/${revoked.invitation.id}`)).status).toBe(
      404,
    );
    const body = { name: 'Nieuw', password: 'een-sterk-wachtwoord' };
    expect((await new TestClient(app.http).get(`/api/invitations/${revoked.token}`)).status).toBe(404);
    expect((await new TestClient(app.http).post(`/api/invitations/${revoked.token}/accept`, body)).status).toBe(404);

    const expiring = await invite(org, newAddress());
    app.clock.advance(7 * 86_400_000);
    const late = await new TestClient(app.http).post(`/api/invitations/${expiring.token}/accept`, body);
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('invitation_invalid');
    await org.owner.client.signIn(org.owner.email, org.owner.password);
    const listed = await org.owner.client.get(`/api/orgs/${org.id}/invitations`);
    const statuses = Object.fromEntries(
      listed.body.invitations.map((i: { id: string; status: string }) => [i.id, i.status]),
    );
    expect(statuses).toEqual({ [revoked.invitation.id]: 'revoked', [expiring.invitation.id]: 'expired' });
    expect(await membershipsOf(org)).toBe(1);
  });

  it('refuses to invite a member (409), and an invitation accepted by someone who became a member meanwhile', async () => {
    const org = await createOrganisation(app);
    const member = await addMember(app, org, 'viewer');
    const response = await org.owner.client.post(`/api/orgs/${org.id}/invitations`, {
      email: member.email,
      role: 'owner',
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('already_member');

    const person = await createPerson(app);
    const pending = await invite(org, person.email, 'owner');
    await inTransaction(app.ctx.db, (tx) =>
      organisations.addMember(
        app.ctx,
        tx,
        { orgId: org.id, userId: person.id, role: 'viewer' },
        { type: 'system', id: 'test' },
      ),
    );
    const twice = await person.client.post(`/api/invitations/${pending.token}/accept`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_member');
    const [row] = await app.ctx.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, person.id)));
    expect(row?.role).toBe('viewer');
    const [pendingRow] = await app.ctx.db.select().from(invitations).where(eq(invitations.id, pending.invitation.id));
    expect(pendingRow?.acceptedAt).toBeNull();
  });

  it('is managed by owners only', async () => {
    const org = await createOrganisation(app);
    const officer = await addMember(app, org, 'privacy_officer');
    const mails = await rowCount(app, mailMessages);
    const response = await officer.client.post(`/api/orgs/${org.id}/invitations`, {
      email: newAddress(),
      role: 'viewer',
    });
    expect(response.status).toBe(403);
    expect((await officer.client.get(`/api/orgs/${org.id}/invitations`)).status).toBe(403);
    expect(await rowCount(app, mailMessages)).toBe(mails);
  });
});
