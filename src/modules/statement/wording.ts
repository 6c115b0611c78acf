import type { Locale } from '../../platform/i18n/index.ts';

/**
 * The privacy statement's own words, in plain language (B1 Dutch). Placeholders `{name}` are filled with register
 * values as plain text; nothing here is markup.
 */
const WORDS = {
  versionLine: { nl: 'Versie {version}, gepubliceerd op {date}', en: 'Version {version}, published on {date}' },
  draftLine: { nl: 'Concept van {date} (nog niet gepubliceerd)', en: 'Draft of {date} (not published yet)' },
  title: { nl: 'Privacyverklaring van {organisation}', en: 'Privacy statement of {organisation}' },
  whoWeAre: { nl: 'Wie zijn wij?', en: 'Who are we?' },
  whoWeAreText: {
    nl: '{organisation} bepaalt wat er met uw persoonsgegevens gebeurt. U vindt ons op dit adres: {address}.',
    en: '{organisation} decides what happens to your personal data. You can find us at this address: {address}.',
  },
  kvk: { nl: 'Ons KvK-nummer is {kvk}.', en: 'Our Chamber of Commerce number is {kvk}.' },
  dpoText: {
    nl: 'Heeft u een vraag over privacy? Neem contact op met onze functionaris gegevensbescherming: {contact}.',
    en: 'Do you have a question about privacy? Contact our data protection officer: {contact}.',
  },
  officerText: {
    nl: 'Heeft u een vraag over privacy? Neem contact op met onze privacy-contactpersoon: {contact}.',
    en: 'Do you have a question about privacy? Contact our privacy contact person: {contact}.',
  },
  introduction: { nl: 'Inleiding', en: 'Introduction' },
  cookies: { nl: 'Cookies', en: 'Cookies' },
  groupHeading: { nl: 'Als u {group} bent', en: 'If you are one of our {group}' },
  otherGroup: { nl: 'Overige verwerkingen', en: 'Other processing' },
  activity: { nl: '{activity}', en: '{activity}' },
  why: { nl: 'Waarom gebruiken we uw gegevens?', en: 'Why do we use your data?' },
  noPurpose: { nl: 'Het doel staat nog niet beschreven.', en: 'The purpose has not been described yet.' },
  basis: { nl: 'Waarom mag dat?', en: 'Why are we allowed to do this?' },
  noBasis: { nl: 'De grondslag staat nog niet beschreven.', en: 'The legal basis has not been described yet.' },
  basis_a: { nl: 'U heeft ons toestemming gegeven.', en: 'You gave us your consent.' },
  basis_b: {
    nl: 'We hebben de gegevens nodig voor een overeenkomst met u.',
    en: 'We need the data for a contract with you.',
  },
  basis_c: { nl: 'De wet verplicht ons om dit te doen.', en: 'The law requires us to do this.' },
  basis_d: {
    nl: 'Het is nodig om het leven of de gezondheid van iemand te beschermen.',
    en: 'It is needed to protect the life or health of someone.',
  },
  basis_e: {
    nl: 'Het is nodig voor een taak van algemeen belang.',
    en: 'It is needed for a task in the public interest.',
  },
  basis_f: { nl: 'Wij hebben daar een gerechtvaardigd belang bij.', en: 'We have a legitimate interest in it.' },
  interest: { nl: 'Ons belang is: {interest}', en: 'Our interest is: {interest}' },
  withdraw: {
    nl: 'U mag uw toestemming altijd weer intrekken. Wat we daarvoor al deden, blijft wel geldig.',
    en: 'You may withdraw your consent at any time. What we did before that stays valid.',
  },
  mustProvide_a: {
    nl: 'U hoeft deze gegevens niet te geven. Geeft u ze niet, dan doen we dit niet.',
    en: 'You do not have to give us this data. If you do not, we will not do this.',
  },
  mustProvide_b: {
    nl: 'Zonder deze gegevens kunnen we de overeenkomst met u niet sluiten of uitvoeren.',
    en: 'Without this data we cannot make or carry out the contract with you.',
  },
  mustProvide_c: {
    nl: 'De wet verplicht ons deze gegevens te hebben. Zonder deze gegevens kunnen we niet aan de wet voldoen.',
    en: 'The law requires us to have this data. Without it we cannot comply with the law.',
  },
  data: { nl: 'Welke gegevens gebruiken we?', en: 'Which data do we use?' },
  noData: { nl: 'Dit staat nog niet beschreven.', en: 'This has not been described yet.' },
  recipients: { nl: 'Wie krijgt uw gegevens?', en: 'Who receives your data?' },
  noRecipients: { nl: 'Wij geven deze gegevens aan niemand anders.', en: 'We do not give this data to anyone else.' },
  recipientsUnknown: { nl: 'Dit staat nog niet beschreven.', en: 'This has not been described yet.' },
  transfers: { nl: 'Gaan uw gegevens buiten Europa?', en: 'Does your data leave Europe?' },
  transferAdequate: {
    nl: '{recipient} in {country}. De Europese Commissie heeft besloten dat dit land uw gegevens goed genoeg beschermt.',
    en: '{recipient} in {country}. The European Commission has decided that this country protects your data well enough.',
  },
  transferSafeguard: {
    nl: '{recipient} in {country}. Wij hebben afspraken gemaakt om uw gegevens te beschermen: {safeguard}.',
    en: '{recipient} in {country}. We have made arrangements to protect your data: {safeguard}.',
  },
  transferNoSafeguard: {
    nl: '{recipient} in {country}. De bescherming staat nog niet beschreven.',
    en: '{recipient} in {country}. The protection has not been described yet.',
  },
  transferCopy: {
    nl: 'Wilt u een kopie van deze afspraken? Vraag ons erom.',
    en: 'Would you like a copy of these arrangements? Ask us for it.',
  },
  retention: { nl: 'Hoe lang bewaren we uw gegevens?', en: 'How long do we keep your data?' },
  rights: { nl: 'Uw rechten', en: 'Your rights' },
  rightsIntro: {
    nl: 'U heeft rechten over uw eigen gegevens. U kunt ons vragen om:',
    en: 'You have rights over your own data. You can ask us to:',
  },
  right_access: { nl: 'uw gegevens in te zien;', en: 'show you your data;' },
  right_rectification: { nl: 'uw gegevens te verbeteren;', en: 'correct your data;' },
  right_erasure: { nl: 'uw gegevens te verwijderen;', en: 'delete your data;' },
  right_restriction: { nl: 'minder met uw gegevens te doen;', en: 'limit what we do with your data;' },
  right_portability: {
    nl: 'uw gegevens aan u of een ander bedrijf te geven;',
    en: 'give your data to you or to another company;',
  },
  right_objection: {
    nl: 'te stoppen met het gebruik van uw gegevens (bezwaar).',
    en: 'stop using your data (objection).',
  },
  howToAsk: { nl: 'Hoe doet u een verzoek?', en: 'How do you make a request?' },
  askOnline: {
    nl: 'Doe uw verzoek via ons formulier: {url}. U kunt ook een e-mail sturen naar {email}.',
    en: 'Make your request through our form: {url}. You can also send an e-mail to {email}.',
  },
  askOnlineOnly: { nl: 'Doe uw verzoek via ons formulier: {url}.', en: 'Make your request through our form: {url}.' },
  askEmail: { nl: 'Stuur een e-mail naar {email}.', en: 'Send an e-mail to {email}.' },
  askNoContact: { nl: 'Neem contact met ons op.', en: 'Contact us.' },
  deletion: {
    nl: 'Wilt u dat wij uw gegevens verwijderen? Kies in het formulier voor "verwijderen". Wij antwoorden binnen een maand. Soms moeten we gegevens langer bewaren omdat de wet dat zegt. Dan leggen we u dat uit.',
    en: 'Do you want us to delete your data? Choose "delete" in the form. We answer within one month. Sometimes the law says we must keep data longer. Then we explain this to you.',
  },
  complaint: { nl: 'Een klacht indienen', en: 'Making a complaint' },
  complaintText: {
    nl: 'Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan mag u een klacht indienen bij de Autoriteit Persoonsgegevens: https://autoriteitpersoonsgegevens.nl.',
    en: 'Do you disagree with how we handle your data? Then you may make a complaint to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens): https://autoriteitpersoonsgegevens.nl.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type WordKey = keyof typeof WORDS;

export function word(locale: Locale, key: WordKey, params: Record<string, string> = {}): string {
  return WORDS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Who a statement section speaks to: the groups the issue names, in this order. */
export const KNOWN_GROUPS = ['clients', 'website_visitors', 'applicants', 'staff'] as const;
export type KnownGroup = (typeof KNOWN_GROUPS)[number];

export const GROUP_NAMES: Record<KnownGroup, Record<Locale, string>> = {
  clients: { nl: 'klant', en: 'clients' },
  website_visitors: { nl: 'bezoeker van onze website', en: 'website visitors' },
  applicants: { nl: 'sollicitant', en: 'applicants' },
  staff: { nl: 'medewerker', en: 'staff' },
};

/** The default subject categories (categories/defaults.ts) by the group they belong to. */
export const GROUP_OF_SUBJECT_KEY: Record<string, KnownGroup> = {
  customers: 'clients',
  'client-contacts': 'clients',
  'client-staff': 'clients',
  prospects: 'clients',
  'newsletter-subscribers': 'clients',
  'website-visitors': 'website_visitors',
  applicants: 'applicants',
  staff: 'staff',
};
