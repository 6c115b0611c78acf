/**
 * The mails of the breach register: the 72-hour clock's reminder to the privacy officers and owners, and the
 * communication to the people affected (Art. 34(2): the nature of the breach, the contact point, the likely
 * consequences, the measures taken and what people can do themselves, in clear and plain language). Plain text:
 * nothing a person typed can become markup.
 */
import { type Locale, translate } from '../../platform/i18n/index.ts';
import { composeText } from '../../platform/mail/layout.ts';
import { longDate } from '../../shared/dates.ts';
import type { LocalMoment } from './clock-rules.ts';

export interface Letter {
  template: string;
  subject: string;
  text: string;
}

const say = (locale: Locale, key: string, params?: Record<string, unknown>) =>
  translate(locale, `mail.breach_${key}`, params);

/** `vrijdag 4 december 2026 om 14:30` / `Friday 4 December 2026 at 14:30`. */
export const momentText = (locale: Locale, moment: LocalMoment) =>
  say(locale, 'moment', { date: longDate(locale, moment.date), time: moment.time });

export function clockReminderLetter(
  locale: Locale,
  input: {
    name: string;
    organisation: string;
    reference: string;
    hoursLeft: number;
    deadline: LocalMoment;
    link: string;
  },
): Letter {
  return {
    template: 'breaches.reminder',
    subject: say(locale, 'reminder.subject', { reference: input.reference, hours: input.hoursLeft }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      say(locale, 'reminder.body', {
        organisation: input.organisation,
        reference: input.reference,
        hours: input.hoursLeft,
        deadline: momentText(locale, input.deadline),
      }),
      say(locale, 'reminder.decide'),
      input.link,
    ]),
  };
}

/** To a client's privacy officers and owners: their ICT provider recorded a breach that touches them (Art. 33(2)). */
export function providerNoticeLetter(
  locale: Locale,
  input: {
    name: string;
    organisation: string;
    provider: string;
    reference: string;
    deadline: LocalMoment;
    link: string;
  },
): Letter {
  return {
    template: 'breaches.provider_notice',
    subject: say(locale, 'provider.subject', { provider: input.provider, reference: input.reference }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      say(locale, 'provider.body', {
        organisation: input.organisation,
        provider: input.provider,
        reference: input.reference,
        deadline: momentText(locale, input.deadline),
      }),
      input.link,
    ]),
  };
}

/** What the letter to the people affected says; each part written for them, prefilled from the incident. */
export interface SubjectLetterContent {
  organisation: string;
  /** The contact point (Art. 33(3)(b)): who answers questions, and how. */
  contact: string;
  whatHappened: string;
  consequences: string;
  measures: string;
  /** What people can do themselves (change a password, watch for phishing); may be empty. */
  advice: string;
}

export function subjectLetter(locale: Locale, content: SubjectLetterContent): Letter {
  const part = (key: string, text: string) => `${say(locale, `subjects.${key}`)}\n${text.trim()}`;
  return {
    template: 'breaches.subjects',
    subject: say(locale, 'subjects.subject', { organisation: content.organisation }),
    text: [
      say(locale, 'subjects.greeting'),
      say(locale, 'subjects.intro', { organisation: content.organisation }),
      part('whatHappened', content.whatHappened),
      part('consequences', content.consequences),
      part('measures', content.measures),
      ...(content.advice.trim() ? [part('advice', content.advice)] : []),
      part('contact', content.contact),
      say(locale, 'subjects.apology'),
      say(locale, 'subjects.signoff', { organisation: content.organisation }),
    ].join('\n\n'),
  };
}
