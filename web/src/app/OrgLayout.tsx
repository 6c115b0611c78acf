import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useParams } from 'react-router';
import { NotFoundPage } from './NotFoundPage.tsx';
import { CurrentOrganisationContext, rememberOrganisation, useMyOrganisations } from './organisations.ts';
import { useCurrentUser } from './session.ts';

/** Pages of one organisation (/o/:org): resolves it among mine and enforces its two-factor rule up front. */
export function OrgLayout() {
  const { t } = useTranslation();
  const { org: ref } = useParams();
  const user = useCurrentUser();
  const organisations = useMyOrganisations();
  const org = organisations.data?.find((candidate) => candidate.slug === ref || candidate.id === ref);

  useEffect(() => {
    if (org) rememberOrganisation(org.slug);
  }, [org]);

  if (organisations.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!org) return <NotFoundPage message={t('errors.organisation_not_found')} />;
  if (org.requireMfa && !user.hasTotp)
    return <Navigate to={`/account/security?required=${encodeURIComponent(org.slug)}`} replace />;
  return (
    <CurrentOrganisationContext.Provider value={org}>
      <Outlet />
    </CurrentOrganisationContext.Provider>
  );
}
