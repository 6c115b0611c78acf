import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { InvitationsSection } from './InvitationsSection.tsx';
import { MembersTable } from './MembersTable.tsx';

export default function MembersPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const isOwner = useCan('owner');
  const members = useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: () => organisationsApi.members(org.slug),
  });

  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={t('members.title')} description={t('members.description')} />
        {members.isPending && (
          <Center p="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {members.isError && <Alert color="red">{describeError(members.error)}</Alert>}
        {members.data && <MembersTable members={members.data} isOwner={isOwner} />}
      </div>
      {isOwner && (
        <section aria-labelledby="invitations-title">
          <Title order={2} size="h3" id="invitations-title" mb="md">
            {t('members.invitations.title')}
          </Title>
          <InvitationsSection />
        </section>
      )}
    </Stack>
  );
}
