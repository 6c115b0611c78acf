import { describe, expect, it } from 'vitest';
import { ZRetentionFile } from './file-contract.ts';
import { nextRunAt, planRetentionChanges, valueChanges } from './rules.ts';

interface FileInput {
  version: number;
  organisation: string;
  connectors: { ref: string; name: string; kind: string; settings?: Record<string, unknown>; [key: string]: unknown }[];
  recordTypes: { ref: string; [key: string]: unknown }[];
  policies: { ref: string; holds: { reason: string; [key: string]: unknown }[]; [key: string]: unknown }[];
}

const baseFile: FileInput = {
  version: 1,
  organisation: 'bakkerij-jansen',
  connectors: [
    {
      ref: 'mail',
      name: 'Mailbox',
      kind: 'imap',
      settings: { host: 'mail.example.nl' },
      secrets: { password: 'mail' },
    },
    { ref: 'crm', name: 'CRM', kind: 'postgres', system: 'CRM', settings: { host: 'db', database: 'crm' } },
  ],
  recordTypes: [
    { ref: 'mail.inbox', connector: 'mail', name: 'INBOX en Verzonden', definition: { folders: ['INBOX', 'Sent'] } },
    { ref: 'crm.clients', connector: 'crm', name: 'Klanten', definition: { table: 'clients', key: ['id'] } },
  ],
  policies: [
    {
      ref: 'mail-12-months',
      name: 'Mail 12 maanden',
      recordType: 'mail.inbox',
      startEvent: { timestampField: 'internaldate' },
      period: { kind: 'after', amount: 12, unit: 'months' },
      holds: [
        {
          kind: 'condition',
          filters: [{ field: 'flags', operator: 'contains', value: '\\Flagged' }],
          reason: 'gemarkeerd',
        },
      ],
    },
  ],
};

const parse = (value: unknown) => ZRetentionFile.parse(value);
const edited = (edit: (file: FileInput) => void) => {
  const copy = structuredClone(baseFile);
  edit(copy);
  return parse(copy);
};

describe('planRetentionChanges', () => {
  it('no changes between a file and itself, even with defaults written out in one of them', () => {
    const current = parse(baseFile);
    const desired = edited((file) => {
      Object.assign(file.policies[0] as FileInput['policies'][number], {
        action: { kind: 'delete' },
        marginPercent: 10,
        isPaused: false,
      });
    });
    const plan = planRetentionChanges(current, desired);
    expect(plan.hasChanges).toBe(false);
    expect(plan.policies).toEqual({ added: [], changed: [], removed: [] });
  });

  it('a changed period shows as its field, from and to', () => {
    const desired = edited((file) => {
      file.policies[0] = {
        ...(file.policies[0] as FileInput['policies'][number]),
        period: { kind: 'after', amount: 6, unit: 'months' },
      };
    });
    expect(planRetentionChanges(parse(baseFile), desired).policies.changed).toEqual([
      { ref: 'mail-12-months', changes: [{ path: 'period.amount', from: 12, to: 6 }] },
    ]);
  });

  it('nested and listed values by dotted path: settings.host, holds.0.reason', () => {
    const desired = edited((file) => {
      file.connectors[0] = {
        ...(file.connectors[0] as FileInput['connectors'][number]),
        settings: { host: 'imap.example.nl' },
      };
      (file.policies[0]?.holds[0] as { reason: string }).reason = 'te bewaren';
    });
    const plan = planRetentionChanges(parse(baseFile), desired);
    expect(plan.connectors.changed).toEqual([
      { ref: 'mail', changes: [{ path: 'settings.host', from: 'mail.example.nl', to: 'imap.example.nl' }] },
    ]);
    expect(plan.policies.changed[0]?.changes).toEqual([
      { path: 'holds.0.reason', from: 'gemarkeerd', to: 'te bewaren' },
    ]);
  });

  it('added and removed entries by ref, per list', () => {
    const desired = edited((file) => {
      file.recordTypes = file.recordTypes.filter((recordType) => recordType.ref !== 'crm.clients');
      file.connectors.push({ ref: 'files', name: 'Sollicitaties', kind: 'files', settings: { directory: '/srv/cv' } });
    });
    const plan = planRetentionChanges(parse(baseFile), desired);
    expect(plan.connectors.added).toEqual(['files']);
    expect(plan.recordTypes.removed).toEqual(['crm.clients']);
    expect(plan.hasChanges).toBe(true);
  });

  it('a renamed ref is a removal and an addition, never a silent change', () => {
    const desired = edited((file) => {
      (file.policies[0] as FileInput['policies'][number]).ref = 'mail-one-year';
    });
    const plan = planRetentionChanges(parse(baseFile), desired);
    expect(plan.policies).toEqual({ added: ['mail-one-year'], changed: [], removed: ['mail-12-months'] });
  });

  it('an added hold shows every new leaf', () => {
    expect(valueChanges({ holds: [] }, { holds: [{ reason: 'x' }] })).toEqual([
      { path: 'holds.0', from: undefined, to: { reason: 'x' } },
    ]);
  });
});

describe('nextRunAt (Europe/Amsterdam)', () => {
  const daily = (time: string) => ({ frequency: 'daily' as const, time });

  it('daily at 02:00: tomorrow 02:00 CET when today’s has passed', () => {
    expect(nextRunAt(daily('02:00'), new Date('2026-12-03T12:00:00Z')).toISOString()).toBe('2026-12-04T01:00:00.000Z');
  });

  it('daily at 02:00: today when it is 01:30 in Amsterdam (00:30 UTC)', () => {
    expect(nextRunAt(daily('02:00'), new Date('2026-12-03T00:30:00Z')).toISOString()).toBe('2026-12-03T01:00:00.000Z');
  });

  it('strictly after: at the run time itself, the next day', () => {
    expect(nextRunAt(daily('02:00'), new Date('2026-12-03T01:00:00Z')).toISOString()).toBe('2026-12-04T01:00:00.000Z');
  });

  it('DST start (2026-03-29): 02:30 does not exist and runs at 03:30 CEST', () => {
    expect(nextRunAt(daily('02:30'), new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('DST start: 03:00 on the short day is 01:00 UTC, the day before 02:00 UTC', () => {
    expect(nextRunAt(daily('03:00'), new Date('2026-03-27T12:00:00Z')).toISOString()).toBe('2026-03-28T02:00:00.000Z');
    expect(nextRunAt(daily('03:00'), new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('DST end (2026-10-25): 02:30 happens twice and runs once, at the first', () => {
    const first = nextRunAt(daily('02:30'), new Date('2026-10-24T12:00:00Z'));
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextRunAt(daily('02:30'), first).toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('weekly on Monday 06:00 from a Thursday', () => {
    const schedule = { frequency: 'weekly' as const, weekday: 1, time: '06:00' };
    expect(nextRunAt(schedule, new Date('2026-12-03T12:00:00Z')).toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  it('weekly on the same weekday, later in the day: today', () => {
    const schedule = { frequency: 'weekly' as const, weekday: 4, time: '23:00' };
    expect(nextRunAt(schedule, new Date('2026-12-03T12:00:00Z')).toISOString()).toBe('2026-12-03T22:00:00.000Z');
  });

  it('monthly on the 31st: the last day of a shorter month (28 February, 29 in a leap year)', () => {
    const schedule = { frequency: 'monthly' as const, dayOfMonth: 31, time: '04:00' };
    expect(nextRunAt(schedule, new Date('2027-01-31T12:00:00Z')).toISOString()).toBe('2027-02-28T03:00:00.000Z');
    expect(nextRunAt(schedule, new Date('2028-02-01T12:00:00Z')).toISOString()).toBe('2028-02-29T03:00:00.000Z');
    expect(nextRunAt(schedule, new Date('2027-04-01T12:00:00Z')).toISOString()).toBe('2027-04-30T02:00:00.000Z');
  });

  it('monthly on the 15th, after this month’s run: next month, across the year end', () => {
    const schedule = { frequency: 'monthly' as const, dayOfMonth: 15, time: '09:00' };
    expect(nextRunAt(schedule, new Date('2026-12-15T10:00:00Z')).toISOString()).toBe('2027-01-15T08:00:00.000Z');
  });
});
