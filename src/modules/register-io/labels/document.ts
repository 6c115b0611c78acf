import type { Locale } from '../../../platform/i18n/index.ts';
import type { Text } from './enums.ts';

/** Every text of the PDF register document, in both languages. `{{name}}` is filled in by `say`. */
export const DOCUMENT_TEXT = {
  title: { nl: 'Register van verwerkingsactiviteiten', en: 'Record of processing activities' },
  subtitle: {
    nl: 'Artikel 30 Algemene verordening gegevensbescherming (AVG)',
    en: 'Article 30 General Data Protection Regulation (GDPR)',
  },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  kvk: { nl: 'KvK-nummer', en: 'Chamber of Commerce (KvK) number' },
  address: { nl: 'Adres', en: 'Address' },
  roles: { nl: 'Rol', en: 'Role' },
  roleController: { nl: 'verwerkingsverantwoordelijke', en: 'controller' },
  roleProcessor: { nl: 'verwerker', en: 'processor' },
  dpo: { nl: 'Functionaris gegevensbescherming (FG)', en: 'Data protection officer (DPO)' },
  privacyOfficer: { nl: 'Privacycontactpersoon', en: 'Privacy officer' },
  external: { nl: 'extern, {{organisation}}', en: 'external, {{organisation}}' },
  noPrivacyContact: { nl: 'Niet aangewezen', en: 'Not designated' },
  exportDate: { nl: 'Datum van export', en: 'Date of export' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  summaryCounts: {
    nl: '{{activities}} ({{complete}} volledig), {{systems}}, {{vendors}}.',
    en: '{{activities}} ({{complete}} complete), {{systems}}, {{vendors}}.',
  },
  registerComplete: { nl: 'Het register is volledig.', en: 'The record is complete.' },
  registerCompleteWithWarnings: {
    nl: 'Het register is volledig, met {{warnings}} (zie bijlage C).',
    en: 'The record is complete, with {{warnings}} (see annex C).',
  },
  registerIncomplete: {
    nl: 'Het register is niet volledig: {{missing}} en {{warnings}} (zie bijlage C).',
    en: 'The record is incomplete: {{missing}} and {{warnings}} (see annex C).',
  },
  controllerSection: {
    nl: '1. Register als verwerkingsverantwoordelijke (art. 30 lid 1 AVG)',
    en: '1. Record as controller (Art. 30(1) GDPR)',
  },
  processorSection: {
    nl: '2. Register als verwerker (art. 30 lid 2 AVG)',
    en: '2. Record as processor (Art. 30(2) GDPR)',
  },
  noActivities: { nl: 'Geen verwerkingsactiviteiten in deze rol.', en: 'No processing activities in this role.' },
  item: { nl: 'Onderdeel', en: 'Item' },
  value: { nl: 'Inhoud', en: 'Content' },
  status: { nl: 'Status', en: 'Status' },
  description: { nl: 'Omschrijving', en: 'Description' },
  legalBasis: { nl: 'Rechtsgrond (art. 6 lid 1 AVG)', en: 'Legal basis (Art. 6(1) GDPR)' },
  legalBasisValue: { nl: '{{label}} (art. 6 lid 1 sub {{code}} AVG)', en: '{{label}} (Art. 6(1)({{code}}) GDPR)' },
  specialGround: {
    nl: 'Uitzonderingsgrond bijzondere persoonsgegevens (art. 9 lid 2 AVG)',
    en: 'Ground for special categories (Art. 9(2) GDPR)',
  },
  criminalGround: {
    nl: 'Grondslag strafrechtelijke gegevens (art. 10 AVG)',
    en: 'Ground for criminal data (Art. 10 GDPR)',
  },
  systems: { nl: 'Systemen', en: 'Systems' },
  dpia: { nl: 'DPIA', en: 'DPIA' },
  dpiaRequired: { nl: 'nodig', en: 'required' },
  dpiaNotRequired: { nl: 'niet nodig', en: 'not required' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  reviewDate: { nl: 'Volgende herziening', en: 'Next review' },
  notRecorded: { nl: 'Niet vastgelegd', en: 'Not recorded' },
  subjects: { nl: 'Betrokkenen', en: 'Data subjects' },
  personalData: { nl: 'Persoonsgegevens', en: 'Personal data' },
  special: { nl: 'bijzonder', en: 'special' },
  criminal: { nl: 'strafrechtelijk', en: 'criminal' },
  noRecipients: { nl: 'Geen ontvangers', en: 'No recipients' },
  processorOfSystems: {
    nl: 'verwerker van de gebruikte systemen',
    en: 'processor running the systems used',
  },
  jointControllerLine: {
    nl: 'Gezamenlijk verwerkingsverantwoordelijke (art. 26 AVG): {{name}}, {{contact}}; regeling: {{arrangement}}',
    en: 'Joint controller (Art. 26 GDPR): {{name}}, {{contact}}; arrangement: {{arrangement}}',
  },
  notRecordedInline: { nl: 'niet vastgelegd', en: 'not recorded' },
  contactNotRecorded: { nl: 'contactgegevens niet vastgelegd', en: 'contact details not recorded' },
  basisArt30: { nl: 'Vereist door artikel 30 AVG', en: 'Required by Article 30 GDPR' },
  basisPrivacydesk: {
    nl: 'Aanvullende controles (niet vereist door artikel 30 AVG)',
    en: 'Further checks (not required by Article 30 GDPR)',
  },
  recipientCategories: { nl: 'Categorieën ontvangers', en: 'Categories of recipients' },
  noTransfers: { nl: 'Geen doorgiften buiten de EER', en: 'No transfers outside the EEA' },
  noSafeguard: { nl: 'geen waarborg vastgelegd', en: 'no safeguard recorded' },
  onwardVia: { nl: 'subverwerker van {{via}}', en: 'sub-processor of {{via}}' },
  tiaRecorded: { nl: 'doorgiftetoetsing (TIA) van {{date}}', en: 'transfer impact assessment (TIA) of {{date}}' },
  tiaMissing: { nl: 'geen doorgiftetoetsing (TIA) vastgelegd', en: 'no transfer impact assessment (TIA) recorded' },
  derogationNotOccasional: {
    nl: 'een afwijking geldt alleen voor incidentele doorgifte',
    en: 'a derogation only covers occasional transfers',
  },
  dpfUndated: { nl: 'DPF-certificering zonder datum', en: 'DPF certification without a date' },
  scopeUnconfirmed: {
    nl: 'niet bevestigd dat de ontvanger onder het adequaatheidsbesluit valt',
    en: 'not confirmed that the recipient falls within the adequacy decision',
  },
  retentionFrom: { nl: 'vanaf {{event}}', en: 'from {{event}}' },
  retentionUntil: { nl: 'tot {{event}}', en: 'until {{event}}' },
  retentionImmediately: { nl: 'direct na {{event}}', en: 'immediately after {{event}}' },
  retentionImmediatelyNoEvent: { nl: 'direct', en: 'immediately' },
  controllerOfActivity: { nl: 'Verwerkingsverantwoordelijke', en: 'Controller' },
  processorIsUs: { nl: 'Verwerker', en: 'Processor' },
  annexSystems: { nl: 'Bijlage A — Systemen en locaties', en: 'Annex A — Systems and locations' },
  annexVendors: { nl: 'Bijlage B — Leveranciers en ontvangers', en: 'Annex B — Vendors and recipients' },
  annexGaps: { nl: 'Bijlage C — Volledigheid', en: 'Annex C — Completeness' },
  noSystems: { nl: 'Geen systemen vastgelegd.', en: 'No systems recorded.' },
  noVendors: { nl: 'Geen leveranciers vastgelegd.', en: 'No vendors recorded.' },
  noGaps: { nl: 'Geen ontbrekende onderdelen.', en: 'Nothing is missing.' },
  kind: { nl: 'Soort', en: 'Kind' },
  vendor: { nl: 'Leverancier', en: 'Vendor' },
  mfa: { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' },
  mfaShort: { nl: '2FA', en: '2FA' },
  encrypted: { nl: 'Versleuteld opgeslagen', en: 'Encrypted at rest' },
  locations: { nl: 'Locaties', en: 'Locations' },
  noLocations: { nl: 'Geen locaties vastgelegd.', en: 'No locations recorded.' },
  role: { nl: 'Rol', en: 'Role' },
  country: { nl: 'Land', en: 'Country' },
  region: { nl: 'Regio', en: 'Region' },
  provider: { nl: 'Aanbieder', en: 'Provider' },
  period: { nl: 'Periode', en: 'Period' },
  transfer: { nl: 'Doorgifte', en: 'Transfer' },
  services: { nl: 'Diensten', en: 'Services' },
  parent: { nl: 'Hoofdverwerker', en: 'Parent processor' },
  certifications: { nl: 'Certificeringen', en: 'Certifications' },
  validUntil: { nl: 'geldig tot {{date}}', en: 'valid until {{date}}' },
  expired: { nl: 'verlopen', en: 'expired' },
  dpf: {
    nl: 'gecertificeerd onder het EU-VS Data Privacy Framework',
    en: 'certified under the EU-US Data Privacy Framework',
  },
  safeguard: { nl: 'Waarborg', en: 'Safeguard' },
  organisationItems: { nl: 'Organisatie', en: 'Organisation' },
  missing: { nl: 'Ontbreekt', en: 'Missing' },
  warning: { nl: 'Waarschuwing', en: 'Warning' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  unknown: { nl: 'onbekend', en: 'unknown' },
  since: { nl: 'sinds {{date}}', en: 'since {{date}}' },
  sinceUnknown: { nl: 'sinds: onbekend, nog in te vullen', en: 'since: unknown, still to be filled in' },
  footer: { nl: '{{organisation}} — register van {{date}}', en: '{{organisation}} — record of {{date}}' },
  page: { nl: 'Pagina {{page}} van {{pages}}', en: 'Page {{page}} of {{pages}}' },
} as const satisfies Record<string, Text>;

export type DocumentTextKey = keyof typeof DOCUMENT_TEXT;

/** Nouns the document counts, singular and plural: "1 ontbrekend onderdeel", "2 ontbrekende onderdelen". */
const COUNTED = {
  activities: {
    nl: ['verwerkingsactiviteit', 'verwerkingsactiviteiten'],
    en: ['processing activity', 'processing activities'],
  },
  systems: { nl: ['systeem', 'systemen'], en: ['system', 'systems'] },
  vendors: { nl: ['leverancier', 'leveranciers'], en: ['vendor', 'vendors'] },
  missingItems: { nl: ['ontbrekend onderdeel', 'ontbrekende onderdelen'], en: ['missing item', 'missing items'] },
  warnings: { nl: ['waarschuwing', 'waarschuwingen'], en: ['warning', 'warnings'] },
  days: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  weeks: { nl: ['week', 'weken'], en: ['week', 'weeks'] },
  months: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  years: { nl: ['jaar', 'jaar'], en: ['year', 'years'] },
} as const satisfies Record<string, Record<Locale, readonly [one: string, other: string]>>;

/** A number with its noun in the right form. */
export function sayCount(locale: Locale, noun: keyof typeof COUNTED, count: number): string {
  return `${count} ${COUNTED[noun][locale][count === 1 ? 0 : 1]}`;
}

/** A document text in a language with its placeholders filled in. */
export function say(locale: Locale, key: DocumentTextKey, params: Record<string, string | number> = {}): string {
  return DOCUMENT_TEXT[key][locale].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
