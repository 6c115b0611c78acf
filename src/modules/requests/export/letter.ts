import { type Locale, translate } from '../../../platform/i18n/index.ts';
import { composeText } from '../../../platform/mail/layout.ts';
import { longDate } from '../../../shared/dates.ts';
import type { Letter } from '../letters.ts';
import { MAX_DOWNLOADS } from './rules.ts';

/** The mail with the download link of the export package, in the person's language; plain text. */
export function exportReadyLetter(
  locale: Locale,
  input: { name: string; organisation: string; reference: string; link: string; expiresOn: string },
): Letter {
  return {
    template: 'requests.export_ready',
    subject: translate(locale, 'mail.request_export_ready.subject', { reference: input.reference }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_export_ready.body', {
        organisation: input.organisation,
        reference: input.reference,
      }),
      input.link,
      translate(locale, 'mail.request_export_ready.validity', {
        expiresOn: longDate(locale, input.expiresOn),
        downloads: MAX_DOWNLOADS,
      }),
      translate(locale, 'mail.request_export_ready.personal'),
    ]),
  };
}
