import { Anchor, Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestKeys, requestsApi } from '../../api/requests.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { DaysLeft } from './RequestParts.tsx';

/** The dashboard's line on requests: how many are open and the nearest due date. For privacy officers and owners. */
export function RequestsDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const open = useQuery({
    queryKey: requestKeys.list(org.slug, 'open'),
    queryFn: () => requestsApi.list(org.slug, 'open'),
  });
  const items = open.data ?? [];
  const nearest = [...items].sort((a, b) => a.deadline.due.localeCompare(b.deadline.due))[0];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-requests-title">
      <Title order={2} size="h4" mb="xs" id="dashboard-requests-title">
        {t('requests.desk.dashboardTitle')}
      </Title>
      {open.isSuccess && items.length === 0 && <Text size="sm">{t('requests.desk.dashboardNone')}</Text>}
      {items.length > 0 && <Text size="sm">{t('requests.desk.dashboardOpen', { count: items.length })}</Text>}
      {nearest && (
        <Text size="sm">
          {t('requests.desk.dashboardNearest', { date: formatDate(nearest.deadline.due, currentLocale()) })}{' '}
          <DaysLeft deadline={nearest.deadline} />
        </Text>
      )}
      <Anchor component={Link} to={`/o/${org.slug}/requests`} size="sm" mt="sm" display="block">
        {t('requests.desk.dashboardLink')}
      </Anchor>
    </Card>
  );
}
