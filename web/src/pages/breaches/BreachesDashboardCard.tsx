import { Anchor, Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { breachesApi, breachKeys } from '../../api/breaches.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { ClockText } from './BreachParts.tsx';
import { deadlineLocalText } from './breach-format.ts';

/** The dashboard's line on breaches: how many are open and the nearest deadline not yet met. */
export function BreachesDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const list = useQuery({ queryKey: breachKeys.list(org.slug), queryFn: () => breachesApi.list(org.slug) });
  const open = (list.data ?? []).filter((item) => item.status === 'open');
  const nearest = open
    .filter((item) => !item.clock.authorityNotifiedAt)
    .sort((a, b) => a.clock.deadline.localeCompare(b.clock.deadline))[0];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-breaches-title">
      <Title order={2} size="h4" mb="xs" id="dashboard-breaches-title">
        {t('breaches.dashboard.title')}
      </Title>
      {list.isSuccess && open.length === 0 && <Text size="sm">{t('breaches.dashboard.none')}</Text>}
      {open.length > 0 && <Text size="sm">{t('breaches.dashboard.open', { count: open.length })}</Text>}
      {nearest && (
        <Text size="sm">
          {t('breaches.dashboard.nearest', {
            reference: nearest.reference,
            deadline: deadlineLocalText(nearest.clock.deadlineLocal),
          })}{' '}
          <ClockText clock={nearest.clock} />
        </Text>
      )}
      <Anchor component={Link} to={`/o/${org.slug}/breaches`} size="sm" mt="sm" display="block">
        {t('breaches.dashboard.link')}
      </Anchor>
    </Card>
  );
}
