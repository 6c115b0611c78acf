/**
 * The demo organisations' registers, modelled on the two seed pages: the ICT service provider's ISO 27001 suppliers
 * with two-factor sign-in and an encrypted backup on another platform; the freelancer's backups in the Netherlands with
 * an offsite copy in Frankfurt, all in Europe since 1 January 2018, and a second administration package retired on
 * 1 February 2018. One supplier outside the EEA without a safeguard shows what a transfer warning looks like.
 * All names are fictional.
 */

export interface DemoVendor {
  name: string;
  kind: 'processor' | 'sub_processor' | 'recipient';
  country: string;
  services: string;
  hasMfa: boolean | null;
  isDpfCertified?: boolean;
  /** The day the vendor appears on the DPF list (required with `isDpfCertified`). */
  dpfCertifiedSince?: string;
  isDpfHrInScope?: boolean;
  transferSafeguard?: 'scc';
  safeguardDetails?: string;
  canAccessClientInfrastructure?: boolean;
  clientAccessDescription?: string;
  certifications: { name: string; validUntil: string }[];
  retiredOn?: string;
}

export interface DemoLocation {
  role: 'primary' | 'replica' | 'backup' | 'offsite_backup';
  country: string;
  region: string;
  since: string;
  until?: string;
}

/** Which vendor runs a template system, and where its data is kept (by the system's key in the template). */
export interface DemoSystemDetails {
  vendor: string;
  isMfaEnforced: boolean;
  isEncryptedAtRest: boolean;
  locations: DemoLocation[];
}

/**
 * The controllers of a processor activity of the template (by its Dutch name): every client organisation the
 * provider manages, and controllers outside privacydesk with their contact details (Art. 30(2)(a)).
 */
export interface DemoControllers {
  activity: string;
  hasManagedClients: boolean;
  external: { name: string; contact: string }[];
}

export interface DemoRegister {
  template: 'ict_provider' | 'freelancer' | 'webshop';
  vendors: DemoVendor[];
  systems: Record<string, DemoSystemDetails>;
  /** Vendors that receive an activity's data beyond its systems (by the template activity's Dutch name). */
  recipients?: { activity: string; vendors: string[] }[];
  controllers?: DemoControllers;
}

const ISO_27001 = (validUntil: string) => ({ name: 'ISO 27001', validUntil });

export const MSP_REGISTER: DemoRegister = {
  template: 'ict_provider',
  controllers: { activity: 'Ticketafhandeling en beheer voor klanten', hasManagedClients: true, external: [] },
  vendors: [
    {
      name: 'Klantkompas B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'CRM',
      hasMfa: true,
      certifications: [ISO_27001('2027-09-30')],
    },
    {
      name: 'Meldpunt Software B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Ticketsysteem',
      hasMfa: true,
      certifications: [ISO_27001('2027-03-31')],
    },
    {
      name: 'RemoteOps Inc.',
      kind: 'processor',
      country: 'US',
      services: 'Beheer- en monitoringplatform (RMM)',
      hasMfa: true,
      isDpfCertified: true,
      dpfCertifiedSince: '2023-09-14',
      isDpfHrInScope: true,
      canAccessClientInfrastructure: true,
      clientAccessDescription: 'Agent op werkplekken en servers van alle beheerde klanten',
      certifications: [ISO_27001('2027-01-31'), { name: 'SOC 2 Type II', validUntil: '2026-12-31' }],
    },
    {
      name: 'Sleutelborg AS',
      kind: 'processor',
      country: 'NO',
      services: 'Wachtwoordkluis',
      hasMfa: true,
      certifications: [ISO_27001('2028-02-29')],
    },
    {
      name: 'Postwolk Ltd.',
      kind: 'processor',
      country: 'IE',
      services: 'E-mail en agenda',
      hasMfa: true,
      certifications: [ISO_27001('2027-06-30')],
    },
    {
      name: 'Cijferwerk Online B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Boekhoudpakket',
      hasMfa: true,
      certifications: [ISO_27001('2026-05-31')],
    },
    {
      name: 'Loonlijn B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Salarisadministratie',
      hasMfa: true,
      certifications: [ISO_27001('2027-11-30')],
    },
    {
      name: 'Kluisdata B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Versleutelde back-up op een ander platform',
      hasMfa: true,
      certifications: [ISO_27001('2027-08-31')],
    },
    {
      name: 'PhishDrill Labs LLC',
      kind: 'processor',
      country: 'US',
      services: 'Gesimuleerde phishingaanvallen voor eigen personeel',
      hasMfa: null,
      certifications: [],
    },
  ],
  systems: {
    crm: {
      vendor: 'Klantkompas B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Amsterdam', since: '2019-03-01' }],
    },
    ticketing: {
      vendor: 'Meldpunt Software B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Groningen', since: '2020-01-15' }],
    },
    rmm: {
      vendor: 'RemoteOps Inc.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'US', region: 'Virginia', since: '2023-09-01' }],
    },
    'password-vault': {
      vendor: 'Sleutelborg AS',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NO', region: 'Oslo', since: '2021-05-01' }],
    },
    mailbox: {
      vendor: 'Postwolk Ltd.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'IE', region: 'Dublin', since: '2018-06-01' }],
    },
    administration: {
      vendor: 'Cijferwerk Online B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Eindhoven', since: '2018-02-01' }],
    },
    hr: {
      vendor: 'Loonlijn B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Zwolle', since: '2020-01-01' }],
    },
    backup: {
      vendor: 'Kluisdata B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [
        { role: 'backup', country: 'NL', region: 'Amsterdam', since: '2019-01-01' },
        { role: 'offsite_backup', country: 'DE', region: 'Frankfurt', since: '2019-01-01' },
      ],
    },
  },
  // The phishing simulations go to a US vendor without DPF or safeguard: the register flags this transfer.
  recipients: [{ activity: 'Beveiligingsmonitoring en phishingtraining', vendors: ['PhishDrill Labs LLC'] }],
};

export const FREELANCER_REGISTER: DemoRegister = {
  template: 'freelancer',
  controllers: {
    activity: 'Hosting en beheer van websites en applicaties van klanten',
    hasManagedClients: false,
    external: [
      { name: 'Fietsverhuur Eemland V.O.F.', contact: 'info@fietsverhuur-eemland.test, Kamp 12, 3811 AR Amersfoort' },
      { name: 'Stichting Muziekschool Amersfoort', contact: 'bestuur@muziekschool-amersfoort.test' },
    ],
  },
  vendors: [
    {
      name: 'Eemhosting B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Hosting en back-up',
      hasMfa: true,
      canAccessClientInfrastructure: true,
      clientAccessDescription: 'Onderhoud van de servers waarop klantsites draaien',
      certifications: [ISO_27001('2027-04-30')],
    },
    {
      name: 'Boekhoudbaas B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Boekhoudpakket (enige administratie sinds 1-2-2018)',
      hasMfa: true,
      certifications: [ISO_27001('2027-12-31')],
    },
    {
      name: 'Factuurhoek V.O.F.',
      kind: 'processor',
      country: 'NL',
      services: 'Tweede administratiepakket',
      hasMfa: false,
      certifications: [],
      retiredOn: '2018-02-01',
    },
    {
      name: 'Postwolk Ltd.',
      kind: 'processor',
      country: 'IE',
      services: 'E-mail',
      hasMfa: true,
      certifications: [ISO_27001('2027-06-30')],
    },
    {
      name: 'CloudVault Backup Inc.',
      kind: 'processor',
      country: 'US',
      services: 'Back-up (tot 2018)',
      hasMfa: null,
      certifications: [],
      retiredOn: '2017-12-31',
    },
  ],
  systems: {
    administration: {
      vendor: 'Boekhoudbaas B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Amersfoort', since: '2018-02-01' }],
    },
    mailbox: {
      vendor: 'Postwolk Ltd.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'IE', region: 'Dublin', since: '2016-09-01' }],
    },
    website: {
      vendor: 'Eemhosting B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: false,
      locations: [{ role: 'primary', country: 'NL', region: 'Amsterdam', since: '2015-05-01' }],
    },
    hosting: {
      vendor: 'Eemhosting B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Amsterdam', since: '2015-05-01' }],
    },
    backup: {
      vendor: 'Eemhosting B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [
        { role: 'backup', country: 'US', region: 'Oregon', since: '2015-05-01', until: '2017-12-31' },
        { role: 'backup', country: 'NL', region: 'Amsterdam', since: '2018-01-01' },
        { role: 'backup', country: 'NL', region: 'Rotterdam', since: '2018-01-01' },
        { role: 'offsite_backup', country: 'DE', region: 'Frankfurt', since: '2018-01-01' },
      ],
    },
  },
};

/** The bakery has a small webshop; the ICT provider set up its register from the webshop template. */
export const BAKERY_REGISTER: DemoRegister = {
  template: 'webshop',
  // The processors running its mailbox, newsletter and statistics: recipients of those activities (Art. 4(9)).
  vendors: [
    {
      name: 'Mailhaven B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Zakelijke mail',
      hasMfa: true,
      certifications: [],
    },
    {
      name: 'Nieuwsbode B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Nieuwsbriefdienst',
      hasMfa: true,
      certifications: [],
    },
    {
      name: 'Telwerk Analytics B.V.',
      kind: 'processor',
      country: 'NL',
      services: 'Websitestatistieken',
      hasMfa: null,
      certifications: [],
    },
  ],
  systems: {
    mailbox: {
      vendor: 'Mailhaven B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Amsterdam', since: '2021-03-01' }],
    },
    newsletter: {
      vendor: 'Nieuwsbode B.V.',
      isMfaEnforced: true,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'NL', region: 'Groningen', since: '2022-01-01' }],
    },
    analytics: {
      vendor: 'Telwerk Analytics B.V.',
      isMfaEnforced: false,
      isEncryptedAtRest: true,
      locations: [{ role: 'primary', country: 'DE', region: 'Frankfurt', since: '2023-04-01' }],
    },
  },
};
