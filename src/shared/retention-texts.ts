import retentionNl from '../../reference/retention-nl.json' with { type: 'json' };

/**
 * How reference/retention-nl.json periods read in a document: their start events and their legal references in
 * Dutch and English. The JSON's own `ref` is a note for developers (in English, sometimes naming the seed page it
 * came from); a register shows these texts instead.
 */
export interface Text {
  nl: string;
  en: string;
}

/** Start events of reference/retention-nl.json `startEvents`, written to follow "vanaf" / "from" in a sentence. */
export const START_EVENT_LABELS: Record<string, Text> = {
  'end-of-fiscal-year': {
    nl: 'het einde van het boekjaar waar het stuk bij hoort',
    en: 'the end of the fiscal year the record belongs to',
  },
  'end-of-employment': { nl: 'het einde van het dienstverband', en: 'the end of employment' },
  'end-of-application-procedure': {
    nl: 'het einde van de sollicitatieprocedure',
    en: 'the end of the application procedure',
  },
  recording: { nl: 'het moment van opname', en: 'the moment of recording' },
  'message-date': { nl: 'de datum van het bericht', en: 'the date of the message' },
  'end-of-last-service': { nl: 'het einde van de laatste actieve dienst', en: 'the end of the last active service' },
  'contact-left-client-organisation': {
    nl: 'het vertrek van de contactpersoon bij de klant',
    en: 'the contact person leaving the client',
  },
  'consent-withdrawn': { nl: 'de intrekking van de toestemming', en: 'the withdrawal of consent' },
  'request-closed': { nl: 'de afhandeling van het verzoek', en: 'the closing of the request' },
  'end-of-year-of-first-use': {
    nl: 'het einde van het jaar van ingebruikname',
    en: 'the end of the year of first use',
  },
  'end-of-year-of-end-of-employment': {
    nl: 'het einde van het kalenderjaar waarin het dienstverband eindigde',
    en: 'the end of the calendar year in which employment ended',
  },
};

const AP = { nl: 'Autoriteit Persoonsgegevens', en: 'Dutch Data Protection Authority (Autoriteit Persoonsgegevens)' };

/** The legal or policy reference of each reference/retention-nl.json period, by its id. */
export const PRESET_REFERENCES: Record<string, Text> = {
  'fiscal-records': {
    nl: 'art. 52 lid 4 Algemene wet inzake rijksbelastingen (AWR); art. 2:10 lid 3 BW (rechtspersonen); art. 3:15i BW (eenmanszaken en personenvennootschappen)',
    en: 'Art. 52(4) General State Taxes Act (AWR); Art. 2:10(3) Dutch Civil Code (legal entities); Art. 3:15i Dutch Civil Code (sole traders and partnerships)',
  },
  'real-estate': {
    nl: 'art. 34a Wet op de omzetbelasting 1968',
    en: 'Art. 34a Turnover Tax Act 1968 (Wet op de omzetbelasting 1968)',
  },
  payroll: {
    nl: 'art. 52 lid 4 AWR (de termijn loopt vanaf 1 januari na het jaar waar de gegevens bij horen)',
    en: 'Art. 52(4) AWR (the period runs from 1 January after the year concerned)',
  },
  'payroll-id-copy': {
    nl: 'art. 7.5 lid 4 en art. 7.9 lid 2 Uitvoeringsregeling loonbelasting 2011: ten minste 5 jaar na het einde van het kalenderjaar waarin het dienstverband eindigde',
    en: 'Art. 7.5(4) and Art. 7.9(2) Wage Tax Implementing Regulation 2011: at least 5 years after the end of the calendar year in which employment ended',
  },
  applicants: {
    nl: `${AP.nl}, richtlijn voor sollicitatiegegevens (volgens de NVP Sollicitatiecode)`,
    en: `${AP.en}, guidance on applicant data (following the NVP recruitment code)`,
  },
  'applicants-consent': {
    nl: `${AP.nl}, richtlijn voor sollicitatiegegevens; alleen met toestemming van de sollicitant`,
    en: `${AP.en}, guidance on applicant data; only with the applicant's consent`,
  },
  'personnel-file': {
    nl: `${AP.nl} (de 2 jaar komen uit het voormalige Vrijstellingsbesluit Wbp)`,
    en: `${AP.en} (the 2 years come from the former Dutch exemption decree under the Wbp)`,
  },
  camera: {
    nl: `${AP.nl} (de 4 weken komen uit het voormalige Vrijstellingsbesluit Wbp); beelden van een incident mogen blijven tot het incident is afgehandeld`,
    en: `${AP.en} (the 4 weeks come from the former Dutch exemption decree under the Wbp); footage of an incident may be kept until the incident is dealt with`,
  },
  'client-communication': { nl: 'eigen beleid', en: 'own policy' },
  'inactive-clients': {
    nl: 'eigen beleid; facturen blijven onder de fiscale bewaarplicht',
    en: 'own policy; invoices stay under the fiscal retention duty',
  },
  'crm-leavers': { nl: 'eigen beleid', en: 'own policy' },
  newsletter: {
    nl: 'art. 7 lid 3 AVG; art. 11.7 Telecommunicatiewet',
    en: 'Art. 7(3) GDPR; Art. 11.7 Dutch Telecommunications Act',
  },
  'request-records': {
    nl: 'verantwoordingsplicht (art. 5 lid 2 AVG); eigen beleid',
    en: 'accountability (Art. 5(2) GDPR); own policy',
  },
};

type Locale = keyof Text;

/** "Einde van het boekjaar" → "einde van het boekjaar" inside a sentence; an acronym ("AVG …") stays as it is. */
export function lowerFirst(text: string): string {
  const [first, second] = text;
  if (!first || !second || second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

/** Compared without case and leading article, so labels stored by earlier versions ("Einde van …") still match. */
const normalised = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/^(het|de|the)\s+/, '');
const same = (a: string, b: string) => normalised(a) === normalised(b);

/**
 * A recorded retention's start event and reference as a document in `locale` shows them. While they are still the
 * preset's own words (in either language, or the JSON's developer note), the preset's text in `locale` is used, so a
 * Dutch register exported in English reads English and no developer note reaches a document; the organisation's own
 * words are kept, only put in lower case to follow "vanaf" / "from".
 */
export function retentionWording(
  retention: { presetId: string | null; startEvent: string; reference: string },
  locale: Locale,
): { startEvent: string; reference: string } {
  const period = retention.presetId
    ? retentionNl.periods.find((candidate) => candidate.id === retention.presetId)
    : undefined;
  const presetEvent = period ? START_EVENT_LABELS[period.start] : undefined;
  const presetReference = period ? PRESET_REFERENCES[period.id] : undefined;
  const isPresetEvent =
    presetEvent && [presetEvent.nl, presetEvent.en].some((text) => same(text, retention.startEvent));
  const isPresetReference =
    period &&
    presetReference &&
    [presetReference.nl, presetReference.en, period.ref].some((text) => same(text, retention.reference));
  // An import or the API may hold the reference file's key ("end-of-employment") instead of words.
  const keyedEvent = START_EVENT_LABELS[retention.startEvent];
  const event = isPresetEvent
    ? presetEvent[locale]
    : keyedEvent
      ? keyedEvent[locale]
      : lowerFirst(retention.startEvent);
  return {
    startEvent: event,
    reference: isPresetReference ? presetReference[locale] : retention.reference,
  };
}
