import type { TFunction } from 'i18next';

/** A translated name for an audit action; actions of modules without a translation yet show their code. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

/** Hashes (of e-mail addresses, for instance) prove a match, but are unreadable: their start is enough to compare. */
function shorten(value: string): string {
  return /^[0-9a-f]{32,}$/i.test(value) ? `${value.slice(0, 10)}…` : value;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return shorten(String(value));
}

/** A compact rendering of an entry's data ("fields: name, city · role: editor"). */
export function describeData(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join(' · ');
}
