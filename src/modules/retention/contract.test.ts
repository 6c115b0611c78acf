import { describe, expect, it } from 'vitest';
import { ZCreatePolicyRequest, ZFilter, ZHoldInput, ZSchedule } from './contract.ts';
import { ZRetentionFile } from './file-contract.ts';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('ZFilter', () => {
  it('accepts a value for comparisons, a list for in, nothing for null checks', () => {
    expect(ZFilter.safeParse({ field: 'status', operator: 'eq', value: 'closed' }).success).toBe(true);
    expect(ZFilter.safeParse({ field: 'status', operator: 'in', value: ['a', 'b'] }).success).toBe(true);
    expect(ZFilter.safeParse({ field: 'left_at', operator: 'is_null' }).success).toBe(true);
  });

  it('refuses the wrong shapes with a field error on value', () => {
    expect(issues(ZFilter.safeParse({ field: 'status', operator: 'in', value: 'a' }))).toEqual([
      'value: validation.filter_value_shape',
    ]);
    expect(issues(ZFilter.safeParse({ field: 'status', operator: 'eq', value: ['a'] }))).toEqual([
      'value: validation.filter_value_shape',
    ]);
    expect(issues(ZFilter.safeParse({ field: 'left_at', operator: 'is_null', value: null }))).toEqual([
      'value: validation.filter_value_not_expected',
    ]);
    expect(issues(ZFilter.safeParse({ field: 'status', operator: 'eq' }))).toEqual(['value: validation.required']);
  });

  it('refuses raw SQL as an operator', () => {
    expect(ZFilter.safeParse({ field: 'status', operator: "= 'x' OR 1=1 --", value: 1 }).success).toBe(false);
  });
});

describe('ZCreatePolicyRequest', () => {
  const minimal = {
    name: 'Mail 12 maanden',
    recordTypeId: '7d9f3c1e-2b4a-4c6d-8e0f-1a2b3c4d5e6f',
    startEvent: { timestampField: 'internaldate' },
    period: { kind: 'after', amount: 12, unit: 'months' },
  };

  it('fills in a delete action, no holds, a daily 02:00 schedule and a 10 % margin', () => {
    expect(ZCreatePolicyRequest.parse(minimal)).toMatchObject({
      activityId: null,
      action: { kind: 'delete' },
      holds: [],
      schedule: { frequency: 'daily', time: '02:00' },
      marginPercent: 10,
      startEvent: { timestampField: 'internaldate', conditions: [], eventId: null },
    });
  });

  it('an anonymise action names at least one field; an archive action a mapping', () => {
    expect(ZCreatePolicyRequest.safeParse({ ...minimal, action: { kind: 'anonymise', fields: [] } }).success).toBe(
      false,
    );
    expect(
      ZCreatePolicyRequest.safeParse({
        ...minimal,
        action: { kind: 'archive', targetRecordTypeId: minimal.recordTypeId, fieldMapping: [] },
      }).success,
    ).toBe(false);
  });

  it('refuses unknown fields (strict)', () => {
    expect(ZCreatePolicyRequest.safeParse({ ...minimal, sql: 'DELETE FROM x' }).success).toBe(false);
  });
});

describe('ZHoldInput', () => {
  it('a legal hold on a person needs at least one identity', () => {
    const hold = { kind: 'identity', reason: 'rechtszaak', identity: {} };
    expect(ZHoldInput.safeParse(hold).success).toBe(false);
    expect(ZHoldInput.safeParse({ ...hold, identity: { emails: ['jan@example.nl'] } }).success).toBe(true);
  });

  it('an expiry is a calendar date', () => {
    const hold = { kind: 'records', keys: ['1'], reason: 'audit', expiresOn: '2027-02-30' };
    expect(ZHoldInput.safeParse(hold).success).toBe(false);
  });
});

describe('ZSchedule', () => {
  it('times are HH:MM on a 24-hour clock', () => {
    expect(ZSchedule.safeParse({ frequency: 'daily', time: '24:00' }).success).toBe(false);
    expect(ZSchedule.safeParse({ frequency: 'daily', time: '23:59' }).success).toBe(true);
    expect(ZSchedule.safeParse({ frequency: 'weekly', weekday: 0, time: '06:00' }).success).toBe(false);
  });
});

describe('ZRetentionFile', () => {
  const file = {
    version: 1,
    organisation: 'bakkerij-jansen',
    connectors: [{ ref: 'crm', name: 'CRM', kind: 'postgres' }],
    recordTypes: [{ ref: 'crm.clients', connector: 'crm', name: 'Klanten', definition: {} }],
    policies: [],
  };

  it('accepts a small file', () => {
    expect(ZRetentionFile.safeParse(file).success).toBe(true);
  });

  it('refs are unique per list and must point at entries in the file', () => {
    const broken = {
      ...file,
      connectors: [...file.connectors, { ref: 'crm', name: 'CRM 2', kind: 'mysql' }],
      recordTypes: [...file.recordTypes, { ref: 'mail', connector: 'mailbox', name: 'Mail', definition: {} }],
      policies: [
        {
          ref: 'p',
          name: 'P',
          recordType: 'crm.clients',
          startEvent: { timestampField: 'ended_at' },
          period: { kind: 'after', amount: 12, unit: 'months' },
          action: { kind: 'archive', targetRecordType: 'nowhere', fieldMapping: [{ from: 'a', to: 'b' }] },
        },
      ],
    };
    expect(issues(ZRetentionFile.safeParse(broken))).toEqual([
      'connectors.1.ref: validation.name_taken',
      'recordTypes.1.connector: validation.unknown_reference',
      'policies.0.action.targetRecordType: validation.unknown_reference',
    ]);
  });

  it('holds legal holds out: only condition holds belong in a shared file', () => {
    const withLegalHold = {
      ...file,
      policies: [
        {
          ref: 'p',
          name: 'P',
          recordType: 'crm.clients',
          startEvent: { timestampField: 'ended_at' },
          period: { kind: 'after', amount: 12, unit: 'months' },
          holds: [{ kind: 'records', keys: ['1'], reason: 'audit' }],
        },
      ],
    };
    expect(ZRetentionFile.safeParse(withLegalHold).success).toBe(false);
  });

  it('names secrets (letters, digits, . _ -) instead of carrying their values', () => {
    const withSecret = { ...file, connectors: [{ ...file.connectors[0], secrets: { password: 'crm db password' } }] };
    expect(ZRetentionFile.safeParse(withSecret).success).toBe(false);
    const named = { ...file, connectors: [{ ...file.connectors[0], secrets: { password: 'crm-db-password' } }] };
    expect(ZRetentionFile.safeParse(named).success).toBe(true);
  });
});

describe('actions', () => {
  const policy = {
    name: 'Formulieren',
    recordTypeId: '7d9f3c1e-2b4a-4c6d-8e0f-1a2b3c4d5e6f',
    startEvent: { timestampField: 'submitted_at' },
    period: { kind: 'after', amount: 3, unit: 'months' },
  };

  it('an archive action cannot target its own record type', () => {
    const action = { kind: 'archive', targetRecordTypeId: policy.recordTypeId, fieldMapping: [{ from: 'a', to: 'b' }] };
    expect(issues(ZCreatePolicyRequest.safeParse({ ...policy, action }))).toEqual([
      'action.targetRecordTypeId: validation.archive_to_itself',
    ]);
  });

  it('a field is anonymised once, and two columns are not archived into one', () => {
    const anonymise = {
      kind: 'anonymise',
      fields: [
        { field: 'email', replacement: null },
        { field: 'email', replacement: 'x' },
      ],
    };
    expect(issues(ZCreatePolicyRequest.safeParse({ ...policy, action: anonymise }))).toEqual([
      'action.fields.1: validation.field_listed_twice',
    ]);
    const archive = {
      kind: 'archive',
      targetRecordTypeId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      fieldMapping: [
        { from: 'first_name', to: 'name' },
        { from: 'last_name', to: 'name' },
      ],
    };
    expect(issues(ZCreatePolicyRequest.safeParse({ ...policy, action: archive }))).toEqual([
      'action.fieldMapping.1: validation.field_listed_twice',
    ]);
  });
});
