import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activitiesApi } from '../../api/activities.ts';
import type { TClock, TIncidentSummary } from '../../api/breaches.ts';
import { registerKeys } from '../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import type { Option } from '../register/shared/options.ts';
import { Tag } from '../register/shared/Tag.tsx';
import { clockUrgency, hoursAndMinutes } from './breach-format.ts';

const URGENCY_COLOURS = { critical: 'red', soon: 'orange', later: undefined, notified: 'green' } as const;

/** "nog 70 u 30 min", "3 u 10 min te laat" or "gemeld", coloured by urgency. */
export function ClockText({ clock, size = 'sm' }: { clock: TClock; size?: string }) {
  const { t } = useTranslation();
  const urgency = clockUrgency(clock);
  const parts = hoursAndMinutes(clock.minutesLeft);
  const text =
    urgency === 'notified'
      ? t('breaches.clock.notified')
      : clock.isOverdue
        ? t('breaches.clock.late', parts)
        : t('breaches.clock.left', parts);
  const colour = URGENCY_COLOURS[urgency];
  return (
    <Text span size={size} c={colour} fw={colour ? 600 : undefined} data-urgency={urgency}>
      {text}
    </Text>
  );
}

/** The decision on notifying, in a tag: authority and people, one of them, neither, or not yet. */
export function DecisionTag({ decision }: { decision: TIncidentSummary['decision'] }) {
  const { t } = useTranslation();
  if (!decision) return <Tag color="gray">{t('breaches.decisions.pending')}</Tag>;
  const key =
    decision.notifyAuthority && decision.notifySubjects
      ? 'both'
      : decision.notifyAuthority
        ? 'authority'
        : decision.notifySubjects
          ? 'subjects'
          : 'none';
  return <Tag color={key === 'none' ? 'gray' : 'blue'}>{t(`breaches.decisions.${key}`)}</Tag>;
}

/** The register's processing activities as options for a picker. */
export function useActivityOptions(): Option[] {
  const org = useCurrentOrganisation();
  const filters = { limit: 500 } as const;
  const activities = useQuery({
    queryKey: registerKeys.activities(org.slug, filters),
    queryFn: () => activitiesApi.list(org.slug, filters),
  });
  return (activities.data?.items ?? []).map((activity) => ({ value: activity.id, label: activity.name }));
}
