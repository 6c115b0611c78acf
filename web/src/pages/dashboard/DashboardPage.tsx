import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingPlus, IconClockHour4, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { useCan, useCurrentOrganisation, useMyOrganisations } from '../../app/organisations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { AgreementsDashboardCard } from '../agreements/AgreementParts.tsx';
import { BreachesDashboardCard } from '../breaches/BreachesDashboardCard.tsx';
import { MeasuresDashboardCard } from '../measures/MeasureParts.tsx';
import { RegisterDashboardCard } from '../register/RegisterDashboardCard.tsx';
import { RequestsDashboardCard } from '../requests/RequestsDashboardCard.tsx';
import { RetentionDashboardCard } from '../retention/RetentionDashboardCard.tsx';
import { KeyFacts } from './KeyFacts.tsx';

/** The modules that will fill this page, in the order PRODUCT.md lists them. */
const COMING = ['notices', 'report'];

export default function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const membership = useCurrentOrganisation();
  const organisation = useQuery({
    queryKey: queryKeys.organisation(membership.slug),
    queryFn: () => organisationsApi.get(membership.slug),
  });
  const canAddClients = useCan('privacy_officer');
  const canHandleRequests = useCan('privacy_officer');
  const clients = (useMyOrganisations().data ?? []).filter((org) => org.managedBy?.id === membership.id);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('dashboard.welcome', { name: user.name })}
          </Title>
          <Group gap="xs">
            <Text c="dimmed">{membership.name}</Text>
            <RoleBadge role={membership.role} />
          </Group>
        </Stack>
      </Group>

      {!user.hasTotp && (
        <Alert color="yellow" icon={<IconShieldLock size={18} />} title={t('dashboard.twoFactorTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('dashboard.twoFactorText')}</Text>
            <Button component={Link} to="/account/security" size="xs" variant="light" color="yellow">
              {t('dashboard.twoFactorAction')}
            </Button>
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {organisation.data && <KeyFacts organisation={organisation.data} />}
        <RegisterDashboardCard />
        <RetentionDashboardCard />
        {canHandleRequests && <RequestsDashboardCard />}
        {canHandleRequests && <BreachesDashboardCard />}
        <MeasuresDashboardCard />
        <AgreementsDashboardCard />
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.comingTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('dashboard.comingText')}
          </Text>
          <List
            spacing={6}
            size="sm"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color="gray">
                <IconClockHour4 size={13} />
              </ThemeIcon>
            }
          >
            {COMING.map((module) => (
              <List.Item key={module}>{t(`dashboard.coming.${module}`)}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>

      {membership.clientCount > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('dashboard.clientsTitle', { count: membership.clientCount })}
            </Title>
            {canAddClients && (
              <Button
                component={Link}
                to={`/organisations/new?managedBy=${membership.id}`}
                size="xs"
                variant="light"
                leftSection={<IconBuildingPlus size={16} />}
              >
                {t('dashboard.addClient')}
              </Button>
            )}
          </Group>
          {clients.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.clientsNotMember')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {clients.map((client) => (
                <List.Item key={client.id}>
                  <Anchor component={Link} to={`/o/${client.slug}`}>
                    {client.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      )}
    </Stack>
  );
}
