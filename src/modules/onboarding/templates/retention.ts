import retentionNl from '../../../../reference/retention-nl.json' with { type: 'json' };
import type { Locale } from './blueprint.ts';
import type { TemplateRetention, Text } from './types.ts';

/** Names of the start events of reference/retention-nl.json `startEvents`, as a person reads them. */
export const START_EVENT_LABELS: Record<string, Text> = {
  'end-of-fiscal-year': {
    nl: 'Einde van het boekjaar waar het stuk bij hoort',
    en: 'End of the fiscal year the record belongs to',
  },
  'end-of-employment': { nl: 'Einde van het dienstverband', en: 'End of employment' },
  'end-of-application-procedure': { nl: 'Einde van de sollicitatieprocedure', en: 'End of the application procedure' },
  recording: { nl: 'Moment van opname', en: 'Moment of recording' },
  'message-date': { nl: 'Datum van het bericht', en: 'Date of the message' },
  'end-of-last-service': { nl: 'Einde van de laatste actieve dienst', en: 'End of the last active service' },
  'contact-left-client-organisation': {
    nl: 'Vertrek van de contactpersoon bij de klant',
    en: 'The contact person leaving the client',
  },
  'consent-withdrawn': { nl: 'Intrekking van de toestemming', en: 'Withdrawal of consent' },
  'request-closed': { nl: 'Afhandeling van het verzoek', en: 'Closing of the request' },
  'end-of-year-of-first-use': { nl: 'Einde van het jaar van ingebruikname', en: 'End of the year of first use' },
  'end-of-year-of-end-of-employment': {
    nl: 'Einde van het jaar waarin het dienstverband eindigde',
    en: 'End of the year in which employment ended',
  },
};

interface Period {
  id: string;
  kind: string;
  years?: number;
  months?: number;
  weeks?: number;
  start: string;
  untilEvent?: boolean;
  ref: string;
}

export interface RetentionInput {
  kind: 'period' | 'until_event';
  amount: number | null;
  unit: 'days' | 'weeks' | 'months' | 'years' | null;
  startEvent: string;
  reference: string;
  presetId: string | null;
}

function presetRetention(presetId: string, locale: Locale): RetentionInput {
  const period = (retentionNl.periods as Period[]).find((candidate) => candidate.id === presetId);
  if (!period) throw new Error(`Unknown retention preset ${presetId}`);
  const startEvent = START_EVENT_LABELS[period.start]?.[locale] ?? period.start;
  const base = { startEvent, reference: period.ref, presetId };
  if (period.untilEvent) return { ...base, kind: 'until_event', amount: null, unit: null };
  if (period.years !== undefined) return { ...base, kind: 'period', amount: period.years, unit: 'years' };
  if (period.months !== undefined) return { ...base, kind: 'period', amount: period.months, unit: 'months' };
  return { ...base, kind: 'period', amount: period.weeks ?? 0, unit: 'weeks' };
}

/** A template's retention as the register records it, in the organisation's language. */
export function retentionInput(retention: TemplateRetention, locale: Locale): RetentionInput {
  if ('presetId' in retention) return presetRetention(retention.presetId, locale);
  const common = { startEvent: retention.startEvent[locale], reference: retention.reference[locale], presetId: null };
  if (retention.kind === 'until_event') return { ...common, kind: 'until_event', amount: null, unit: null };
  return { ...common, kind: 'period', amount: retention.amount, unit: retention.unit };
}
