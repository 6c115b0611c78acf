import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementKeys, agreementsApi, type TAgreementCoverage, type TAgreementStatus } from '../../api/agreements.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { Tag } from '../register/shared/Tag.tsx';

const STATUS_COLORS: Record<TAgreementStatus, string> = {
  none: 'gray',
  draft: 'yellow',
  sent: 'blue',
  signed: 'green',
  expiring: 'orange',
  expired: 'red',
  terminated: 'gray',
};

export function AgreementStatusTag({ status }: { status: TAgreementStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`agreements.statuses.${status}`)}</Tag>;
}

export function useCoverage() {
  const org = useCurrentOrganisation();
  return useQuery({ queryKey: agreementKeys.coverage(org.slug), queryFn: () => agreementsApi.coverage(org.slug) });
}

/** What has no agreement in force, and what ends soon: each list with its own heading, or a plain "all covered". */
export function CoverageCard({ coverage }: { coverage: TAgreementCoverage }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const section = (key: string, items: { id: string; name: string; endDate?: string }[], link?: string) => (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t(`agreements.coverage.${key}`, { count: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreements.coverage.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item.id}>
              {link ? (
                <Anchor component={Link} to={`/o/${org.slug}${link}/${item.id}`} size="sm">
                  {item.name}
                </Anchor>
              ) : (
                item.name
              )}
              {item.endDate ? ` (${item.endDate})` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agreement-coverage-title" mb="lg">
      <Title order={2} size="h4" id="agreement-coverage-title" mb="sm">
        {t('agreements.coverage.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {section('vendors', coverage.vendorsWithoutAgreement, '/register/vendors')}
        {section('clients', coverage.clientsWithoutAgreement)}
        {section('expiring', coverage.expiringSoon, '/register/agreements')}
      </SimpleGrid>
    </Card>
  );
}

/** On the dashboard: how many processors and clients lack a signed agreement, and how many end soon. */
export function AgreementsDashboardCard() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const coverage = useCoverage();
  const data = coverage.data;
  const gaps = data
    ? data.vendorsWithoutAgreement.length + data.clientsWithoutAgreement.length + data.expiringSoon.length
    : 0;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-agreements-title">
      <Stack gap={4}>
        <Title order={2} size="h4" mb="xs" id="dashboard-agreements-title">
          {t('agreements.register.title')}
        </Title>
        {data && gaps === 0 && <Text size="sm">{t('agreements.dashboard.covered')}</Text>}
        {data && gaps > 0 && (
          <>
            <Text size="sm">{t('agreements.coverage.vendors', { count: data.vendorsWithoutAgreement.length })}</Text>
            <Text size="sm">{t('agreements.coverage.clients', { count: data.clientsWithoutAgreement.length })}</Text>
            <Text size="sm">{t('agreements.coverage.expiring', { count: data.expiringSoon.length })}</Text>
          </>
        )}
        <Anchor component={Link} to={`/o/${org.slug}/register/agreements`} size="sm" mt="sm" display="block">
          {t('agreements.dashboard.link')}
        </Anchor>
      </Stack>
    </Card>
  );
}
