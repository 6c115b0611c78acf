import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { retentionApi, retentionKeys } from '../../api/retention.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';

/**
 * The dashboard's view of retention: how many activities are enforced, done by hand or not arranged, and the
 * policies that need attention (a failed last run, an approval, a changed register). For DashboardPage.
 */
export function RetentionDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const coverage = useQuery({
    queryKey: retentionKeys.coverage(org.slug),
    queryFn: () => retentionApi.coverage(org.slug),
  });
  const policies = useQuery({
    queryKey: retentionKeys.policies(org.slug),
    queryFn: () => retentionApi.policies(org.slug),
  });
  const activities = coverage.data?.activities ?? [];
  const count = (kind: string) => activities.filter((row) => row.enforcement.kind === kind).length;
  const overdue = activities.filter((row) => row.enforcement.kind === 'manual' && row.enforcement.isReviewOverdue);
  const needingAttention = (policies.data ?? []).filter((policy) => policy.flags.length > 0);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-retention-title">
      <Title order={2} size="h4" mb="xs" id="dashboard-retention-title">
        {t('retention.coverage.title')}
      </Title>
      <List size="sm" spacing={2}>
        <List.Item>{t('retention.dashboard.enforced', { count: count('enforced') })}</List.Item>
        <List.Item>{t('retention.dashboard.manual', { count: count('manual') })}</List.Item>
        <List.Item>{t('retention.dashboard.none', { count: count('none') })}</List.Item>
      </List>
      {overdue.length > 0 && (
        <Text size="sm" c="red" mt="xs">
          {t('retention.dashboard.overdue', { count: overdue.length })}
        </Text>
      )}
      {needingAttention.map((policy) => (
        <Text key={policy.id} size="sm" c="red" mt={4}>
          <Anchor component={Link} to={`/o/${org.slug}/retention/policies/${policy.id}`} c="red">
            {policy.name}
          </Anchor>
          : {policy.flags.map((flag) => t(`retention.flags.${flag.code}`)).join(', ')}
        </Text>
      ))}
      <Anchor component={Link} to={`/o/${org.slug}/retention`} size="sm" mt="sm" display="block">
        {t('retention.dashboard.open')}
      </Anchor>
    </Card>
  );
}
