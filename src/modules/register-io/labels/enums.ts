import { gdprItems } from '../../../reference/index.ts';

/** A text in both languages. Keeping both in one object lets the compiler prove neither language is missing. */
export interface Text {
  nl: string;
  en: string;
}

/** The labels of a code list, by code. Export writes the label in the chosen language; import reads either. */
export type EnumLabels<Code extends string> = Record<Code, Text>;

const legalBases = Object.fromEntries(
  gdprItems.art6_1_legal_bases.map((basis) => [basis.id, { nl: basis.nl, en: basis.en }]),
) as EnumLabels<'a' | 'b' | 'c' | 'd' | 'e' | 'f'>;

export const ENUM_LABELS = {
  vendorKind: {
    processor: { nl: 'Verwerker', en: 'Processor' },
    sub_processor: { nl: 'Subverwerker', en: 'Sub-processor' },
    recipient: { nl: 'Ontvanger', en: 'Recipient' },
    joint_controller: { nl: 'Gezamenlijke verwerkingsverantwoordelijke', en: 'Joint controller' },
  },
  entryStatus: {
    active: { nl: 'Actief', en: 'Active' },
    retired: { nl: 'Beëindigd', en: 'Retired' },
  },
  systemKind: {
    crm: { nl: 'CRM', en: 'CRM' },
    mailbox: { nl: 'Mailbox', en: 'Mailbox' },
    administration: { nl: 'Administratiepakket', en: 'Administration package' },
    hosting: { nl: 'Hosting', en: 'Hosting' },
    backup: { nl: 'Back-upvoorziening', en: 'Backup service' },
    file_share: { nl: 'Bestandsopslag', en: 'File share' },
    website: { nl: 'Website', en: 'Website' },
    webshop: { nl: 'Webshop', en: 'Webshop' },
    ticketing: { nl: 'Ticketsysteem', en: 'Ticketing' },
    hr: { nl: 'Personeelssysteem', en: 'HR system' },
    payment: { nl: 'Betalingen', en: 'Payments' },
    newsletter: { nl: 'Nieuwsbrief', en: 'Newsletter' },
    analytics: { nl: 'Analyse', en: 'Analytics' },
    other: { nl: 'Overig', en: 'Other' },
  },
  locationRole: {
    primary: { nl: 'Primair', en: 'Primary' },
    replica: { nl: 'Replica', en: 'Replica' },
    backup: { nl: 'Back-up', en: 'Backup' },
    offsite_backup: { nl: 'Offsite back-up', en: 'Offsite backup' },
  },
  safeguard: {
    scc: { nl: 'Modelcontractbepalingen (SCC)', en: 'Standard contractual clauses (SCC)' },
    bcr: { nl: 'Bindende bedrijfsvoorschriften (BCR)', en: 'Binding corporate rules (BCR)' },
    code_of_conduct: { nl: 'Gedragscode', en: 'Code of conduct' },
    certification: { nl: 'Certificering', en: 'Certification' },
    derogation: { nl: 'Afwijking (art. 49 AVG)', en: 'Derogation (Art. 49 GDPR)' },
    other: { nl: 'Andere waarborg', en: 'Other safeguard' },
  },
  transferStatus: {
    eea: { nl: 'Binnen de EER', en: 'Inside the EEA' },
    adequate: { nl: 'Adequaatheidsbesluit', en: 'Adequacy decision' },
    'safeguard-required': { nl: 'Waarborg vereist', en: 'Safeguard required' },
    'invalid-country-code': { nl: 'Onbekende landcode', en: 'Unknown country code' },
  },
  activityRole: {
    controller: { nl: 'Verwerkingsverantwoordelijke', en: 'Controller' },
    processor: { nl: 'Verwerker', en: 'Processor' },
  },
  activityStatus: {
    draft: { nl: 'Concept', en: 'Draft' },
    active: { nl: 'Actief', en: 'Active' },
    retired: { nl: 'Beëindigd', en: 'Retired' },
  },
  retentionKind: {
    period: { nl: 'Termijn', en: 'Period' },
    until_event: { nl: 'Tot een gebeurtenis', en: 'Until an event' },
  },
  retentionUnit: {
    days: { nl: 'dagen', en: 'days' },
    weeks: { nl: 'weken', en: 'weeks' },
    months: { nl: 'maanden', en: 'months' },
    years: { nl: 'jaar', en: 'years' },
  },
  legalBasis: legalBases,
  specialCategoryGround: Object.fromEntries(
    ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => [
      id,
      { nl: `art. 9 lid 2 sub ${id}`, en: `Art. 9(2)(${id})` },
    ]),
  ) as EnumLabels<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j'>,
} as const satisfies Record<string, EnumLabels<string>>;

export type EnumName = keyof typeof ENUM_LABELS;

/** The label of a code in a language; an unknown code is shown as it is. */
export function enumLabel(name: EnumName, code: string | null, locale: keyof Text): string {
  if (code === null) return '';
  const labels = ENUM_LABELS[name] as Record<string, Text>;
  return labels[code]?.[locale] ?? code;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** The code a cell names: the code itself, or its label in either language (case does not matter). */
export function enumCode(name: EnumName, cell: string): string | undefined {
  const wanted = normalise(cell);
  for (const [code, label] of Object.entries(ENUM_LABELS[name] as Record<string, Text>)) {
    if (normalise(code) === wanted || normalise(label.nl) === wanted || normalise(label.en) === wanted) return code;
  }
  return undefined;
}
