import retentionNl from '../../../../../reference/retention-nl.json';
import { PRESET_REFERENCES } from '../../../../../src/shared/retention-texts.ts';
import type { RetentionUnit, RetentionValues } from './activity-form.ts';

/** A Dutch retention period from reference/retention-nl.json, as the form offers it. */
export interface RetentionPreset {
  id: string;
  /** law: a statutory minimum; guidance: the Autoriteit Persoonsgegevens' advice on a maximum; policy: an example. */
  kind: 'law' | 'guidance' | 'policy';
  amount: number | null;
  unit: RetentionUnit | null;
  start: string;
  label: { nl: string; en: string };
  /** The legal or policy reference as a register shows it (not the JSON's developer note). */
  reference: { nl: string; en: string };
}

const UNITS: readonly RetentionUnit[] = ['years', 'months', 'weeks', 'days'];

export const RETENTION_PRESETS: readonly RetentionPreset[] = retentionNl.periods.map((period) => {
  const fields = period as Record<string, unknown>;
  const unit = UNITS.find((candidate) => typeof fields[candidate] === 'number') ?? null;
  return {
    id: period.id,
    kind: period.kind as RetentionPreset['kind'],
    amount: unit ? (fields[unit] as number) : null,
    unit,
    start: period.start,
    label: { nl: period.nl, en: period.en },
    reference: PRESET_REFERENCES[period.id] ?? { nl: period.ref, en: period.ref },
  };
});

export const RETENTION_VALID_AS_OF: string = retentionNl.validAsOf;

/**
 * The retention a preset fills in: its period (or "until an event"), the start event in words, the legal or
 * policy reference and the preset's id, so the register can later check the period against the reference.
 */
export function retentionFromPreset(
  preset: RetentionPreset,
  startEventLabel: string,
  locale: 'nl' | 'en',
): RetentionValues {
  return {
    kind: preset.amount === null ? 'until_event' : 'period',
    amount: preset.amount ?? '',
    unit: preset.unit,
    startEvent: startEventLabel,
    reference: preset.reference[locale],
    presetId: preset.id,
  };
}
