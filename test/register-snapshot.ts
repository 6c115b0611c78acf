import type { RegisterSnapshot } from '../src/modules/register-io/snapshot.ts';

/**
 * A small register as the modules would present it, for unit tests of the export formats (no database). The
 * integration tests build their registers through the API instead.
 */
const ids = {
  org: '00000000-0000-4000-8000-000000000001',
  contact: '00000000-0000-4000-8000-0000000000c1',
  financial: '00000000-0000-4000-8000-0000000000c2',
  health: '00000000-0000-4000-8000-0000000000c3',
  customers: '00000000-0000-4000-8000-0000000000d1',
  employees: '00000000-0000-4000-8000-0000000000d2',
  mailVendor: '00000000-0000-4000-8000-0000000000e1',
  usVendor: '00000000-0000-4000-8000-0000000000e2',
  mail: '00000000-0000-4000-8000-0000000000f1',
  location: '00000000-0000-4000-8000-0000000000f2',
  backup: '00000000-0000-4000-8000-0000000000f3',
  invoicing: '00000000-0000-4000-8000-0000000000a1',
  hosting: '00000000-0000-4000-8000-0000000000a2',
  transfer: '00000000-0000-4000-8000-0000000000a3',
  controller: '00000000-0000-4000-8000-0000000000a4',
};
const stamp = '2026-11-01T10:00:00.000Z';
const eea = { status: 'eea' as const, needsSafeguard: false, adequacyScope: null, verdict: 'eea' as const };
const adequate = {
  status: 'adequate' as const,
  needsSafeguard: false,
  adequacyScope: null,
  verdict: 'adequate' as const,
};
const usNeedsSafeguard = {
  status: 'safeguard-required' as const,
  needsSafeguard: true,
  adequacyScope: null,
  verdict: 'safeguard_missing' as const,
};

const category = (id: string, key: string, nameNl: string, nameEn: string, isSpecial = false) => ({
  id,
  key,
  nameNl,
  nameEn,
  description: '',
  isSpecial,
  isCriminal: false,
  isNationalId: false,
  isFinancial: key === 'financial',
  isCredentials: false,
  isCommunicationContent: false,
  isArchived: false,
});

const retention = { kind: null, amount: null, unit: null, startEvent: '', reference: '', presetId: null };

export function sampleSnapshot(): RegisterSnapshot {
  return {
    exportedAt: new Date('2026-11-23T09:00:00Z'),
    exportDate: '2026-11-23',
    organisation: {
      id: ids.org,
      slug: 'bakkerij-korenschoof',
      name: 'Bakkerij De Korenschoof B.V.',
      kvkNumber: '12345678',
      street: 'Molenstraat 4',
      postcode: '3811 AB',
      city: 'Amersfoort',
      country: 'NL',
      isController: true,
      isProcessor: true,
      privacyContact: {
        kind: 'privacy_officer',
        name: 'Petra Privacy',
        email: 'privacy@korenschoof.example',
        phone: null,
        isExternal: false,
        organisation: null,
      },
    },
    dataCategories: [
      category(ids.contact, 'contact-details', 'Contactgegevens', 'Contact details'),
      category(ids.financial, 'financial', 'Financiële gegevens', 'Financial data'),
      category(ids.health, 'health', 'Gezondheid; allergieën', 'Health; allergies', true),
    ],
    subjectCategories: [
      {
        id: ids.customers,
        key: 'customers',
        nameNl: 'Klanten',
        nameEn: 'Customers',
        description: '',
        isVulnerable: false,
        isArchived: false,
      },
      {
        id: ids.employees,
        key: 'employees',
        nameNl: 'Medewerkers',
        nameEn: 'Employees',
        description: '',
        isVulnerable: false,
        isArchived: false,
      },
    ],
    vendors: [
      vendor(ids.mailVendor, 'Mailhuis B.V.', 'NL', eea, [
        { name: 'ISO 27001', reference: 'C-1', validUntil: '2027-03-31' },
      ]),
      vendor(ids.usVendor, 'Cloudreus Inc.', 'US', usNeedsSafeguard, []),
    ],
    systems: [
      {
        id: ids.mail,
        name: 'Mailbox',
        kind: 'mailbox',
        vendor: { id: ids.mailVendor, name: 'Mailhuis B.V.' },
        owner: null,
        description: 'Gedeelde mailbox | info@',
        isMfaEnforced: true,
        isEncryptedAtRest: null,
        status: 'active',
        dataCategoryIds: [ids.contact, ids.health],
        locations: [
          location(ids.location, 'primary', 'NL', 'Amsterdam', '2018-01-01', null),
          location(ids.backup, 'offsite_backup', 'US', 'Virginia', '2020-01-01', null),
        ],
        usage: { activities: 1 },
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    activities: [
      activity(ids.invoicing, 'Facturatie', 'controller'),
      activity(ids.hosting, 'Hosting voor klanten', 'processor'),
    ],
    completeness: {
      organisation: [],
      activities: [
        {
          activity: { id: ids.invoicing, name: 'Facturatie', role: 'controller', status: 'active' },
          items: [
            {
              itemId: '30.1.g',
              article: '30(1)(g)',
              status: 'missing',
              basis: 'art30',
              label: 'Beveiligingsmaatregelen',
              code: 'security_missing',
              params: {},
              message: 'Beschrijf de beveiligingsmaatregelen.',
            },
          ],
          summary: { isComplete: false, missing: 1, warnings: 0 },
        },
      ],
      summary: { isComplete: false, activities: 2, completeActivities: 1, missing: 1, warnings: 0 },
    },
  };
}

function vendor(
  id: string,
  name: string,
  country: string,
  transfer: RegisterSnapshot['vendors'][number]['transfer'],
  certifications: { name: string; reference: string; validUntil: string | null }[],
): RegisterSnapshot['vendors'][number] {
  return {
    id,
    name,
    kind: 'processor',
    parentVendor: null,
    services: 'E-mail en opslag',
    country,
    website: null,
    contactEmail: null,
    isDpfCertified: false,
    dpfCertifiedSince: null,
    isDpfHrInScope: false,
    transferSafeguard: null,
    safeguardDetails: '',
    transferImpactAssessment: null,
    hasMfa: true,
    canAccessClientInfrastructure: false,
    clientAccessDescription: '',
    status: 'active',
    retiredOn: null,
    notes: '',
    certifications: certifications.map((item, index) => ({
      id: `${id.slice(0, -1)}${index}`,
      ...item,
      isExpired: false,
    })),
    transfer,
    usage: { systems: 1, activities: 1, locations: 0, subProcessors: 0 },
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function location(
  id: string,
  role: 'primary' | 'offsite_backup',
  country: string,
  region: string,
  since: string,
  until: string | null,
) {
  return {
    id,
    system: { id: ids.mail, name: 'Mailbox' },
    role,
    country,
    region,
    providerVendor: country === 'US' ? { id: ids.usVendor, name: 'Cloudreus Inc.' } : null,
    since,
    until,
    transferSafeguard: country === 'US' ? ('scc' as const) : null,
    safeguardDetails: country === 'US' ? 'SCC module 3, 2021' : '',
    transferImpactAssessment: country === 'US' ? { assessedOn: '2021-09-01', reference: 'TIA Cloudreus 2021' } : null,
    rotationDays: null,
    notes: '',
    transfer: country === 'US' ? usNeedsSafeguard : eea,
  };
}

function activity(id: string, name: string, role: 'controller' | 'processor'): RegisterSnapshot['activities'][number] {
  return {
    id,
    name,
    description: role === 'controller' ? 'Facturen maken en versturen' : '',
    role,
    controllers:
      role === 'processor'
        ? [
            {
              id: ids.controller,
              kind: 'external',
              organisation: null,
              name: 'Klant Zuivel B.V.',
              contact: 'info@zuivel.example',
            },
          ]
        : [],
    jointControllers: [],
    processingCategories: role === 'processor' ? 'Hosting en beheer van de webshop' : '',
    purposes: role === 'controller' ? ['Facturen versturen', 'Wettelijke bewaarplicht; fiscus'] : [],
    legalBasis: role === 'controller' ? 'c' : null,
    legalBasisJustification: '',
    specialCategoryGround: null,
    criminalDataGround: '',
    subjectCategories: [{ id: ids.customers, name: 'Klanten' }],
    dataCategories: [
      { id: ids.contact, name: 'Contactgegevens' },
      { id: ids.financial, name: 'Financiële gegevens' },
    ],
    systems: [{ id: ids.mail, name: 'Mailbox' }],
    recipients: [{ id: ids.usVendor, name: 'Cloudreus Inc.' }],
    systemVendors: [],
    hasNoRecipients: false,
    recipientCategories: 'Accountant',
    transfers:
      role === 'controller'
        ? [
            {
              id: ids.transfer,
              country: 'CH',
              recipient: 'Zwitserse bank',
              safeguard: null,
              safeguardDetails: '',
              transferImpactAssessment: null,
              transfer: adequate,
            },
          ]
        : [],
    onwardTransfers: [],
    retention:
      role === 'controller'
        ? {
            ...retention,
            kind: 'period',
            amount: 7,
            unit: 'years',
            startEvent: 'einde boekjaar',
            reference: 'art. 52 AWR',
          }
        : retention,
    securityMeasures: role === 'processor' ? 'Versleuteling, 2FA' : '',
    isDpiaRequired: false,
    dpiaReason: '',
    owner: null,
    reviewDate: '2027-06-01',
    status: 'active',
    completeness: { isComplete: role === 'processor', missing: role === 'processor' ? 0 : 1, warnings: 0 },
    createdAt: stamp,
    updatedAt: stamp,
  };
}
