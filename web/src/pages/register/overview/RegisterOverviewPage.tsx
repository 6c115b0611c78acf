import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activitiesApi } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { RegisterCompleteness } from './RegisterCompleteness.tsx';

/** The register's front page: the completeness check of the whole register, and where to go next. */
export default function RegisterOverviewPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const locale = currentLocale();
  const completeness = useQuery({
    // The findings arrive in the person's language, so another language asks again. They also depend on more than
    // the register (the organisation's address and contact, its members, today): asked again whenever the page opens.
    queryKey: [...registerKeys.completeness(org.slug), locale],
    queryFn: () => activitiesApi.registerCompleteness(org.slug),
    staleTime: 0,
  });
  const isEmpty = completeness.data?.summary.activities === 0;

  return (
    <>
      <PageHeader
        title={t('register.overview.title')}
        description={t('register.overview.description')}
        actions={
          canEdit && (
            <Button component={Link} to="activities/new" leftSection={<IconPlus size={16} />}>
              {t('register.activities.add')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <QueryState isPending={completeness.isPending} error={completeness.error} />
        {isEmpty && (
          <EmptyState
            title={t('register.activities.emptyTitle')}
            description={t('register.activities.emptyText')}
            action={
              canEdit && (
                <Button component={Link} to="start" leftSection={<IconSparkles size={16} />}>
                  {t('register.activities.quickStart')}
                </Button>
              )
            }
          />
        )}
        {completeness.data && <RegisterCompleteness completeness={completeness.data} />}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {(['whereIsData', 'transfers', 'consolidation', 'importExport', 'privacyStatement'] as const).map((page) => (
            <Card key={page} withBorder radius="md" padding="md">
              <Title order={3} size="h5" mb={4}>
                {t(`register.nav.${page}`)}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t(`register.overview.cards.${page}`)}
              </Text>
              <Group>
                <Button component={Link} to={PAGE_PATHS[page]} variant="light" size="xs">
                  {t('register.common.open')}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}

const PAGE_PATHS = {
  whereIsData: 'where',
  transfers: 'transfers',
  consolidation: 'consolidation',
  importExport: 'import-export',
  privacyStatement: 'privacy-statement',
} as const;
