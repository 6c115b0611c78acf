import { Button, Center, Loader } from '@mantine/core';
import { IconBuildingPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../components/EmptyState.tsx';
import { pickHomeOrganisation } from './org-groups.ts';
import { lastUsedOrganisation, useMyOrganisations } from './organisations.ts';

/** "/": the organisation I used last, or an invitation to create the first one. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const organisations = useMyOrganisations();
  if (organisations.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  const home = pickHomeOrganisation(organisations.data ?? [], lastUsedOrganisation());
  if (home) return <Navigate to={`/o/${home.slug}`} replace />;
  return (
    <EmptyState
      title={t('home.noOrganisationsTitle')}
      description={t('home.noOrganisationsText')}
      action={
        <Button component={Link} to="/organisations/new" leftSection={<IconBuildingPlus size={18} />}>
          {t('organisations.create.title')}
        </Button>
      }
    />
  );
}
