import { Button, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { REQUEST_STATES, requestKeys, requestsApi, type TRequestState } from '../../api/requests.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../register/shared/QueryState.tsx';
import { CreateRequestModal } from './CreateRequestModal.tsx';
import { RequestsTable } from './RequestsTable.tsx';

const isState = (value: string | null): value is TRequestState =>
  (REQUEST_STATES as readonly (string | null)[]).includes(value);

/** The requests desk: this organisation's requests by state, and for a provider its clients' open requests. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('state');
  const state: TRequestState = isState(wanted) ? wanted : 'open';
  const [isCreating, setIsCreating] = useState(false);
  const list = useQuery({
    queryKey: requestKeys.list(org.slug, state),
    queryFn: () => requestsApi.list(org.slug, state),
  });
  const actions = (
    <>
      <Button
        component="a"
        href={`/p/${org.slug}/request`}
        target="_blank"
        rel="noopener"
        variant="subtle"
        leftSection={<IconExternalLink size={16} />}
      >
        {t('requests.desk.publicPage')}
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)}>
        {t('requests.desk.add')}
      </Button>
    </>
  );
  return (
    <>
      <PageHeader title={t('requests.desk.title')} description={t('requests.desk.description')} actions={actions} />
      <Stack gap="xl">
        <Tabs
          value={state}
          onChange={(next) => setParams(next && next !== 'open' ? { state: next } : {}, { replace: true })}
        >
          <Tabs.List mb="md">
            {REQUEST_STATES.map((option) => (
              <Tabs.Tab key={option} value={option}>
                {t(`requests.desk.tabs.${option}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.isSuccess && list.data.length === 0 && (
            <EmptyState title={t('requests.desk.emptyTitle')} description={t('requests.desk.emptyText')} />
          )}
          {list.isSuccess && list.data.length > 0 && (
            <RequestsTable items={list.data} label={t('requests.desk.title')} linkTo={(item) => item.id} />
          )}
        </Tabs>
        {org.clientCount > 0 && <ClientRequests />}
      </Stack>
      <CreateRequestModal opened={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}

/** A provider's view of the open requests of the client organisations it manages. */
function ClientRequests() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const clients = useQuery({
    queryKey: requestKeys.clients(org.slug),
    queryFn: () => requestsApi.clientRequests(org.slug),
  });
  return (
    <Stack component="section" aria-labelledby="client-requests-title" gap="sm">
      <Title order={2} size="h3" id="client-requests-title">
        {t('requests.desk.clientsTitle')}
      </Title>
      <QueryState isPending={clients.isPending} error={clients.error} />
      {clients.isSuccess && clients.data.length === 0 && <Text c="dimmed">{t('requests.desk.clientsEmpty')}</Text>}
      {clients.isSuccess && clients.data.length > 0 && (
        <RequestsTable
          items={clients.data}
          label={t('requests.desk.clientsTitle')}
          linkTo={(item) => ('organisation' in item ? `/o/${item.organisation.slug}/requests/${item.id}` : item.id)}
        />
      )}
    </Stack>
  );
}
