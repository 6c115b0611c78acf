import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEntriesSince, auditHead } from '../../../test/db.ts';
import { createOrganisation, type TestOrganisation } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { categoryIds, insertSystem, insertVendor } from '../../../test/register-factories.ts';

let app: TestApp;
let org: TestOrganisation;
let ids: Awaited<ReturnType<typeof categoryIds>>;
let helpdesk: string;

const api = (path: string) => `/api/orgs/${org.slug}${path}`;
const transferItems = async (activityId: string) => {
  const check = await org.owner.client.get(api(`/activities/${activityId}/completeness`));
  return check.body.items
    .filter((item: { itemId: string }) => item.itemId === '30.1.e')
    .map((item: { status: string; code: string; message: string }) => [item.status, item.code, item.message]);
};

beforeAll(async () => {
  app = await createTestApp();
  org = await createOrganisation(app);
  ids = await categoryIds(app, org.id);
  // A Dutch helpdesk vendor → its Irish sub-processor → a US sub-sub-processor without DPF or safeguard.
  const dutch = await insertVendor(app, org.id, { name: 'Meldpunt B.V.', country: 'NL' });
  const irish = await insertVendor(app, org.id, {
    name: 'Support Cloud Ltd.',
    country: 'IE',
    kind: 'sub_processor',
    parentVendorId: dutch,
  });
  await insertVendor(app, org.id, {
    name: 'Ticket Analytics Inc.',
    country: 'US',
    kind: 'sub_processor',
    parentVendorId: irish,
  });
  const ticketing = await insertSystem(app, org.id, {
    name: 'Ticketsysteem',
    vendorId: dutch,
    locations: [{ country: 'NL' }],
  });
  const created = await org.owner.client.post(api('/activities'), {
    name: 'Helpdesk',
    subjectCategoryIds: [ids.subject('client-contacts')],
    systemIds: [ticketing],
  });
  helpdesk = created.body.id;
});
afterAll(async () => {
  await app?.close();
});

describe('onward transfers (Art. 44)', () => {
  it('fire on the activity through a Dutch processor’s sub-processor chain, at any depth', async () => {
    expect(await transferItems(helpdesk)).toEqual([
      [
        'missing',
        'transfer_safeguard_missing',
        "Doorgifte naar Verenigde Staten (Ticket Analytics Inc. (subverwerker van Support Cloud Ltd.)) bij 'Helpdesk' heeft geen passende waarborg (art. 46): leg bijvoorbeeld SCC's met een doorgiftetoetsing (TIA) vast",
      ],
    ]);
    const activity = await org.owner.client.get(api(`/activities/${helpdesk}`));
    expect(activity.body.completeness.isComplete).toBe(false);
    expect(
      activity.body.onwardTransfers.map((onward: any) => [
        onward.vendor.name,
        onward.via.name,
        onward.transfer.verdict,
      ]),
    ).toEqual([
      ['Support Cloud Ltd.', 'Meldpunt B.V.', 'eea'],
      ['Ticket Analytics Inc.', 'Support Cloud Ltd.', 'safeguard_missing'],
    ]);
  });

  it('appear in the PDF’s (e) with the vendor that engages them', async () => {
    const response = await org.owner.client.get(api('/register/export?format=pdf&locale=nl'));
    expect(response.status).toBe(200);
    const text = pdfText(response.raw).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Verenigde Staten (US) — Ticket Analytics Inc. (subverwerker van Support Cloud Ltd.): geen waarborg vastgelegd',
    );
  });

  it('show on the transfer overview with the vendor they are reached through', async () => {
    const overview = await org.owner.client.get(api('/register/transfers'));
    expect(overview.body.transfers).toEqual([
      expect.objectContaining({
        label: 'Ticket Analytics Inc. (subverwerker van Support Cloud Ltd.)',
        via: expect.objectContaining({ name: 'Support Cloud Ltd.' }),
        transfer: expect.objectContaining({ needsSafeguard: true, verdict: 'safeguard_missing' }),
      }),
    ]);
  });
});

describe('a vendor outside the EEA that no activity uses', () => {
  it('is a finding on the register overview until an activity links it', async () => {
    const phishing = await insertVendor(app, org.id, { name: 'PhishDrill Labs LLC', country: 'US' });
    const register = await org.owner.client.get(api('/register/completeness'));
    expect(
      register.body.organisation.filter((item: { code: string }) => item.code === 'vendor_outside_eea_unlinked'),
    ).toEqual([
      expect.objectContaining({
        itemId: '30.1.e',
        status: 'warning',
        params: { vendor: 'PhishDrill Labs LLC', country: 'US' },
      }),
    ]);
    const training = await org.owner.client.post(api('/activities'), {
      name: 'Phishingsimulatie',
      subjectCategoryIds: [ids.subject('staff')],
      recipientVendorIds: [phishing],
    });
    expect(training.status).toBe(201);
    const after = await org.owner.client.get(api('/register/completeness'));
    expect(after.body.organisation.map((item: { code: string }) => item.code)).not.toContain(
      'vendor_outside_eea_unlinked',
    );
    expect(await transferItems(training.body.id)).toEqual([
      [
        'missing',
        'transfer_safeguard_missing',
        "Doorgifte naar Verenigde Staten (PhishDrill Labs LLC) bij 'Phishingsimulatie' heeft geen passende waarborg (art. 46): leg bijvoorbeeld SCC's met een doorgiftetoetsing (TIA) vast",
      ],
    ]);
  });
});

describe('the scope question of the Canadian, Israeli and South Korean decisions', () => {
  let shipping: string;

  beforeAll(async () => {
    const created = await org.owner.client.post(api('/activities'), {
      name: 'Verzending Canada',
      transfers: [{ country: 'CA', recipient: 'Maple Logistics Inc.' }],
    });
    shipping = created.body.id;
  });

  it('is a warning until answered, once per country, and audited', async () => {
    expect(await transferItems(shipping)).toEqual([
      [
        'warning',
        'transfer_scope_unconfirmed',
        "Het adequaatheidsbesluit voor Canada geldt maar voor een deel van de ontvangers (Verzending Canada → ontvanger Maple Logistics Inc. bij 'Verzending Canada'): beantwoord op de pagina Doorgiften of de ontvangers daaronder vallen",
      ],
    ]);
    const overview = await org.owner.client.get(api('/register/transfers'));
    expect(overview.body.scopeQuestions).toEqual([
      { country: 'CA', scope: expect.objectContaining({ en: expect.stringMatching(/PIPEDA/) }), answer: null },
    ]);

    const before = await auditHead(app, org.id);
    const answered = await org.owner.client.put(api('/register/transfer-scopes/CA'), {
      isWithinScope: true,
      note: 'Commercieel bedrijf, valt onder PIPEDA',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toMatchObject({ isWithinScope: true, note: 'Commercieel bedrijf, valt onder PIPEDA' });
    expect(await auditEntriesSince(app, org.id, before.seq)).toEqual([
      expect.objectContaining({ action: 'transfer_scope.answered', targetId: 'CA', data: { isWithinScope: true } }),
    ]);
    expect(await transferItems(shipping)).toEqual([
      ['complete', 'transfers_covered', "Alle 1 doorgiften buiten de EER van 'Verzending Canada' zijn gedekt"],
    ]);

    await org.owner.client.put(api('/register/transfer-scopes/CA'), { isWithinScope: false });
    expect((await transferItems(shipping))[0]?.slice(0, 2)).toEqual(['missing', 'transfer_safeguard_missing']);
  });

  it('refuses a country without a scope question, and an answer without its value, changing nothing', async () => {
    const refused = await org.owner.client.put(api('/register/transfer-scopes/JP'), { isWithinScope: true });
    expect(refused.status).toBe(400);
    const missing = await org.owner.client.put(api('/register/transfer-scopes/IL'), {});
    expect(missing.status).toBe(400);
    const overview = await org.owner.client.get(api('/register/transfers'));
    expect(overview.body.scopeQuestions.map((question: { country: string }) => question.country)).toEqual(['CA']);
  });
});
