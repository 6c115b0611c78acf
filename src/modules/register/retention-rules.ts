import { Temporal } from 'temporal-polyfill';
import { retentionNl } from '../../reference/index.ts';
import type { Finding } from './rules.ts';

/**
 * Retention periods against reference/retention-nl.json: a `law` period is a statutory minimum (keeping data
 * shorter breaks the law), a `guidance` period is the Autoriteit Persoonsgegevens' advice on a maximum. Pure.
 */
export type RetentionUnit = 'days' | 'weeks' | 'months' | 'years';

export interface RetentionFacts {
  kind: 'period' | 'until_event' | null;
  amount: number | null;
  unit: RetentionUnit | null;
  startEvent: string;
  reference: string;
  presetId: string | null;
}

export interface RetentionPreset {
  id: string;
  kind: 'law' | 'guidance' | 'policy';
  /** Null for a period that runs until an event (`untilEvent`). */
  amount: number | null;
  unit: RetentionUnit | null;
  start: string;
  ref: string;
}

const UNITS: readonly RetentionUnit[] = ['years', 'months', 'weeks', 'days'];

function toPreset(entry: (typeof retentionNl.periods)[number]): RetentionPreset {
  const fields = entry as Record<string, unknown>;
  const unit = UNITS.find((candidate) => typeof fields[candidate] === 'number') ?? null;
  return {
    id: entry.id,
    kind: entry.kind as RetentionPreset['kind'],
    amount: unit ? (fields[unit] as number) : null,
    unit,
    start: entry.start,
    ref: entry.ref,
  };
}

const PRESETS = new Map(retentionNl.periods.map((entry) => [entry.id, toPreset(entry)]));

export function retentionPreset(id: string): RetentionPreset | undefined {
  return PRESETS.get(id);
}

/**
 * Retention chosen by preset alone (templates, imports): the period, start event and reference come from the
 * reference file. Anything the caller filled in itself is kept.
 */
export function completeFromPreset(retention: RetentionFacts): RetentionFacts {
  const preset = retention.presetId ? retentionPreset(retention.presetId) : undefined;
  if (!preset || retention.kind !== null) return retention;
  return {
    kind: preset.amount === null ? 'until_event' : 'period',
    amount: preset.amount,
    unit: preset.unit,
    startEvent: retention.startEvent || preset.start,
    reference: retention.reference || preset.ref,
    presetId: preset.id,
  };
}

/** Compares two periods on the calendar from `today` (7 years and 84 months are equal; 12 months exceed 52 weeks). */
export function comparePeriods(
  a: { amount: number; unit: RetentionUnit },
  b: { amount: number; unit: RetentionUnit },
  today: string,
): number {
  return Temporal.Duration.compare(
    { [a.unit]: a.amount },
    { [b.unit]: b.amount },
    {
      relativeTo: Temporal.PlainDate.from(today),
    },
  );
}

function presetFinding(
  activity: string,
  period: { amount: number; unit: RetentionUnit },
  preset: RetentionPreset,
  today: string,
) {
  if (preset.amount === null || preset.unit === null) return null;
  const limit = { amount: preset.amount, unit: preset.unit };
  const order = comparePeriods(period, limit, today);
  const params = { activity, reference: preset.ref, limitAmount: limit.amount, limitUnit: limit.unit };
  if (preset.kind === 'law' && order < 0) return warning('retention_below_legal_minimum', params);
  if (preset.kind === 'guidance' && order > 0) return warning('retention_above_guidance', params);
  return null;
}

const warning = (code: string, params: Finding['params']): Finding => ({
  itemId: '30.1.f',
  article: '30(1)(f)',
  status: 'warning',
  code,
  params,
});

/**
 * Art. 30(1)(f): a period (amount and unit) or an until-event rule with its event, checked against its preset. The
 * law asks for the time limits "where possible": none recorded is a warning, not a missing item.
 */
export function retentionFindings(activity: string, retention: RetentionFacts, today: string): Finding[] {
  const base = { itemId: '30.1.f', article: '30(1)(f)' };
  const params = { activity };
  const isPeriod = retention.kind === 'period' && retention.amount !== null && retention.unit !== null;
  const isUntilEvent = retention.kind === 'until_event' && retention.startEvent.trim() !== '';
  if (!isPeriod && !isUntilEvent) return [{ ...base, status: 'warning', code: 'retention_missing', params }];
  const findings: Finding[] = [{ ...base, status: 'complete', code: 'retention_recorded', params }];
  if (isPeriod && retention.startEvent.trim() === '') findings.push(warning('retention_start_event_missing', params));
  const preset = retention.presetId ? retentionPreset(retention.presetId) : undefined;
  if (isPeriod && preset) {
    const period = { amount: retention.amount as number, unit: retention.unit as RetentionUnit };
    const found = presetFinding(activity, period, preset, today);
    if (found) findings.push(found);
  }
  return findings;
}
