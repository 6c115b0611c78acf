/**
 * The mails of the requests desk, in the person's language: the confirmation link, the receipt with the due date,
 * the extension notice with its reason, the closing letter (with the right to complain to the Autoriteit
 * Persoonsgegevens when the request is not granted in full), and the officer's reminder. Plain text: nothing a
 * person typed can become markup.
 */
import { type Locale, translate } from '../../platform/i18n/index.ts';
import { composeText } from '../../platform/mail/layout.ts';
import { longDate } from '../../shared/dates.ts';
import type { TRequestRight } from './contract.ts';
import { CONFIRMATION_HOURS } from './rules.ts';

export interface Letter {
  template: string;
  subject: string;
  text: string;
}

const rightLabel = (locale: Locale, right: TRequestRight) => translate(locale, `requests.rights.${right}`);

export function confirmationLetter(
  locale: Locale,
  input: { name: string; organisation: string; right: TRequestRight; link: string },
): Letter {
  return {
    template: 'requests.confirm',
    subject: translate(locale, 'mail.request_confirm.subject', { organisation: input.organisation }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_confirm.body', {
        organisation: input.organisation,
        right: rightLabel(locale, input.right),
        hours: CONFIRMATION_HOURS,
      }),
      input.link,
      translate(locale, 'mail.request_confirm.ignore'),
    ]),
  };
}

export function receiptLetter(
  locale: Locale,
  input: {
    name: string;
    organisation: string;
    reference: string;
    right: TRequestRight;
    receivedOn: string;
    due: string;
  },
): Letter {
  return {
    template: 'requests.receipt',
    subject: translate(locale, 'mail.request_receipt.subject', {
      reference: input.reference,
      organisation: input.organisation,
    }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_receipt.body', {
        organisation: input.organisation,
        right: rightLabel(locale, input.right),
        receivedOn: longDate(locale, input.receivedOn),
        due: longDate(locale, input.due),
      }),
      translate(locale, 'mail.request_receipt.identity'),
      translate(locale, 'mail.request_receipt.reference', { reference: input.reference }),
    ]),
  };
}

export function identityCheckLetter(
  locale: Locale,
  input: { name: string; organisation: string; reference: string; message: string },
): Letter {
  return {
    template: 'requests.identity_check',
    subject: translate(locale, 'mail.request_identity.subject', { reference: input.reference }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_identity.body', { organisation: input.organisation }),
      input.message,
      translate(locale, 'mail.request_identity.never'),
      translate(locale, 'mail.request_identity.clock'),
    ]),
  };
}

export function extensionLetter(
  locale: Locale,
  input: { name: string; organisation: string; reference: string; reason: string; due: string },
): Letter {
  return {
    template: 'requests.extension',
    subject: translate(locale, 'mail.request_extension.subject', { reference: input.reference }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_extension.body', { organisation: input.organisation }),
      input.reason,
      translate(locale, 'mail.request_extension.due', { due: longDate(locale, input.due) }),
      translate(locale, 'mail.request_complaint'),
    ]),
  };
}

/** What was done with the records found in one place (a connector's record type). */
export interface HandledRecords {
  place: string;
  counts: Partial<Record<'erase' | 'anonymise' | 'rectify' | 'restrict' | 'keep', number>>;
  keepReasons: string[];
}

/** The account of what was done where, and until when copies may remain in backups. */
export interface RecordsAccount {
  places: HandledRecords[];
  /** Null: a backup's rotation is not recorded; undefined: nothing was erased or changed. */
  backupsGoneOn?: string | null;
}

function recordsParagraphs(locale: Locale, account: RecordsAccount): string[] {
  if (account.places.length === 0) return [];
  const lines = account.places.map((place) => {
    const parts = (['erase', 'anonymise', 'rectify', 'restrict', 'keep'] as const)
      .filter((decision) => place.counts[decision])
      .map((decision) => translate(locale, `mail.request_records.${decision}`, { count: place.counts[decision] }));
    const reasons = place.keepReasons.length > 0 ? ` (${place.keepReasons.join('; ')})` : '';
    return `- ${place.place}: ${parts.join(', ')}${reasons}`;
  });
  const paragraphs = [`${translate(locale, 'mail.request_records.intro')}\n${lines.join('\n')}`];
  if (account.backupsGoneOn === null) paragraphs.push(translate(locale, 'mail.request_records.backups_unknown'));
  else if (account.backupsGoneOn)
    paragraphs.push(
      translate(locale, 'mail.request_records.backups', { date: longDate(locale, account.backupsGoneOn) }),
    );
  return paragraphs;
}

export function closingLetter(
  locale: Locale,
  input: {
    name: string;
    organisation: string;
    reference: string;
    outcome: 'completed' | 'partially_completed' | 'refused';
    note: string | null;
    records?: RecordsAccount;
  },
): Letter {
  const paragraphs = [
    translate(locale, 'mail.greeting', { name: input.name }),
    translate(locale, `mail.request_closed.${input.outcome}`, {
      organisation: input.organisation,
      reference: input.reference,
    }),
  ];
  if (input.note) paragraphs.push(input.note);
  if (input.records) paragraphs.push(...recordsParagraphs(locale, input.records));
  if (input.outcome !== 'completed') paragraphs.push(translate(locale, 'mail.request_complaint'));
  return {
    template: `requests.closed_${input.outcome}`,
    subject: translate(locale, 'mail.request_closed.subject', { reference: input.reference }),
    text: composeText(locale, paragraphs),
  };
}

export function reminderLetter(
  locale: Locale,
  input: { name: string; organisation: string; reference: string; right: TRequestRight; due: string; link: string },
): Letter {
  return {
    template: 'requests.reminder',
    subject: translate(locale, 'mail.request_reminder.subject', {
      reference: input.reference,
      due: longDate(locale, input.due),
    }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.request_reminder.body', {
        organisation: input.organisation,
        reference: input.reference,
        right: rightLabel(locale, input.right),
        due: longDate(locale, input.due),
      }),
      input.link,
    ]),
  };
}
