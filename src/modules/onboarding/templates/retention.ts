import retentionNl from '../../../../reference/retention-nl.json' with { type: 'json' };
import { PRESET_REFERENCES, START_EVENT_LABELS } from '../../../shared/retention-texts.ts';
import type { Locale } from './blueprint.ts';
import type { TemplateRetention } from './types.ts';

export { START_EVENT_LABELS } from '../../../shared/retention-texts.ts';

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
  const reference = PRESET_REFERENCES[presetId]?.[locale] ?? '';
  const base = { startEvent, reference, presetId };
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
