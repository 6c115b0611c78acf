import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { addMember, createOrganisation, type TestOrganisation, type TestPerson } from '../../../test/factories.ts';
import { auditSeq, auditSince, categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';
import { INSTANCE_CHAIN, recordAudit } from '../../platform/audit/writer.ts';
import { inTransaction } from '../../platform/db/transaction.ts';

let app: TestApp;
let org: TestOrganisation;
let editor: TestPerson;
let ids: Awaited<ReturnType<typeof categoryIds>>;
let crm: string;
let exact: string;

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app, { input: { name: 'Leesbaar B.V.' } });
  editor = await addMember(app, org, 'editor');
  ids = await categoryIds(app, org.id);
  exact = await insertVendor(app, org.id, { name: 'Exact', country: 'NL' });
  crm = await insertSystem(app, org.id, { name: 'CRM', kind: 'crm' });
});
afterAll(async () => {
  await app?.close();
});

const api = (path: string) => `/api/orgs/${org.id}${path}`;

/** What the activity form sends on every save: all its fields, changed or not. */
const activityForm = () => ({
  name: 'Salarisadministratie',
  description: 'Loon betalen aan medewerkers.',
  role: 'controller',
  purposes: ['Loon betalen', 'Loonaangifte doen'],
  legalBasis: 'c',
  legalBasisJustification: 'Wet op de loonbelasting.',
  subjectCategoryIds: [ids.subject('staff')],
  dataCategoryIds: [ids.data('contact-details'), ids.data('financial')],
  systemIds: [crm],
  recipientVendorIds: [exact],
  hasNoRecipients: false,
  transfers: [{ country: 'US', recipient: 'Payroll Inc.', safeguard: 'scc', safeguardDetails: '' }],
  retention: { kind: 'period', amount: 7, unit: 'years', startEvent: 'end-of-fiscal-year', reference: 'AWR' },
  securityMeasures: 'Tweestapsverificatie.',
  ownerUserId: null,
  reviewDate: null,
  status: 'draft',
});

async function lastEntries(afterSeq: number) {
  return (await auditSince(app, org.id, afterSeq)).map((entry) => ({
    action: entry.action,
    targetName: entry.targetName,
    data: entry.data,
  }));
}

describe('an "updated" entry', () => {
  it('names only what changed when the whole activity form is saved with an owner and a review date', async () => {
    const created = await editor.client.post(api('/activities'), activityForm());
    expect(created.status).toBe(201);
    const before = await auditSeq(app, org.id);
    const form = {
      ...activityForm(),
      // The same links in another order, as a form may send them: not a change.
      dataCategoryIds: [ids.data('financial'), ids.data('contact-details')],
      ownerUserId: editor.id,
      reviewDate: '2027-06-01',
    };
    expect((await editor.client.patch(api(`/activities/${created.body.id}`), form)).status).toBe(200);
    expect(await lastEntries(before)).toEqual([
      {
        action: 'activity.updated',
        targetName: 'Salarisadministratie',
        data: { fields: ['ownerUserId', 'reviewDate'] },
      },
    ]);
  });

  it('is not written when a form is saved without changes (nothing changed, nothing to record)', async () => {
    const activity = (await editor.client.get(api('/activities'))).body.items[0];
    const before = await auditSeq(app, org.id);
    const form = { ...activityForm(), ownerUserId: editor.id, reviewDate: '2027-06-01' };
    const saved = await editor.client.patch(api(`/activities/${activity.id}`), form);
    expect(saved.status).toBe(200);
    expect(saved.body.updatedAt).toBe(activity.updatedAt);
    expect(await auditSeq(app, org.id)).toBe(before);
  });

  it('names the retention once, and a status change with its direction', async () => {
    const activity = (await editor.client.get(api('/activities'))).body.items[0];
    const before = await auditSeq(app, org.id);
    const form = {
      ...activityForm(),
      ownerUserId: editor.id,
      reviewDate: '2027-06-01',
      retention: { ...activityForm().retention, amount: 10 },
      status: 'active',
    };
    await editor.client.patch(api(`/activities/${activity.id}`), form);
    expect(await lastEntries(before)).toEqual([
      {
        action: 'activity.updated',
        targetName: 'Salarisadministratie',
        data: { fields: ['retention', 'status'], status: { from: 'draft', to: 'active' } },
      },
    ]);
  });

  it('names only what changed for systems, vendors, locations, categories and the organisation', async () => {
    const before = await auditSeq(app, org.id);
    const system = await editor.client.post(api('/systems'), {
      name: 'Exact Online',
      kind: 'administration',
      vendorId: exact,
      dataCategoryIds: [ids.data('financial')],
      locations: [{ role: 'primary', country: 'NL', since: '2019-03-01' }],
    });
    expect(system.status).toBe(201);
    const systemId = system.body.id;
    const locationId = system.body.locations[0].id;
    await editor.client.patch(api(`/systems/${systemId}`), {
      name: 'Exact Online',
      kind: 'administration',
      vendorId: exact,
      isMfaEnforced: true,
      dataCategoryIds: [ids.data('financial')],
    });
    await editor.client.patch(api(`/systems/${systemId}/locations/${locationId}`), {
      role: 'primary',
      country: 'NL',
      since: '2019-03-01',
      until: '2026-10-31',
    });
    await editor.client.patch(api(`/vendors/${exact}`), {
      name: 'Exact',
      country: 'NL',
      hasMfa: true,
      certifications: [],
    });
    const category = ids.data('financial');
    const current = (await editor.client.get(api(`/data-categories/${category}`))).body;
    await editor.client.patch(api(`/data-categories/${category}`), {
      nameNl: current.nameNl,
      nameEn: current.nameEn,
      description: 'Bankrekening en salaris.',
    });
    await org.owner.client.patch(`/api/orgs/${org.id}`, { name: 'Leesbaar B.V.', city: 'Zeist' });

    const updates = (await lastEntries(before)).filter((entry) => entry.action.endsWith('.updated'));
    expect(updates).toEqual([
      { action: 'system.updated', targetName: 'Exact Online', data: { fields: ['isMfaEnforced'] } },
      {
        action: 'location.updated',
        targetName: 'Exact Online',
        data: { systemId, fields: ['until'] },
      },
      { action: 'vendor.updated', targetName: 'Exact', data: { fields: ['hasMfa'] } },
      {
        action: 'data_category.updated',
        targetName: `${current.nameNl} / ${current.nameEn}`,
        data: { fields: ['description'] },
      },
      { action: 'organisation.updated', targetName: 'Leesbaar B.V.', data: { fields: ['city'] } },
    ]);
  });

  it('names only what changed in a person’s own profile, and nothing when it is saved unchanged', async () => {
    const before = await auditSeq(app, INSTANCE_CHAIN);
    await editor.client.patch('/api/me', { name: editor.name, locale: 'en' });
    await editor.client.patch('/api/me', { name: editor.name, locale: 'en' });
    const entries = await auditSince(app, INSTANCE_CHAIN, before);
    expect(entries.map((entry) => [entry.action, entry.data])).toEqual([
      ['user.profile_updated', { fields: ['locale'] }],
    ]);
  });
});

describe('the subject of an entry', () => {
  it('is named as it was when the entry was written, also after a rename and a deletion', async () => {
    const created = await editor.client.post(api('/activities'), { name: 'Werving' });
    await editor.client.patch(api(`/activities/${created.body.id}`), { name: 'Werving en selectie' });
    await editor.client.delete(api(`/activities/${created.body.id}`));
    const trail = await org.owner.client.get(api(`/audit?targetType=activity&targetId=${created.body.id}`));
    expect(
      trail.body.entries.map((entry: { action: string; target: { name: string } }) => [
        entry.action,
        entry.target.name,
      ]),
    ).toEqual([
      ['activity.deleted', 'Werving en selectie'],
      ['activity.updated', 'Werving en selectie'],
      ['activity.created', 'Werving'],
    ]);
  });

  it('is a person by their current name, never stored in the entry', async () => {
    const role = await org.owner.client.put(api(`/members/${editor.id}/role`), { role: 'privacy_officer' });
    expect(role.status).toBe(204);
    const [entry] = (await org.owner.client.get(api('/audit?action=member.role_changed'))).body.entries;
    expect(entry.target).toEqual({ type: 'user', id: editor.id, name: editor.name });
    const [stored] = (await auditSince(app, org.id, entry.seq - 1)).filter((row) => row.seq === entry.seq);
    expect(stored?.targetName).toBeNull();
  });

  it('is unnamed in entries written before names were kept, and the chain still verifies', async () => {
    await inTransaction(app.ctx.db, (tx) =>
      recordAudit(tx, app.clock.now(), {
        orgId: org.id,
        actor: { type: 'user', id: org.owner.id },
        action: 'system.updated',
        target: { type: 'system', id: crm },
        data: { fields: ['kind'] },
      }),
    );
    const [entry] = (await org.owner.client.get(api('/audit?limit=1'))).body.entries;
    expect(entry.target).toEqual({ type: 'system', id: crm, name: null });
    const verified = await org.owner.client.post(api('/audit/verify'));
    expect(verified.body).toMatchObject({ isIntact: true, firstBreak: null });
  });
});
