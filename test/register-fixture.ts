import type { TestClient } from './client.ts';

/**
 * A small but complete register built through the API, as a person would: vendors (one a sub-processor, one in the
 * US with a safeguard), systems with dated locations, a controller and a processor activity. Names include the
 * characters the cell format must escape (`;`, `|`).
 */
export interface RegisterFixture {
  vendorIds: Record<'mail' | 'cloud' | 'backup', string>;
  systemIds: Record<'mailbox' | 'crm', string>;
  activityIds: Record<'customers' | 'hosting', string>;
}

async function created(response: Promise<{ status: number; body: any }>, what: string): Promise<string> {
  const { status, body } = await response;
  if (status !== 201) throw new Error(`creating ${what} failed: ${status} ${JSON.stringify(body)}`);
  return body.id as string;
}

async function categoryIds(client: TestClient, org: string) {
  const data = await client.get(`/api/orgs/${org}/data-categories?limit=500`);
  const subjects = await client.get(`/api/orgs/${org}/subject-categories?limit=500`);
  const byKey = (page: { items: { key: string; id: string }[] }) =>
    Object.fromEntries(page.items.map((item) => [item.key, item.id])) as Record<string, string>;
  return { data: byKey(data.body), subjects: byKey(subjects.body) };
}

export async function buildRegister(client: TestClient, org: string): Promise<RegisterFixture> {
  const categories = await categoryIds(client, org);
  const post = (path: string, body: unknown) => client.post(`/api/orgs/${org}/${path}`, body);
  const mail = await created(
    post('vendors', {
      name: 'Mailhuis B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'E-mail | agenda',
      hasMfa: true,
      certifications: [{ name: 'ISO 27001', reference: 'C-123', validUntil: '2027-03-31' }],
    }),
    'vendor',
  );
  const cloud = await created(
    post('vendors', {
      name: 'Cloudreus Inc.',
      kind: 'processor',
      country: 'US',
      transferSafeguard: 'scc',
      safeguardDetails: 'SCC module 2 (2021)',
      transferImpactAssessment: { assessedOn: '2021-10-01', reference: 'TIA Cloudreus, map Contracten' },
      isDpfCertified: true,
      dpfCertifiedSince: '2024-03-01',
      isDpfHrInScope: true,
      contactEmail: 'privacy@cloudreus.example',
    }),
    'vendor',
  );
  const backup = await created(
    post('vendors', { name: 'Backupper GmbH', kind: 'sub_processor', country: 'DE', parentVendorId: mail }),
    'vendor',
  );
  const mailbox = await created(
    post('systems', {
      name: 'Mailbox',
      kind: 'mailbox',
      vendorId: mail,
      isMfaEnforced: true,
      dataCategoryIds: [categories.data['contact-details'], categories.data.communication],
      locations: [
        { role: 'primary', country: 'NL', region: 'Amsterdam', since: '2018-01-01' },
        { role: 'backup', country: 'DE', region: 'Frankfurt', since: '2019-05-01', providerVendorId: backup },
      ],
    }),
    'system',
  );
  const crm = await created(
    post('systems', {
      name: 'CRM; klanten',
      kind: 'crm',
      vendorId: cloud,
      description: 'Klantkaart | orders',
      dataCategoryIds: [categories.data['contact-details'], categories.data.financial],
      locations: [
        {
          role: 'primary',
          country: 'US',
          region: 'Virginia',
          since: '2020-01-01',
          transferSafeguard: 'scc',
          transferImpactAssessment: { assessedOn: '2021-10-01', reference: 'TIA Cloudreus 2021' },
        },
      ],
    }),
    'system',
  );
  const customers = await created(
    post('activities', {
      name: 'Klantadministratie',
      role: 'controller',
      status: 'active',
      description: 'Bestellingen en facturen van klanten',
      purposes: ['Klanten bedienen', 'Facturen; aanmaningen'],
      legalBasis: 'b',
      legalBasisJustification: 'Nodig om de koopovereenkomst uit te voeren',
      subjectCategoryIds: [categories.subjects.customers],
      dataCategoryIds: [categories.data['contact-details'], categories.data.financial],
      systemIds: [mailbox, crm],
      recipientVendorIds: [cloud],
      recipientCategories: 'Accountant',
      jointControllers: [
        {
          name: 'Coöperatie Zuivel | Noord',
          contact: 'privacy@zuivelnoord.example',
          arrangement: 'Wij informeren de klanten; de coöperatie behandelt verzoeken',
        },
      ],
      transfers: [{ country: 'CH', recipient: 'Zwitserse bank', safeguardDetails: 'adequaat' }],
      retention: {
        kind: 'period',
        amount: 7,
        unit: 'years',
        startEvent: 'einde boekjaar',
        reference: 'art. 52 AWR',
      },
      securityMeasures: 'Tweestapsverificatie, versleutelde back-ups',
      isDpiaRequired: false,
      reviewDate: '2027-06-01',
    }),
    'activity',
  );
  const hosting = await created(
    post('activities', {
      name: 'Hosting voor klanten',
      role: 'processor',
      status: 'active',
      controllers: [{ kind: 'external', name: 'Boerderij Het Klaverblad', contact: 'info@klaverblad.example' }],
      processingCategories: 'Hosting en back-ups van de webshop',
      subjectCategoryIds: [categories.subjects['client-staff']],
      dataCategoryIds: [categories.data['contact-details']],
      systemIds: [mailbox],
      securityMeasures: 'Versleuteling in rust',
    }),
    'activity',
  );
  return {
    vendorIds: { mail, cloud, backup },
    systemIds: { mailbox, crm },
    activityIds: { customers, hosting },
  };
}
