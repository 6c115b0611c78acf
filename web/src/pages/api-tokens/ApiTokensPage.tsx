import { Alert, Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiTokensApi } from '../../api/api-tokens.ts';
import { queryKeys } from '../../api/keys.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiTokensTable } from './ApiTokensTable.tsx';
import { CreateApiTokenModal } from './CreateApiTokenModal.tsx';

export default function ApiTokensPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const [isCreating, { open, close }] = useDisclosure(false);
  const tokens = useQuery({ queryKey: queryKeys.apiTokens(org.slug), queryFn: () => apiTokensApi.list(org.slug) });
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('apiTokens.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description')} actions={createButton} />
      {tokens.isPending && (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {tokens.isError && <Alert color="red">{describeError(tokens.error)}</Alert>}
      {tokens.data?.length === 0 && (
        <EmptyState title={t('apiTokens.emptyTitle')} description={t('apiTokens.emptyText')} action={createButton} />
      )}
      {tokens.data && tokens.data.length > 0 && <ApiTokensTable tokens={tokens.data} />}
      <CreateApiTokenModal opened={isCreating} onClose={close} />
    </>
  );
}
