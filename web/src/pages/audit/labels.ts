import type { TFunction } from 'i18next';

/** A translated name for an audit action; actions of modules without a translation yet show their code. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

/** A compact rendering of an entry's data ("fields: name, city · role: editor"). */
export function describeData(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(
      ([key, value]) =>
        `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(' · ');
}
