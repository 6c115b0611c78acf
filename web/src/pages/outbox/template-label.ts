import type { TFunction } from 'i18next';

/** What kind of mail a message is, in words ("Uitnodiging"), instead of its template key; empty when unknown. */
export function templateLabel(t: TFunction, template: string): string {
  return t(`outbox.templates.${template}`, { defaultValue: '' });
}
