import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestDeadline } from '../../api/requests.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { Tag } from '../register/shared/Tag.tsx';
import { urgencyOf } from './request-format.ts';

const URGENCY_COLOURS = { overdue: 'red', soon: 'orange', later: undefined } as const;

/** Calendar days left (or overdue) in words, coloured by urgency. */
export function DaysLeft({ deadline }: { deadline: TRequestDeadline }) {
  const { t } = useTranslation();
  const days = deadline.calendarDaysLeft;
  const text = deadline.isOverdue
    ? t('requests.days.overdue', { count: Math.abs(days) })
    : days === 0
      ? t('requests.days.today')
      : t('requests.days.left', { count: days });
  const colour = URGENCY_COLOURS[urgencyOf(deadline)];
  return (
    <Text span size="sm" c={colour} fw={colour ? 600 : undefined}>
      {text}
    </Text>
  );
}

/** The due date, the days left, and "verlengd" once extended: the desk's deadline column. */
export function DeadlineCell({ deadline }: { deadline: TRequestDeadline }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {formatDate(deadline.due, currentLocale())}
      </Text>
      <DaysLeft deadline={deadline} />
      {deadline.isExtended && <Tag color="grape">{t('requests.desk.extended')}</Tag>}
    </Group>
  );
}
