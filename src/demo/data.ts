/**
 * The demo content as plain data (see docs/demo.md): two fictional organisations modelled on the two pages in
 * shared/seeds — an ICT service provider in Utrecht with three client organisations, and a freelance developer in
 * Amersfoort. Every name, address, KvK number and e-mail address here is made up (`.test` addresses never deliver).
 * Later modules add their demo records (register, systems, vendors) per organisation `key`.
 */
import type { TRole } from '../modules/organisations/contract.ts';

export const DEMO_EMAIL = 'demo@privacydesk.test';
/** Printed at start; must pass the password rules (identity/rules.ts passwordProblems). Every demo account has it. */
export const DEMO_PASSWORD = 'privacy-op-orde';

export interface DemoPerson {
  key: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
}

export interface DemoOrganisation {
  key: string;
  /** Input for organisations' createOrganisation (parsed through its contract). */
  input: Record<string, unknown>;
  /** The organisation (key) that looks after this one as its ICT service provider. */
  managedBy?: string;
  /** Members and their roles; the demo account creates every organisation and ends with the role given here. */
  members: { person: string; role: TRole }[];
  /** Invitations still waiting for an answer (each leaves a message in the outbox). */
  invitations: { email: string; role: TRole; locale?: 'nl' | 'en' }[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'demo', email: DEMO_EMAIL, name: 'Sanne de Vries', locale: 'nl' },
  { key: 'dpo', email: 'ingrid.verhoef@domstad-ict.test', name: 'Ingrid Verhoef', locale: 'nl' },
  { key: 'technician', email: 'ruben.bakker@domstad-ict.test', name: 'Ruben Bakker', locale: 'nl' },
  { key: 'office', email: 'fatima.elamrani@domstad-ict.test', name: 'Fatima El Amrani', locale: 'nl' },
  { key: 'baker', email: 'henk@dezoetekorst.test', name: 'Henk Molenaar', locale: 'nl' },
  { key: 'dentist', email: 'm.kuipers@tandartslindelaan.test', name: 'Marloes Kuipers', locale: 'nl' },
  { key: 'installer', email: 'kantoor@vanwijk-installatie.test', name: 'Anouk van Wijk', locale: 'nl' },
  { key: 'privacyOfficer', email: 'joost@privacyadvies-eemland.test', name: 'Joost Hendriks', locale: 'en' },
];

const MSP = 'msp';

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: MSP,
    input: {
      name: 'Domstad ICT Beheer B.V.',
      slug: 'domstad-ict',
      kvkNumber: '12345678',
      street: 'Kanaalweg 14',
      postcode: '3526 KL',
      city: 'Utrecht',
      isController: true,
      isProcessor: true,
      requireMfa: false,
      privacyContact: {
        kind: 'dpo',
        name: 'Ingrid Verhoef',
        email: 'fg@domstad-ict.test',
        phone: null,
        isExternal: false,
      },
    },
    members: [
      { person: 'demo', role: 'owner' },
      { person: 'dpo', role: 'privacy_officer' },
      { person: 'technician', role: 'editor' },
      { person: 'office', role: 'viewer' },
    ],
    invitations: [{ email: 'kees.jansen@domstad-ict.test', role: 'editor' }],
  },
  {
    key: 'bakery',
    managedBy: MSP,
    input: {
      name: 'Bakkerij De Zoete Korst',
      slug: 'bakkerij-de-zoete-korst',
      kvkNumber: '87654321',
      street: 'Slotlaan 52',
      postcode: '3701 GN',
      city: 'Zeist',
    },
    members: [
      { person: 'baker', role: 'owner' },
      { person: 'demo', role: 'privacy_officer' },
    ],
    invitations: [],
  },
  {
    key: 'dentist',
    managedBy: MSP,
    input: {
      name: 'Tandartspraktijk Lindelaan',
      slug: 'tandartspraktijk-lindelaan',
      kvkNumber: '11223344',
      street: 'Lindelaan 3',
      postcode: '3431 GK',
      city: 'Nieuwegein',
    },
    members: [
      { person: 'dentist', role: 'owner' },
      { person: 'demo', role: 'privacy_officer' },
    ],
    invitations: [{ email: 'assistent@tandartslindelaan.test', role: 'viewer' }],
  },
  {
    key: 'installer',
    managedBy: MSP,
    input: {
      name: 'Installatiebedrijf Van Wijk & Zn.',
      slug: 'installatiebedrijf-van-wijk',
      kvkNumber: '55667788',
      street: 'Nijverheidsweg 7',
      postcode: '3401 MC',
      city: 'IJsselstein',
    },
    members: [
      { person: 'demo', role: 'owner' },
      { person: 'installer', role: 'viewer' },
    ],
    invitations: [],
  },
  {
    key: 'freelancer',
    input: {
      name: 'Eemcode Softwareontwikkeling',
      slug: 'eemcode',
      kvkNumber: '01234567',
      street: 'Stationsplein 21',
      postcode: '3818 LE',
      city: 'Amersfoort',
      isController: true,
      isProcessor: true,
      privacyContact: {
        kind: 'privacy_officer',
        name: 'Joost Hendriks',
        email: 'joost@privacyadvies-eemland.test',
        phone: null,
        isExternal: true,
        organisation: 'Privacyadvies Eemland',
      },
    },
    members: [
      { person: 'demo', role: 'owner' },
      { person: 'privacyOfficer', role: 'privacy_officer' },
    ],
    invitations: [{ email: 'boekhouding@eemcode.test', role: 'viewer', locale: 'en' }],
  },
];
