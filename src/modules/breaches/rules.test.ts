import { describe, expect, it } from 'vitest';
import { clockStatus } from './clock-rules.ts';
import { subjectLetter } from './letters.ts';
import {
  clockReminderOnceKey,
  dueClockReminder,
  formatIncidentReference,
  playbookErrors,
  type ReminderFacts,
  STANDARD_PLAYBOOK,
  startingPlaybook,
} from './rules.ts';

const HOUR = 60 * 60 * 1000;
const awareAt = new Date('2026-11-23T07:30:00Z');
const at = (hoursAfterAwareness: number) => new Date(awareAt.getTime() + hoursAfterAwareness * HOUR);

/** The facts of an incident read `hours` after awareness, nobody notified, nothing decided, nothing sent. */
function factsAt(hours: number, extra: Partial<ReminderFacts> = {}): ReminderFacts {
  const status = clockStatus({ awareAt, now: at(hours) });
  return {
    reminders: status.reminders,
    isOverdue: status.isOverdue,
    isAuthorityNotified: false,
    decidedToNotifyAuthority: null,
    sentOnceKeys: new Set(),
    ...extra,
  };
}

describe('the 72-hour clock reminders', () => {
  it('sends nothing before 24 hours are left', () => {
    expect(dueClockReminder(factsAt(47.9))).toBeNull();
  });

  it('sends the 24-hour reminder from 48 hours after awareness, once', () => {
    expect(dueClockReminder(factsAt(48))).toBe(24);
    expect(dueClockReminder(factsAt(50, { sentOnceKeys: new Set([clockReminderOnceKey(24)]) }))).toBeNull();
  });

  it('sends the 8-hour reminder at 64 hours, after the 24-hour one went out', () => {
    expect(dueClockReminder(factsAt(64, { sentOnceKeys: new Set([clockReminderOnceKey(24)]) }))).toBe(8);
  });

  it('skips a stale 24-hour reminder when the incident is recorded with less than 8 hours left', () => {
    expect(dueClockReminder(factsAt(65))).toBe(8);
    expect(dueClockReminder(factsAt(66, { sentOnceKeys: new Set([clockReminderOnceKey(8)]) }))).toBeNull();
  });

  it('stops once the authority is notified, once the user decided not to notify, and after the deadline', () => {
    expect(dueClockReminder(factsAt(60, { isAuthorityNotified: true }))).toBeNull();
    expect(dueClockReminder(factsAt(60, { decidedToNotifyAuthority: false }))).toBeNull();
    expect(dueClockReminder(factsAt(60, { decidedToNotifyAuthority: true }))).toBe(24);
    expect(dueClockReminder(factsAt(72.1))).toBeNull();
  });
});

describe('incident references', () => {
  it('reads DL, the year of awareness and a three-digit running number', () => {
    expect(formatIncidentReference(awareAt, 3)).toBe('DL-2026-003');
    expect(formatIncidentReference(awareAt, 1234)).toBe('DL-2026-1234');
  });
});

describe('the letter to the people affected (Art. 34(2))', () => {
  const content = {
    organisation: 'Bakkerij De Korst',
    contact: 'Privacyverantwoordelijke: Sanne de Vries, privacy@dekorst.example',
    whatHappened: 'Een medewerker verstuurde een klantenlijst naar het verkeerde adres.',
    consequences: 'Uw naam en e-mailadres zijn bij één verkeerde ontvanger terechtgekomen.',
    measures: 'De ontvanger heeft de e-mail verwijderd en dat bevestigd.',
    advice: '',
  };

  it('holds the nature of the breach, the contact, the consequences and the measures, signed by the organisation', () => {
    const letter = subjectLetter('nl', content);
    for (const part of [content.whatHappened, content.consequences, content.measures, content.contact])
      expect(letter.text).toContain(part);
    expect(letter.subject).toContain('Bakkerij De Korst');
    expect(letter.text).toContain('Autoriteit Persoonsgegevens');
    expect(letter.text.trimEnd().endsWith('Bakkerij De Korst')).toBe(true);
    expect(letter.text).not.toContain('Wat kunt u zelf doen?');
  });

  it('adds what people can do themselves when given, in English too', () => {
    const letter = subjectLetter('en', { ...content, advice: 'Be wary of e-mails that ask for your password.' });
    expect(letter.text).toContain('What can you do yourself?\nBe wary of e-mails that ask for your password.');
    expect(letter.text).toContain('Dear Sir or Madam,');
  });
});

describe('the organisation’s playbook', () => {
  it('starts incidents with the standard playbook until the organisation has its own', () => {
    expect(startingPlaybook([]).map((step) => step.stepKey)).toEqual(STANDARD_PLAYBOOK.map((step) => step.key));
    const own = [{ phase: 'contain' as const, stepKey: null, title: 'ICT-partner bellen: 010-1234567' }];
    expect(startingPlaybook(own)).toEqual(own);
  });

  it('accepts standard steps by key and own steps with a title, and names each bad step', () => {
    expect(playbookErrors([{ phase: 'contain', stepKey: 'stop_leak', title: '' }])).toEqual([]);
    expect(
      playbookErrors([
        { phase: 'contain', stepKey: 'stop_leak', title: '' },
        { phase: 'assess', stepKey: 'made_up', title: '' },
        { phase: 'notify', stepKey: null, title: '  ' },
      ]),
    ).toEqual([
      { path: 'steps.1.stepKey', code: 'unknown_reference' },
      { path: 'steps.2.title', code: 'required' },
    ]);
  });
});
