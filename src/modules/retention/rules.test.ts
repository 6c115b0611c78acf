import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { RECORD_KEY_FIELD } from '../../connectors/connector.ts';
import { retentionNl } from '../../reference/index.ts';
import type { TPeriod } from './contract.ts';
import {
  checkStatutoryMinimum,
  cutoffAt,
  cutoffFor,
  deletableFrom,
  firstKeptDate,
  type Hold,
  identityVariants,
  isAtLeast,
  type PolicyRules,
  periodText,
  type ReferencePeriod,
  referencePeriod,
  selectionFor,
  unenforceableHolds,
} from './rules.ts';

/** An instant given as Amsterdam wall-clock time, the way the examples below are written. */
const amsterdam = (dateTime: string) =>
  new Date(Temporal.PlainDateTime.from(dateTime).toZonedDateTime('Europe/Amsterdam').epochMilliseconds);

const months = (amount: number): TPeriod => ({ kind: 'after', amount, unit: 'months' });
const years = (amount: number): TPeriod => ({ kind: 'after', amount, unit: 'years' });
const weeks = (amount: number): TPeriod => ({ kind: 'after', amount, unit: 'weeks' });
const days = (amount: number): TPeriod => ({ kind: 'after', amount, unit: 'days' });
const endOfYearPlus = (amount: number): TPeriod => ({ kind: 'end_of_year_plus', years: amount });

const reference = (id: string) => retentionNl.periods.find((period) => period.id === id) as ReferencePeriod;

/** Whether a record dated `recordDate` is selected by the cut-off the rules compute on `today`. */
const isExpiredOn = (period: TPeriod, recordDate: string, today: string) =>
  recordDate < cutoffFor(period, amsterdam(`${today}T12:00`)).localDate;

describe('reference/retention-nl.json testCases', () => {
  const cases = retentionNl.testCases.map((testCase) => {
    const fields: Record<string, string | undefined> = testCase;
    const recordDate = fields.recordDate ?? fields.eventDate ?? fields.firstUse ?? fields.employmentEnded;
    return { policy: testCase.policy, recordDate: recordDate as string, deletableFrom: testCase.deletableFrom };
  });

  it.each(cases)('$policy: a record of $recordDate may be deleted from $deletableFrom', (testCase) => {
    const period = referencePeriod(reference(testCase.policy)) as TPeriod;
    expect(deletableFrom(period, testCase.recordDate)).toBe(testCase.deletableFrom);
  });

  it.each(cases)(
    '$policy: the cut-off selects the $recordDate record from $deletableFrom, not the day before',
    (testCase) => {
      const period = referencePeriod(reference(testCase.policy)) as TPeriod;
      const dayBefore = Temporal.PlainDate.from(testCase.deletableFrom).subtract({ days: 1 }).toString();
      expect(isExpiredOn(period, testCase.recordDate, testCase.deletableFrom)).toBe(true);
      expect(isExpiredOn(period, testCase.recordDate, dayBefore)).toBe(false);
    },
  );
});

describe('referencePeriod', () => {
  it('reads fiscal records as end of year + 7 years and client communication as 12 months', () => {
    expect(referencePeriod(reference('fiscal-records'))).toEqual(endOfYearPlus(7));
    expect(referencePeriod(reference('payroll-id-copy'))).toEqual(endOfYearPlus(5));
    expect(referencePeriod(reference('client-communication'))).toEqual(months(12));
    expect(referencePeriod(reference('applicants'))).toEqual(weeks(4));
    expect(referencePeriod(reference('personnel-file'))).toEqual(years(2));
  });

  it('has no period for a retention that runs until an event (newsletter: until consent is withdrawn)', () => {
    expect(referencePeriod(reference('newsletter'))).toBeNull();
  });
});

describe('cutoffFor', () => {
  it('12 months on 2026-11-22: records of 2025-11-22 and earlier are expired (cut-off 2025-11-23 00:00)', () => {
    const cutoff = cutoffFor(months(12), amsterdam('2026-11-22T09:00'));
    expect(cutoff.localDate).toBe('2025-11-23');
    expect(cutoff.localDateTime).toBe('2025-11-23T00:00:00');
    expect(cutoff.instant.toISOString()).toBe('2025-11-22T23:00:00.000Z');
  });

  it('leap day: on 2028-02-29 "1 year" expires the record of 2027-02-28 (it may go from 2028-02-28)', () => {
    const cutoff = cutoffFor(years(1), amsterdam('2028-02-29T12:00'));
    expect(cutoff.localDate).toBe('2027-03-01');
    expect('2027-02-28' < cutoff.localDate).toBe(true);
    expect('2027-03-01' < cutoff.localDate).toBe(false);
  });

  it('leap day: a record of 2024-02-29 is kept on 2025-02-27 and expired on 2025-02-28 (12 months)', () => {
    expect(isExpiredOn(months(12), '2024-02-29', '2025-02-27')).toBe(false);
    expect(isExpiredOn(months(12), '2024-02-29', '2025-02-28')).toBe(true);
  });

  it('leap day: "1 year" from 2028-02-29 constrains to 2029-02-28', () => {
    expect(deletableFrom(years(1), '2028-02-29')).toBe('2029-02-28');
    expect(isExpiredOn(years(1), '2028-02-29', '2029-02-27')).toBe(false);
    expect(isExpiredOn(years(1), '2028-02-29', '2029-02-28')).toBe(true);
  });

  it('month end: on 2025-03-31 "1 month" expires everything up to 2025-02-28 (28 February + 1 month = 28 March)', () => {
    expect(firstKeptDate(months(1), '2025-03-31')).toBe('2025-03-01');
    expect(firstKeptDate(months(1), '2025-03-28')).toBe('2025-03-01');
    expect(firstKeptDate(months(1), '2025-03-27')).toBe('2025-02-28');
    expect(firstKeptDate(months(1), '2025-04-01')).toBe('2025-03-02');
  });

  it('DST start: a cut-off on 2026-03-29 is midnight CET (23:00 UTC the day before)', () => {
    const cutoff = cutoffFor(months(12), amsterdam('2027-03-28T12:00'));
    expect(cutoff.localDate).toBe('2026-03-29');
    expect(cutoff.instant.toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('DST end: a cut-off on 2026-10-25 is midnight CEST (22:00 UTC the day before)', () => {
    const cutoff = cutoffFor(months(12), amsterdam('2027-10-24T12:00'));
    expect(cutoff.localDate).toBe('2026-10-25');
    expect(cutoff.instant.toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('a cut-off in summer time is 22:00 UTC, in winter time 23:00 UTC', () => {
    expect(cutoffAt('2026-07-01').instant.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(cutoffAt('2026-01-01').instant.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it('"today" is the Amsterdam date: 00:30 on 2026-03-29 in Amsterdam is still 2026-03-28 in UTC', () => {
    const now = new Date('2026-03-28T23:30:00Z');
    expect(cutoffFor(days(1), now).localDate).toBe('2026-03-29');
  });

  it('end of year + 7 years: from 1 January 2034 (Amsterdam) records of 2026 are expired', () => {
    const newYear = cutoffFor(endOfYearPlus(7), new Date('2033-12-31T23:00:00Z'));
    expect(newYear.localDate).toBe('2027-01-01');
    expect(newYear.instant.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    const newYearsEve = cutoffFor(endOfYearPlus(7), new Date('2033-12-31T22:59:59Z'));
    expect(newYearsEve.localDate).toBe('2026-01-01');
  });

  it('end of year + N years: the invoice of 31 December and of 1 January of the same year go together', () => {
    expect(isExpiredOn(endOfYearPlus(7), '2026-01-01', '2033-12-31')).toBe(false);
    expect(isExpiredOn(endOfYearPlus(7), '2026-12-31', '2034-01-01')).toBe(true);
    expect(isExpiredOn(endOfYearPlus(7), '2026-01-01', '2034-01-01')).toBe(true);
  });

  it('0 months (CRM leavers: remove promptly): everything up to and including today is expired', () => {
    expect(cutoffFor(months(0), amsterdam('2026-12-03T08:00')).localDate).toBe('2026-12-04');
  });

  it('4 weeks is 28 days, 7 days is a week', () => {
    expect(firstKeptDate(weeks(4), '2026-11-30')).toBe('2026-11-03');
    expect(firstKeptDate(days(7), '2026-11-30')).toBe(firstKeptDate(weeks(1), '2026-11-30'));
  });

  it('agrees with deletableFrom for every record date around every cut-off (Dec 2027 – Apr 2028, a leap year)', () => {
    const periods = [months(1), months(12), years(1), weeks(4), days(0), months(3), endOfYearPlus(7), years(4)];
    const mismatches: string[] = [];
    for (let day = Temporal.PlainDate.from('2027-12-01'); day.toString() < '2028-04-01'; day = day.add({ days: 3 })) {
      const today = day.toString();
      for (const period of periods) {
        const kept = Temporal.PlainDate.from(firstKeptDate(period, today));
        for (let offset = -40; offset <= 40; offset++) {
          const record = kept.add({ days: offset }).toString();
          const isExpired = record < kept.toString();
          if (isExpired !== deletableFrom(period, record) <= today)
            mismatches.push(`${periodText(period, 'en')} ${record} @ ${today}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('checkStatutoryMinimum (reference/retention-nl.json fiscal-records: 7 years from the end of the fiscal year)', () => {
  const fiscal = reference('fiscal-records');

  it('allows end of year + 7 years and longer', () => {
    expect(checkStatutoryMinimum(endOfYearPlus(7), fiscal)).toEqual({ isAllowed: true });
    expect(checkStatutoryMinimum(endOfYearPlus(10), fiscal)).toEqual({ isAllowed: true });
  });

  it('refuses end of year + 6 years, with the reference and the minimum', () => {
    expect(checkStatutoryMinimum(endOfYearPlus(6), fiscal)).toEqual({
      isAllowed: false,
      code: 'retention_below_statutory_minimum',
      params: {
        presetId: 'fiscal-records',
        reference: fiscal.ref,
        minimum: 'end of year + 7 years',
        minimumStart: 'end-of-fiscal-year',
      },
    });
  });

  it('refuses "7 years" from the record date: an invoice of March would go before the fiscal period ends', () => {
    expect(checkStatutoryMinimum(years(7), fiscal).isAllowed).toBe(false);
    expect(checkStatutoryMinimum(months(84), fiscal).isAllowed).toBe(false);
  });

  it('allows "8 years" (96 months) from the record date: always past the end of the year + 7', () => {
    expect(checkStatutoryMinimum(years(8), fiscal).isAllowed).toBe(true);
    expect(checkStatutoryMinimum(months(96), fiscal).isAllowed).toBe(true);
  });

  it('payroll ID copies: 5 years after the end of the year employment ended', () => {
    const idCopy = reference('payroll-id-copy');
    expect(checkStatutoryMinimum(endOfYearPlus(4), idCopy).isAllowed).toBe(false);
    expect(checkStatutoryMinimum(endOfYearPlus(5), idCopy).isAllowed).toBe(true);
  });

  it('guidance and policy periods are no minimum: applicants may go after 1 day', () => {
    expect(checkStatutoryMinimum(days(1), reference('applicants'))).toEqual({ isAllowed: true });
    expect(checkStatutoryMinimum(days(1), reference('client-communication'))).toEqual({ isAllowed: true });
  });

  it('without a reference period anything is allowed', () => {
    expect(checkStatutoryMinimum(days(0), null)).toEqual({ isAllowed: true });
  });
});

describe('isAtLeast', () => {
  it('12 months and 1 year are equal both ways', () => {
    expect(isAtLeast(months(12), years(1))).toBe(true);
    expect(isAtLeast(years(1), months(12))).toBe(true);
  });

  it('52 weeks are shorter than a year, 366 days are not', () => {
    expect(isAtLeast(weeks(52), years(1))).toBe(false);
    expect(isAtLeast(days(366), years(1))).toBe(true);
    expect(isAtLeast(days(365), years(1))).toBe(false);
  });

  it('end of year + N is at least N years from any date, but not N + 1', () => {
    expect(isAtLeast(endOfYearPlus(7), years(7))).toBe(true);
    expect(isAtLeast(endOfYearPlus(7), years(8))).toBe(false);
  });
});

describe('selectionFor', () => {
  const now = amsterdam('2026-12-03T10:00');
  const mail: PolicyRules = {
    startEvent: { timestampField: 'internaldate', conditions: [] },
    period: months(12),
    action: { kind: 'delete' },
  };
  const identityFields = [
    { field: 'email', kind: 'email' as const },
    { field: 'phone', kind: 'phone' as const },
    { field: 'full_name', kind: 'name' as const },
  ];

  it('selects on the start event field before the period cut-off, with no exclusions', () => {
    expect(selectionFor(mail, now, [])).toEqual({
      timestampField: 'internaldate',
      cutoff: cutoffFor(months(12), now),
      conditions: [],
      exclusions: [],
    });
  });

  it('passes the start event conditions (status = closed) as conditions', () => {
    const applicants: PolicyRules = {
      ...mail,
      startEvent: { timestampField: 'closed_at', conditions: [{ field: 'status', operator: 'eq', value: 'closed' }] },
    };
    expect(selectionFor(applicants, now, []).conditions).toEqual([
      { field: 'status', operator: 'eq', value: 'closed' },
    ]);
  });

  it('NULL: "= null" becomes "is empty" and "<> null" "is not empty" (in SQL they match nothing)', () => {
    const policy: PolicyRules = {
      ...mail,
      startEvent: {
        timestampField: 'left_at',
        conditions: [
          { field: 'deleted_at', operator: 'eq', value: null },
          { field: 'left_at', operator: 'ne', value: null },
        ],
      },
    };
    expect(selectionFor(policy, now, []).conditions).toEqual([
      { field: 'deleted_at', operator: 'is_null' },
      { field: 'left_at', operator: 'is_not_null' },
    ]);
  });

  it('a condition hold is one exclusion group: records meeting all its filters are kept', () => {
    const flagged: Hold = {
      kind: 'condition',
      id: 'h1',
      reason: 'gemarkeerde berichten',
      filters: [
        { field: 'flags', operator: 'contains', value: '\\Flagged' },
        { field: 'folder', operator: 'ne', value: null },
      ],
    };
    expect(selectionFor(mail, now, [flagged]).exclusions).toEqual([
      [
        { field: 'flags', operator: 'contains', value: '\\Flagged' },
        { field: 'folder', operator: 'is_not_null' },
      ],
    ]);
  });

  it('a legal hold on records excludes their keys', () => {
    const hold: Hold = {
      kind: 'records',
      id: 'h2',
      keys: ['INBOX/1/17', 'INBOX/1/18'],
      reason: 'dispute',
      expiresOn: null,
    };
    expect(selectionFor(mail, now, [hold]).exclusions).toEqual([
      [{ field: RECORD_KEY_FIELD, operator: 'in', value: ['INBOX/1/17', 'INBOX/1/18'] }],
    ]);
  });

  it('a legal hold applies through its expiry day and is ignored the day after (Amsterdam days)', () => {
    const hold: Hold = { kind: 'records', id: 'h3', keys: ['7'], reason: 'audit', expiresOn: '2026-12-01' };
    expect(selectionFor(mail, amsterdam('2026-12-01T23:59'), [hold]).exclusions).toHaveLength(1);
    // 23:30 UTC on 1 December is 00:30 on 2 December in Amsterdam: the hold has expired.
    expect(selectionFor(mail, new Date('2026-12-01T23:30:00Z'), [hold]).exclusions).toEqual([]);
  });

  it('a legal hold on a person: one exclusion group per identity field, with the usual spellings', () => {
    const hold: Hold = {
      kind: 'identity',
      id: 'h4',
      reason: 'lawsuit',
      expiresOn: null,
      identity: { emails: ['Jan@Example.nl'], phones: ['+31 6 1234 5678'], names: [] },
    };
    expect(selectionFor(mail, now, [hold], { identityFields }).exclusions).toEqual([
      [{ field: 'email', operator: 'in', value: ['Jan@Example.nl', 'jan@example.nl'] }],
      [{ field: 'phone', operator: 'in', value: ['+31 6 1234 5678', '+31612345678', '0612345678'] }],
    ]);
  });

  it('anonymise: records whose replaced fields already hold the replacement are excluded, so a run never loops', () => {
    const policy: PolicyRules = {
      ...mail,
      action: {
        kind: 'anonymise',
        fields: [
          { field: 'email', replacement: null },
          { field: 'name', replacement: 'Anoniem' },
        ],
      },
    };
    expect(selectionFor(policy, now, []).exclusions).toEqual([
      [
        { field: 'email', operator: 'is_null' },
        { field: 'name', operator: 'eq', value: 'Anoniem' },
      ],
    ]);
  });

  it('the anonymised marker comes after the holds; delete and archive have none', () => {
    const hold: Hold = { kind: 'records', id: 'h5', keys: ['1'], reason: 'x', expiresOn: null };
    const anonymise: PolicyRules = {
      ...mail,
      action: { kind: 'anonymise', fields: [{ field: 'email', replacement: null }] },
    };
    expect(selectionFor(anonymise, now, [hold]).exclusions.at(-1)).toEqual([{ field: 'email', operator: 'is_null' }]);
    const archive: PolicyRules = {
      ...mail,
      action: { kind: 'archive', targetRecordTypeId: 'x', fieldMapping: [{ from: 'a', to: 'b' }] },
    };
    expect(selectionFor(archive, now, []).exclusions).toEqual([]);
  });
});

describe('unenforceableHolds', () => {
  const now = amsterdam('2026-12-03T10:00');
  const personHold: Hold = {
    kind: 'identity',
    id: 'h1',
    reason: 'lawsuit',
    expiresOn: null,
    identity: { emails: ['jan@example.nl'], phones: [], names: [] },
  };

  it('reports a person hold on a record type without a field of the kinds it names', () => {
    expect(unenforceableHolds([personHold], [{ field: 'phone', kind: 'phone' }], now)).toEqual([
      { holdId: 'h1', reason: 'lawsuit' },
    ]);
  });

  it('is empty when an e-mail field carries the hold, and ignores expired holds', () => {
    expect(unenforceableHolds([personHold], [{ field: 'email', kind: 'email' }], now)).toEqual([]);
    expect(unenforceableHolds([{ ...personHold, expiresOn: '2026-12-02' }], [], now)).toEqual([]);
  });
});

describe('identityVariants', () => {
  it('e-mail: as written and in lower case', () => {
    expect(identityVariants('email', ' Jan@Example.NL ')).toEqual(['Jan@Example.NL', 'jan@example.nl']);
  });

  it('phone: national and international Dutch forms', () => {
    expect(identityVariants('phone', '06-12345678')).toEqual(['06-12345678', '0612345678', '+31612345678']);
    expect(identityVariants('phone', '0031 6 12345678')).toEqual([
      '0031 6 12345678',
      '0031612345678',
      '+31612345678',
      '0612345678',
    ]);
  });

  it('name: spaces collapsed', () => {
    expect(identityVariants('name', 'Jan  de Vries')).toEqual(['Jan  de Vries', 'Jan de Vries']);
  });
});
