import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { FILTER_OPERATORS as CONTRACT_OPERATORS } from '../../../../src/connectors/connector.ts';
import {
  ZCreatePolicyRequest,
  ZHold,
  ZPolicyFlag,
  ZPolicyStatus,
  ZRunStatus,
  ZRunTrigger,
  ZUpdatePolicyRequest,
} from '../../../../src/modules/retention/contract.ts';
import { POLICY_STATUSES, RUN_STATUSES, type TPolicy } from '../../api/retention.ts';
import {
  conditionToFilter,
  emptyPolicyForm,
  FILTER_OPERATORS,
  filterToCondition,
  parseScalar,
  policyFormValues,
  policyRequest,
} from './policy-form.ts';
import { periodText, startEventText } from './policy-text.ts';

const i18nDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../i18n/retention');
const catalog = (locale: 'nl' | 'en') => JSON.parse(readFileSync(path.join(i18nDir, `${locale}.json`), 'utf8'));
const RECORD_TYPE_ID = '0b5a4a57-5a1e-4b8e-9a57-4a0e4d1d3c11';

describe('the policy form sends what the contract accepts', () => {
  it('a filled form: 4 weeks after mtime, delete, daily', () => {
    const values = { ...emptyPolicyForm(), name: 'Sollicitaties', recordTypeId: RECORD_TYPE_ID };
    values.startEvent.timestampField = 'mtime';
    values.period = { ...values.period, kind: 'after', amount: 4, unit: 'weeks' };
    const parsed = ZCreatePolicyRequest.safeParse(policyRequest(values));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.period).toEqual({ kind: 'after', amount: 4, unit: 'weeks' });
    expect(ZUpdatePolicyRequest.safeParse(policyRequest(values)).success).toBe(true);
  });

  it('end of year + 7 years, anonymise with an empty replacement, weekly on Monday, a structured condition', () => {
    const values = { ...emptyPolicyForm(), name: 'Facturen', recordTypeId: RECORD_TYPE_ID };
    values.startEvent = {
      timestampField: 'invoice_date',
      conditions: [{ field: 'status', operator: 'eq', value: 'closed' }],
      eventId: null,
    };
    values.period = { ...values.period, kind: 'end_of_year_plus', years: 7 };
    values.action = { ...values.action, kind: 'anonymise', fields: [{ field: 'email', replacement: '' }] };
    values.schedule = { frequency: 'weekly', weekday: '1', time: '03:30', dayOfMonth: 1 };
    const parsed = ZCreatePolicyRequest.parse(policyRequest(values));
    expect(parsed.period).toEqual({ kind: 'end_of_year_plus', years: 7 });
    expect(parsed.action).toEqual({ kind: 'anonymise', fields: [{ field: 'email', replacement: null }] });
    expect(parsed.schedule).toEqual({ frequency: 'weekly', weekday: 1, time: '03:30' });
    expect(parsed.startEvent.conditions).toEqual([{ field: 'status', operator: 'eq', value: 'closed' }]);
  });

  it('an empty amount is left for the server to refuse at the field the form shows', () => {
    const values = { ...emptyPolicyForm(), name: 'X', recordTypeId: RECORD_TYPE_ID };
    values.startEvent.timestampField = 'mtime';
    const parsed = ZCreatePolicyRequest.safeParse(policyRequest(values));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['period.amount']);
  });

  it('typed condition values become numbers, booleans, lists or text; null checks carry no value', () => {
    expect(parseScalar('12')).toBe(12);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar("O'Brien; --")).toBe("O'Brien; --");
    expect(conditionToFilter({ field: 'status', operator: 'in', value: 'open, closed, 3' })).toEqual({
      field: 'status',
      operator: 'in',
      value: ['open', 'closed', 3],
    });
    expect(conditionToFilter({ field: 'left_at', operator: 'is_not_null', value: 'x' })).toEqual({
      field: 'left_at',
      operator: 'is_not_null',
    });
    expect(filterToCondition({ field: 'status', operator: 'in', value: ['open', 3] })).toEqual({
      field: 'status',
      operator: 'in',
      value: 'open, 3',
    });
  });

  it('a stored policy round-trips through the form', () => {
    const policy = {
      name: 'Klanten',
      recordType: { id: RECORD_TYPE_ID, name: 'Klanten' },
      activity: null,
      startEvent: { timestampField: 'ended_at', conditions: [], eventId: null },
      period: { kind: 'after', amount: 12, unit: 'months' },
      legalReference: { presetId: null, reference: 'AVG art. 5' },
      action: { kind: 'delete' },
      schedule: { frequency: 'monthly', dayOfMonth: 31, time: '01:00' },
      owner: null,
      marginPercent: 25,
    } as unknown as TPolicy;
    const body = ZCreatePolicyRequest.parse(policyRequest(policyFormValues(policy)));
    expect(body).toMatchObject({
      period: policy.period,
      schedule: policy.schedule,
      marginPercent: 25,
      legalReference: { reference: 'AVG art. 5' },
    });
  });

  it('offers exactly the connector contract’s operators', () => {
    expect(FILTER_OPERATORS).toEqual([...CONTRACT_OPERATORS]);
  });
});

describe('retention texts', () => {
  it('name every status, flag, run status, trigger, hold kind and operator in Dutch and English', () => {
    expect(POLICY_STATUSES).toEqual(ZPolicyStatus.options);
    expect(RUN_STATUSES).toEqual(ZRunStatus.options);
    for (const locale of ['nl', 'en'] as const) {
      const texts = catalog(locale);
      const missing = [
        ...ZPolicyStatus.options.filter((status) => !texts.statuses[status]),
        ...ZPolicyFlag.shape.code.options.filter((code) => !texts.flags[code]),
        ...ZRunStatus.options.filter((status) => !texts.runStatuses[status]),
        ...ZRunTrigger.options.filter((trigger) => !texts.runs.triggers[trigger]),
        ...ZHold.options.map((option) => option.shape.kind.value).filter((kind) => !texts.holds.kinds[kind]),
        ...CONTRACT_OPERATORS.filter((operator) => !texts.operators[operator]),
      ];
      expect(missing).toEqual([]);
    }
  });

  it('says periods and start events in plain words', async () => {
    const t = await i18next.createInstance().init({
      lng: 'nl',
      interpolation: { escapeValue: false },
      resources: { nl: { translation: { retention: catalog('nl') } } },
    });
    expect(periodText(t, { kind: 'after', amount: 4, unit: 'weeks' })).toBe('4 weken');
    expect(periodText(t, { kind: 'after', amount: 1, unit: 'years' })).toBe('1 jaar');
    expect(periodText(t, { kind: 'end_of_year_plus', years: 7 })).toBe('einde jaar + 7 jaar');
    const startEvent = {
      timestampField: 'closed_at',
      conditions: [{ field: 'status', operator: 'eq' as const, value: 'closed' }],
      eventId: null,
    };
    expect(startEventText(t, { startEvent })).toBe('closed_at, als status is gelijk aan "closed"');
  });
});
