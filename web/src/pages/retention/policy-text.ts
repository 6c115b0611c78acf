import type { TAction, TFilter, TPeriod, TPolicy, TSchedule } from '../../api/retention.ts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "4 weken", "einde jaar + 7 jaar". */
export function periodText(t: Translate, period: TPeriod): string {
  if (period.kind === 'end_of_year_plus') return t('retention.period.endOfYearPlus', { count: period.years });
  return t(`retention.period.units.${period.unit}`, { count: period.amount });
}

export function actionText(t: Translate, action: TAction): string {
  if (action.kind === 'anonymise')
    return t('retention.action.anonymiseFields', { fields: action.fields.map((field) => field.field).join(', ') });
  return t(`retention.action.kinds.${action.kind}`);
}

export function scheduleText(t: Translate, schedule: TSchedule): string {
  if (schedule.frequency === 'weekly')
    return t('retention.schedule.weeklyAt', {
      day: t(`retention.schedule.weekdays.${schedule.weekday}`),
      time: schedule.time,
    });
  if (schedule.frequency === 'monthly')
    return t('retention.schedule.monthlyAt', { day: schedule.dayOfMonth, time: schedule.time });
  return t('retention.schedule.dailyAt', { time: schedule.time });
}

const valueText = (value: TFilter['value']) =>
  Array.isArray(value) ? value.map((item) => JSON.stringify(item)).join(', ') : JSON.stringify(value ?? null);

/** `status = "closed"` in words: "status is gelijk aan "closed"". */
export function filterText(t: Translate, filter: TFilter): string {
  const operator = t(`retention.operators.${filter.operator}`);
  const needsValue = filter.operator !== 'is_null' && filter.operator !== 'is_not_null';
  return needsValue ? `${filter.field} ${operator} ${valueText(filter.value)}` : `${filter.field} ${operator}`;
}

/** The start event: "mtime", or "left_at, als status is gelijk aan "closed"". */
export function startEventText(t: Translate, policy: Pick<TPolicy, 'startEvent'>): string {
  const { timestampField, conditions } = policy.startEvent;
  if (conditions.length === 0) return timestampField;
  return t('retention.startEvent.withConditions', {
    field: timestampField,
    conditions: conditions.map((condition) => filterText(t, condition)).join(t('retention.startEvent.and')),
  });
}
