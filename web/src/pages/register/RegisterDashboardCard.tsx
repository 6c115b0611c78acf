import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activitiesApi } from '../../api/activities.ts';
import { registerKeys } from '../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { StatementDashboardNotice } from '../statement/StatementDashboardNotice.tsx';

/** The dashboard's view of the register: how complete it is, and the way in (or the quick start when empty). */
export function RegisterDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const completeness = useQuery({
    queryKey: registerKeys.completeness(org.slug),
    queryFn: () => activitiesApi.registerCompleteness(org.slug),
  });
  const summary = completeness.data?.summary;
  const base = `/o/${org.slug}/register`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-register-title">
      <Title order={2} size="h4" mb="xs" id="dashboard-register-title">
        {t('register.overview.title')}
      </Title>
      {summary && summary.activities === 0 && (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('register.dashboard.empty')}
          </Text>
          {canEdit && (
            <Button component={Link} to={`${base}/start`} size="xs">
              {t('register.nav.start')}
            </Button>
          )}
        </Stack>
      )}
      {summary && summary.activities > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('register.overview.summaryActivities', {
              complete: summary.completeActivities,
              activities: summary.activities,
            })}
          </Text>
          <Progress
            value={(summary.completeActivities / summary.activities) * 100}
            color={summary.isComplete ? 'teal' : 'orange'}
            aria-label={t('register.completeness.title')}
          />
          <Text size="sm" c={summary.missing > 0 ? 'red' : 'dimmed'}>
            {[
              t('register.completeness.missing', { count: summary.missing }),
              t('register.completeness.warnings', { count: summary.warnings }),
            ].join(' · ')}
          </Text>
          <Group>
            <Button component={Link} to={base} size="xs" variant="light">
              {t('register.dashboard.open')}
            </Button>
          </Group>
        </Stack>
      )}
      <StatementDashboardNotice />
    </Card>
  );
}
