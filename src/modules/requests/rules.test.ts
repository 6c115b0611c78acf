import { describe, expect, it } from 'vitest';
import {
  backupsGoneOn,
  CONTENT_KEPT_DAYS,
  countsToCarryOut,
  deadlineOf,
  dueDatesOf,
  extensionRefusal,
  formatReference,
  heldRecordKeys,
  isDueForMinimising,
  isSamePreview,
  isUnconfirmedExpired,
  keepReasonFor,
  MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY,
  MAX_UNCONFIRMED_PER_ORGANISATION_PER_HOUR,
  normaliseEmail,
  reminderDue,
  reminderOnceKey,
  throttleVerdict,
} from './rules.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('references', () => {
  it('are the year of receipt and a four-digit running number', () => {
    expect(formatReference('2026-03-26', 3)).toBe('2026-0003');
    expect(formatReference('2027-01-01', 12345)).toBe('2027-12345');
    expect(formatReference('2026-03-26', null)).toBeNull();
  });
});

describe('due dates of a request', () => {
  it('take the Amsterdam date of the moment of receipt (23:30 UTC on 30 January is 31 January)', () => {
    // deadlines.md: received Sat 31 Jan 2026 → 28 Feb is a Saturday → Mon 2 Mar; extended → Thu 30 Apr.
    expect(dueDatesOf(new Date('2026-01-30T23:30:00Z'))).toEqual({
      receivedOn: '2026-01-31',
      originalDue: '2026-03-02',
      extendedDue: '2026-04-30',
    });
  });

  it('count days left and flag an overdue request', () => {
    const request = {
      receivedAt: new Date('2026-03-26T09:00:00Z'),
      originalDueOn: '2026-04-28',
      dueOn: '2026-04-28',
      extendedAt: null,
    };
    expect(deadlineOf(request, '2026-04-27')).toMatchObject({
      due: '2026-04-28',
      calendarDaysLeft: 1,
      workingDaysLeft: 1,
      isOverdue: false,
      isExtended: false,
      extensionNoticeDue: '2026-04-28',
    });
    expect(deadlineOf(request, '2026-04-29')).toMatchObject({ calendarDaysLeft: -1, isOverdue: true });
  });
});

describe('the extension (Art. 12(3))', () => {
  const open = { status: 'open' as const, extendedAt: null, originalDueOn: '2026-12-23' };

  it('is possible once, up to and on the original due date', () => {
    expect(extensionRefusal(open, '2026-12-23')).toBeNull();
    expect(extensionRefusal(open, '2026-12-24')).toBe('extension_too_late');
    expect(extensionRefusal({ ...open, extendedAt: new Date() }, '2026-12-01')).toBe('already_extended');
  });

  it('is not possible on a closed or unconfirmed request', () => {
    expect(extensionRefusal({ ...open, status: 'closed' }, '2026-12-01')).toBe('request_closed');
    expect(extensionRefusal({ ...open, status: 'unconfirmed' }, '2026-12-01')).toBe('request_unconfirmed');
  });
});

describe('throttling the public page', () => {
  it('refuses an address after its daily allowance, and an organisation under a flood of new addresses', () => {
    const calm = { fromAddressLastDay: 0, unconfirmedLastHour: 0 };
    expect(throttleVerdict(calm)).toBe('allowed');
    expect(throttleVerdict({ ...calm, fromAddressLastDay: MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY - 1 })).toBe('allowed');
    expect(throttleVerdict({ ...calm, fromAddressLastDay: MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY })).toBe('address_limit');
    expect(throttleVerdict({ ...calm, unconfirmedLastHour: MAX_UNCONFIRMED_PER_ORGANISATION_PER_HOUR })).toBe(
      'organisation_limit',
    );
  });

  it('compares e-mail addresses case-insensitively and without surrounding spaces', () => {
    expect(normaliseEmail('  Piet.Puk@Example.NL ')).toBe('piet.puk@example.nl');
  });
});

describe('reminders', () => {
  const due = '2026-12-23';
  const none = new Set<string>();

  it('are due a week before, a day before and on the day', () => {
    expect(reminderDue(due, '2026-12-15', none)).toBeNull();
    expect(reminderDue(due, '2026-12-16', none)).toBe('week_before');
    expect(reminderDue(due, '2026-12-22', none)).toBe('day_before');
    expect(reminderDue(due, '2026-12-23', none)).toBe('due_day');
    expect(reminderDue(due, '2026-12-24', none)).toBeNull();
  });

  it('go once each, and a missed day is caught up with the latest reminder only', () => {
    const sent = new Set([reminderOnceKey('week_before', due)]);
    expect(reminderDue(due, '2026-12-17', sent)).toBeNull();
    expect(reminderDue(due, '2026-12-22', sent)).toBe('day_before');
    // The job did not run between the 16th and the 22nd: one reminder, not two.
    expect(reminderDue(due, '2026-12-22', none)).toBe('day_before');
  });

  it('start again for a new due date after an extension', () => {
    const sent = new Set([reminderOnceKey('week_before', due)]);
    expect(reminderDue('2027-02-23', '2027-02-16', sent)).toBe('week_before');
  });
});

describe('minimisation', () => {
  const closedAt = new Date('2026-01-01T10:00:00Z');

  it('drops a closed request’s content after the kept period, once', () => {
    const justBefore = new Date(closedAt.getTime() + CONTENT_KEPT_DAYS * DAY - 1);
    const after = new Date(closedAt.getTime() + CONTENT_KEPT_DAYS * DAY);
    expect(isDueForMinimising({ closedAt, minimisedAt: null }, justBefore)).toBe(false);
    expect(isDueForMinimising({ closedAt, minimisedAt: null }, after)).toBe(true);
    expect(isDueForMinimising({ closedAt, minimisedAt: after }, after)).toBe(false);
    expect(isDueForMinimising({ closedAt: null, minimisedAt: null }, after)).toBe(false);
  });

  it('removes unconfirmed submissions after a week', () => {
    const createdAt = new Date('2026-11-23T09:00:00Z');
    expect(isUnconfirmedExpired({ status: 'unconfirmed', createdAt }, new Date(createdAt.getTime() + 6 * DAY))).toBe(
      false,
    );
    expect(isUnconfirmedExpired({ status: 'unconfirmed', createdAt }, new Date(createdAt.getTime() + 7 * DAY))).toBe(
      true,
    );
    expect(isUnconfirmedExpired({ status: 'open', createdAt }, new Date(createdAt.getTime() + 70 * DAY))).toBe(false);
  });
});

describe('carrying out decisions on found records', () => {
  const finding = (decision: string | null, actionStatus: string | null = null) => ({ decision, actionStatus });

  it('counts what is decided and not yet done, per decision; keep is never carried out', () => {
    const counts = countsToCarryOut([
      finding('erase'),
      finding('erase', 'failed'),
      finding('erase', 'done'),
      finding('anonymise', 'pending'),
      finding('restrict', 'held'),
      finding('keep'),
      finding(null),
    ]);
    expect(counts).toEqual({ erase: 2, anonymise: 1, restrict: 0, rectify: 0, keep: 0 });
  });

  it('accepts a confirmation only when it matches what would be done now', () => {
    const actual = { erase: 2, anonymise: 0, restrict: 1, rectify: 0, keep: 0 };
    expect(isSamePreview({ erase: 2, restrict: 1 }, actual)).toBe(true);
    expect(isSamePreview({ erase: 2 }, actual)).toBe(false);
    expect(isSamePreview({ erase: 2, restrict: 1, rectify: 1 }, actual)).toBe(false);
  });

  it('finds the keys under a records hold of a policy on the record type that has not expired', () => {
    const policies = [
      {
        recordType: { id: 'rt-1' },
        holds: [
          { kind: 'records', keys: ['4', '7'], expiresOn: null },
          { kind: 'records', keys: ['9'], expiresOn: '2026-11-01' },
          { kind: 'condition' },
        ],
      },
      { recordType: { id: 'rt-2' }, holds: [{ kind: 'records', keys: ['5'], expiresOn: null }] },
    ];
    expect([...heldRecordKeys(policies, 'rt-1', '2026-11-23')].sort()).toEqual(['4', '7']);
    expect([...heldRecordKeys(policies, 'rt-1', '2026-10-01')].sort()).toEqual(['4', '7', '9']);
  });

  it('suggests the reason to keep from the first policy with a legal reference', () => {
    const policies = [
      { recordType: { id: 'rt-1' }, name: 'Zonder grond', legalReference: { reference: '' } },
      { recordType: { id: 'rt-1' }, name: 'Facturen 7 jaar', legalReference: { reference: 'art. 52 AWR' } },
    ];
    expect(keepReasonFor(policies, 'rt-1')).toBe('Facturen 7 jaar: art. 52 AWR');
    expect(keepReasonFor(policies, 'rt-2')).toBeNull();
  });

  it('dates the end of backup copies by the longest rotation, or says it is unknown', () => {
    expect(backupsGoneOn('2026-11-23', [35, 7])).toBe('2026-12-28');
    expect(backupsGoneOn('2026-12-30', [3])).toBe('2027-01-02');
    expect(backupsGoneOn('2026-11-23', [35, null])).toBeNull();
    expect(backupsGoneOn('2026-11-23', [])).toBe('2026-11-23');
  });
});
