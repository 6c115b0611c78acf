import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SettingsForm } from './SettingsForm.tsx';

/** Organisation settings: privacy officers and owners edit, the others read. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const membership = useCurrentOrganisation();
  const canEdit = useCan('privacy_officer');
  const organisation = useQuery({
    queryKey: queryKeys.organisation(membership.slug),
    queryFn: () => organisationsApi.get(membership.slug),
  });

  return (
    <>
      <PageHeader title={t('organisations.settings.title')} description={t('organisations.settings.description')} />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('organisations.settings.readOnly')}
        </Alert>
      )}
      {organisation.isPending && (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {organisation.isError && <Alert color="red">{describeError(organisation.error)}</Alert>}
      {organisation.data && (
        <SettingsForm
          key={organisation.data.updatedAt}
          organisation={organisation.data}
          canEdit={canEdit}
          isOwner={membership.role === 'owner'}
        />
      )}
    </>
  );
}
