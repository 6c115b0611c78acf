import type { TCreatePolicyInput, TFilter, TPolicy } from '../../api/retention.ts';

/**
 * The policy form's values and their translation to the request: the form keeps every variant's fields (a period
 * "after" and "end of year plus", each action's fields), so switching back and forth loses nothing, and sends
 * only the chosen one. Paths match the request's, so the server's field errors land on the right inputs.
 */

export interface ConditionValues {
  field: string;
  operator: TFilter['operator'];
  /** As typed; a list (`in`) is comma-separated. */
  value: string;
}

export interface PolicyFormValues {
  name: string;
  recordTypeId: string | null;
  activityId: string | null;
  startEvent: { timestampField: string; conditions: ConditionValues[]; eventId: string | null };
  period: {
    kind: 'after' | 'end_of_year_plus';
    amount: number | '';
    unit: 'days' | 'weeks' | 'months' | 'years';
    years: number | '';
  };
  action: {
    kind: 'delete' | 'anonymise' | 'archive';
    fields: { field: string; replacement: string }[];
    targetRecordTypeId: string | null;
    fieldMapping: { from: string; to: string }[];
  };
  schedule: { frequency: 'daily' | 'weekly' | 'monthly'; time: string; weekday: string; dayOfMonth: number | '' };
  ownerUserId: string | null;
  marginPercent: number | '';
  legalReference: { presetId: string | null; reference: string };
}

export const FILTER_OPERATORS: TFilter['operator'][] = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'not_in',
  'is_null',
  'is_not_null',
  'contains',
];

export const emptyPolicyForm = (): PolicyFormValues => ({
  name: '',
  recordTypeId: null,
  activityId: null,
  startEvent: { timestampField: '', conditions: [], eventId: null },
  period: { kind: 'after', amount: '', unit: 'months', years: 7 },
  action: { kind: 'delete', fields: [], targetRecordTypeId: null, fieldMapping: [] },
  schedule: { frequency: 'daily', time: '02:00', weekday: '1', dayOfMonth: 1 },
  ownerUserId: null,
  marginPercent: 10,
  legalReference: { presetId: null, reference: '' },
});

type Scalar = string | number | boolean | null;

/** A typed value as the store compares it: numbers and true/false as such, everything else as text. */
export function parseScalar(text: string): Scalar {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

const scalarText = (value: Scalar | undefined) => (value === null || value === undefined ? '' : String(value));

export function conditionToFilter(condition: ConditionValues): TFilter {
  const { field, operator } = condition;
  if (operator === 'is_null' || operator === 'is_not_null') return { field, operator };
  if (operator === 'in' || operator === 'not_in')
    return { field, operator, value: condition.value.split(',').map((item) => parseScalar(item.trim())) };
  return { field, operator, value: parseScalar(condition.value) };
}

export function filterToCondition(filter: TFilter): ConditionValues {
  const value = Array.isArray(filter.value)
    ? filter.value.map(scalarText).join(', ')
    : scalarText(filter.value as Scalar);
  return { field: filter.field, operator: filter.operator, value };
}

/** An empty number field is sent as it is, so the server names it as missing. */
const numberOrRaw = (value: number | '') => value as number;

function actionOf(action: PolicyFormValues['action']): TCreatePolicyInput['action'] {
  if (action.kind === 'anonymise')
    return {
      kind: 'anonymise',
      fields: action.fields.map((field) => ({ field: field.field, replacement: field.replacement || null })),
    };
  if (action.kind === 'archive')
    return { kind: 'archive', targetRecordTypeId: action.targetRecordTypeId ?? '', fieldMapping: action.fieldMapping };
  return { kind: 'delete' };
}

function scheduleOf(schedule: PolicyFormValues['schedule']): TCreatePolicyInput['schedule'] {
  if (schedule.frequency === 'weekly')
    return { frequency: 'weekly', weekday: Number(schedule.weekday), time: schedule.time };
  if (schedule.frequency === 'monthly')
    return { frequency: 'monthly', dayOfMonth: numberOrRaw(schedule.dayOfMonth), time: schedule.time };
  return { frequency: 'daily', time: schedule.time };
}

/** What the form sends (create; an update sends the same fields, holds excepted: they have their own actions). */
export function policyRequest(values: PolicyFormValues): Omit<TCreatePolicyInput, 'holds'> {
  const { period } = values;
  return {
    name: values.name,
    recordTypeId: values.recordTypeId ?? '',
    activityId: values.activityId,
    startEvent: {
      timestampField: values.startEvent.timestampField,
      conditions: values.startEvent.conditions.map(conditionToFilter),
      eventId: values.startEvent.eventId,
    },
    period:
      period.kind === 'end_of_year_plus'
        ? { kind: 'end_of_year_plus', years: numberOrRaw(period.years) }
        : { kind: 'after', amount: numberOrRaw(period.amount), unit: period.unit },
    legalReference: values.legalReference,
    action: actionOf(values.action),
    schedule: scheduleOf(values.schedule),
    ownerUserId: values.ownerUserId,
    marginPercent: numberOrRaw(values.marginPercent),
  };
}

/** A stored policy as form values. */
export function policyFormValues(policy: TPolicy): PolicyFormValues {
  const empty = emptyPolicyForm();
  const { period, action, schedule } = policy;
  return {
    name: policy.name,
    recordTypeId: policy.recordType.id,
    activityId: policy.activity?.id ?? null,
    startEvent: {
      timestampField: policy.startEvent.timestampField,
      conditions: policy.startEvent.conditions.map(filterToCondition),
      eventId: policy.startEvent.eventId,
    },
    period:
      period.kind === 'after'
        ? { ...empty.period, kind: 'after', amount: period.amount, unit: period.unit }
        : { ...empty.period, kind: 'end_of_year_plus', years: period.years },
    action: {
      kind: action.kind,
      fields:
        action.kind === 'anonymise'
          ? action.fields.map((field) => ({ field: field.field, replacement: field.replacement ?? '' }))
          : [],
      targetRecordTypeId: action.kind === 'archive' ? action.targetRecordTypeId : null,
      fieldMapping: action.kind === 'archive' ? action.fieldMapping : [],
    },
    schedule: {
      frequency: schedule.frequency,
      time: schedule.time,
      weekday: schedule.frequency === 'weekly' ? String(schedule.weekday) : '1',
      dayOfMonth: schedule.frequency === 'monthly' ? schedule.dayOfMonth : 1,
    },
    ownerUserId: policy.owner?.id ?? null,
    marginPercent: policy.marginPercent,
    legalReference: { presetId: policy.legalReference.presetId, reference: policy.legalReference.reference },
  };
}
