import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { auditEntriesSince, auditHead, rowCount } from '../../../test/db.ts';
import { addMember, createOrganisation, createPerson, enrolTotp, TEST_PASSWORD } from '../../../test/factories.ts';
import { users } from '../identity/tables.ts';
import { memberships, organisations } from './tables.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function orgRow(id: string) {
  const [row] = await app.ctx.db.select().from(organisations).where(eq(organisations.id, id));
  return row as typeof organisations.$inferSelect;
}

const setupBody = {
  user: { name: 'Eerste Eigenaar', email: 'Eigenaar@Bakkerij.nl', password: 'een-sterk-wachtwoord' },
  organisation: { name: 'Bakkerij Één', kvkNumber: '12345678', postcode: '3811ab', city: 'Amersfoort' },
};

describe('first-start setup (runs first: it needs an installation without accounts)', () => {
  it('is due on a fresh installation, and refuses bad input without writing anything', async () => {
    const client = new TestClient(app.http, { locale: 'en' });
    expect((await client.get('/api/auth/session')).body).toMatchObject({ user: null, needsSetup: true });
    const bad = await client.post('/api/setup', { ...setupBody, user: { ...setupBody.user, password: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'user.password', code: 'password_too_short', message: 'The password needs at least 12 characters.' },
    ]);
    expect(await rowCount(app, users)).toBe(0);
    expect(await rowCount(app, organisations)).toBe(0);
  });

  it('creates the first owner and organisation, signed in; a second setup is refused', async () => {
    const client = new TestClient(app.http);
    const response = await client.post('/api/setup', setupBody);
    expect(response.status).toBe(201);
    expect(String(response.headers['set-cookie'])).toContain('pd_session=');
    const session = await client.get('/api/auth/session');
    expect(session.body).toMatchObject({ user: { email: 'eigenaar@bakkerij.nl' }, needsSetup: false });
    const mine = await client.get('/api/orgs');
    expect(mine.body.organisations).toEqual([
      expect.objectContaining({ name: 'Bakkerij Één', slug: 'bakkerij-een', role: 'owner' }),
    ]);
    const org = await orgRow(mine.body.organisations[0].id);
    expect(org).toMatchObject({ kvkNumber: '12345678', postcode: '3811 AB', country: 'NL', isController: true });

    const again = await new TestClient(app.http).post('/api/setup', {
      ...setupBody,
      user: { ...setupBody.user, email: 'ander@example.nl' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('setup_done');
    expect(await rowCount(app, users)).toBe(1);
    expect((await new TestClient(app.http).get('/api/auth/session')).body.needsSetup).toBe(false);
  });
});

describe('organisations', () => {
  it('creates one with me as owner, readable by id and by slug', async () => {
    const person = await createPerson(app);
    const before = await rowCount(app, organisations);
    const response = await person.client.post('/api/orgs', {
      name: 'Schildersbedrijf De Kwast',
      kvkNumber: '01234567',
      street: 'Kerkstraat 1',
      postcode: '1234 ab',
      city: 'Utrecht',
      isProcessor: true,
      privacyContact: { kind: 'privacy_officer', name: 'Piet Kwast', email: 'PIET@dekwast.nl' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      slug: 'schildersbedrijf-de-kwast',
      kvkNumber: '01234567',
      postcode: '1234 AB',
      country: 'NL',
      defaultLocale: 'nl',
      isController: true,
      isProcessor: true,
      requireMfa: false,
      managedBy: null,
      privacyContact: {
        kind: 'privacy_officer',
        name: 'Piet Kwast',
        email: 'piet@dekwast.nl',
        phone: null,
        isExternal: false,
        organisation: null,
      },
    });
    expect(await rowCount(app, organisations)).toBe(before + 1);
    const byId = await person.client.get(`/api/orgs/${response.body.id}`);
    const bySlug = await person.client.get('/api/orgs/Schildersbedrijf-De-Kwast');
    expect(byId.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
    const [membership] = await app.ctx.db.select().from(memberships).where(eq(memberships.orgId, response.body.id));
    expect(membership).toMatchObject({ userId: person.id, role: 'owner' });
  });

  it('gives a taken name the next free slug, and refuses a taken slug', async () => {
    const person = await createPerson(app);
    const first = await person.client.post('/api/orgs', { name: 'Dubbele Naam' });
    const second = await person.client.post('/api/orgs', { name: 'Dubbele Naam' });
    expect([first.body.slug, second.body.slug]).toEqual(['dubbele-naam', 'dubbele-naam-2']);
    const taken = await person.client.post('/api/orgs', { name: 'Iets Anders', slug: 'dubbele-naam' });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual([{ path: 'slug', code: 'slug_taken', message: expect.any(String) }]);
  });

  it('updates details and the privacy contact, recording which fields changed', async () => {
    const org = await createOrganisation(app);
    const before = await auditHead(app, org.id);
    const response = await org.owner.client.patch(`/api/orgs/${org.id}`, {
      name: 'Nieuwe Naam B.V.',
      city: 'Zwolle',
      privacyContact: {
        kind: 'dpo',
        name: 'Externe FG',
        email: 'fg@privacybureau.nl',
        isExternal: true,
        organisation: 'Privacybureau',
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Nieuwe Naam B.V.', city: 'Zwolle', slug: org.slug });
    expect(await orgRow(org.id)).toMatchObject({
      name: 'Nieuwe Naam B.V.',
      privacyContactKind: 'dpo',
      privacyContactIsExternal: true,
      privacyContactOrganisation: 'Privacybureau',
    });
    const [entry] = await auditEntriesSince(app, org.id, before.seq);
    expect(entry).toMatchObject({
      action: 'organisation.updated',
      actorId: org.owner.id,
      targetId: org.id,
      data: { fields: ['city', 'name', 'privacyContact'] },
    });

    const cleared = await org.owner.client.patch(`/api/orgs/${org.id}`, { privacyContact: null });
    expect(cleared.body.privacyContact).toBeNull();
    expect(await orgRow(org.id)).toMatchObject({ privacyContactName: null, privacyContactEmail: null });
  });

  it('stores an updated Dutch postcode in the same form as a new one', async () => {
    const org = await createOrganisation(app);
    const response = await org.owner.client.patch(`/api/orgs/${org.id}`, { postcode: '9999zz' });
    expect(response.status).toBe(200);
    expect(response.body.postcode).toBe('9999 ZZ');
    expect((await orgRow(org.id)).postcode).toBe('9999 ZZ');
  });

  it('checks the whole organisation after a partial update', async () => {
    const org = await createOrganisation(app, { input: { country: 'DE', postcode: '10115' } });
    const response = await org.owner.client.patch(`/api/orgs/${org.id}`, { country: 'NL' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: 'postcode', code: 'postcode_format' });
    expect((await orgRow(org.id)).country).toBe('DE');
    const roles = await org.owner.client.patch(`/api/orgs/${org.id}`, { isController: false });
    expect(roles.body.errors[0]).toMatchObject({ path: 'isController', code: 'role_required' });
  });

  it('lets a privacy officer edit details but not the slug or the 2FA rule; editors edit nothing', async () => {
    const org = await createOrganisation(app);
    const officer = await addMember(app, org, 'privacy_officer');
    const editor = await addMember(app, org, 'editor');
    expect((await officer.client.patch(`/api/orgs/${org.id}`, { city: 'Delft' })).status).toBe(200);
    for (const change of [{ slug: 'nieuwe-slug' }, { requireMfa: true }, { city: 'Ede', requireMfa: false }]) {
      const refused = await officer.client.patch(`/api/orgs/${org.id}`, change);
      expect(refused.status, JSON.stringify(change)).toBe(403);
      expect(refused.body.code).toBe('role_insufficient');
    }
    const byEditor = await editor.client.patch(`/api/orgs/${org.id}`, { city: 'Ede' });
    expect(byEditor.status).toBe(403);
    expect(await orgRow(org.id)).toMatchObject({ city: 'Delft', slug: org.slug, requireMfa: false });
    const byOwner = await org.owner.client.patch(`/api/orgs/${org.id}`, { slug: 'Nieuwe-Slug' });
    expect(byOwner.body.slug).toBe('nieuwe-slug');
    expect((await org.owner.client.get('/api/orgs/nieuwe-slug')).status).toBe(200);
    expect((await org.owner.client.get(`/api/orgs/${org.slug}`)).status).toBe(404);
  });
});

describe('client organisations (ICT service providers)', () => {
  it('are created by a privacy officer or owner of the managing organisation and listed in the switcher', async () => {
    const msp = await createOrganisation(app, { input: { name: 'ICT Beheer Noord', isProcessor: true } });
    const mspBefore = await auditHead(app, msp.id);
    const response = await msp.owner.client.post('/api/orgs', { name: 'Klant Tandarts', managedByOrgId: msp.id });
    expect(response.status).toBe(201);
    expect(response.body.managedBy).toEqual({ id: msp.id, name: 'ICT Beheer Noord' });
    expect((await orgRow(response.body.id)).managedByOrgId).toBe(msp.id);

    const switcher = (await msp.owner.client.get('/api/orgs')).body.organisations;
    expect(switcher).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: msp.id, clientCount: 1, managedBy: null, role: 'owner' }),
        expect.objectContaining({
          id: response.body.id,
          clientCount: 0,
          managedBy: { id: msp.id, name: 'ICT Beheer Noord' },
        }),
      ]),
    );
    const [entry] = await auditEntriesSince(app, msp.id, mspBefore.seq);
    expect(entry).toMatchObject({ action: 'client_organisation.created', targetId: response.body.id });
  });

  it('are refused for viewers of the managing organisation and for strangers, writing nothing', async () => {
    const msp = await createOrganisation(app);
    const viewer = await addMember(app, msp, 'viewer');
    const stranger = await createPerson(app, { locale: 'en' });
    const before = await rowCount(app, organisations);
    const byViewer = await viewer.client.post('/api/orgs', { name: 'Klant', managedByOrgId: msp.id });
    expect(byViewer.status).toBe(403);
    const byStranger = await stranger.client.post('/api/orgs', { name: 'Klant', managedByOrgId: msp.id });
    expect(byStranger.status).toBe(400);
    expect(byStranger.body.errors).toEqual([
      {
        path: 'managedByOrgId',
        code: 'organisation_unknown',
        message: 'Unknown organisation, or you are not a member of it.',
      },
    ]);
    expect(await rowCount(app, organisations)).toBe(before);
  });
});

describe('an organisation that requires two-factor authentication', () => {
  it('cannot be required by an owner who does not use it, which would lock them out', async () => {
    const org = await createOrganisation(app);
    const response = await org.owner.client.patch(`/api/orgs/${org.id}`, { requireMfa: true });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('enable_own_mfa_first');
    expect((await org.owner.client.get(`/api/orgs/${org.id}`)).body.requireMfa).toBe(false);
  });

  it('refuses a short name shaped like an id, which would be read as one', async () => {
    const org = await createOrganisation(app);
    const response = await org.owner.client.patch(`/api/orgs/${org.id}`, {
      slug: '6f1d2c3b-0a9e-4d8c-b7a6-5f4e3d2c1b0a',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'slug', code: 'slug_format' })]);
  });

  it('turns members without TOTP away from its routes, but lets them enrol under /api/me', async () => {
    const owner = await createPerson(app, { withTotp: true });
    const org = await createOrganisation(app, { owner });
    const member = await addMember(app, org, 'editor');
    expect((await owner.client.patch(`/api/orgs/${org.id}`, { requireMfa: true })).status).toBe(200);

    const refused = await member.client.get(`/api/orgs/${org.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'mfa_enrolment_required' });
    expect((await member.client.get(`/api/orgs/${org.id}/members`)).status).toBe(403);
    const list = await member.client.get('/api/orgs');
    expect(list.body.organisations).toEqual([expect.objectContaining({ id: org.id, requireMfa: true })]);
    expect((await owner.client.get(`/api/orgs/${org.id}`)).status).toBe(200);

    await enrolTotp(app, member.client);
    expect((await member.client.get(`/api/orgs/${org.id}`)).status).toBe(200);
    const fresh = new TestClient(app.http);
    const signIn = await fresh.post('/api/auth/sign-in', { email: member.email, password: TEST_PASSWORD });
    expect(signIn.body.status).toBe('second_factor_required');
  });
});
