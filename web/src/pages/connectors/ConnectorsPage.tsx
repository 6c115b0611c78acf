import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { connectorKeys, connectorsApi, type TConnector } from '../../api/connectors.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../register/shared/QueryState.tsx';
import { CheckResult } from './CheckResult.tsx';

/** The stores privacydesk reaches for this organisation (a CRM database, a mailbox, a folder of files, an API). */
export default function ConnectorsPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canManage = useCan('privacy_officer');
  const connectors = useQuery({ queryKey: connectorKeys.all(org.slug), queryFn: () => connectorsApi.list(org.slug) });
  const items = connectors.data ?? [];
  const addButton = (variant?: 'light') =>
    canManage && (
      <Button component={Link} to="new" variant={variant} leftSection={<IconPlus size={16} />}>
        {t('connectors.add')}
      </Button>
    );

  return (
    <>
      <PageHeader title={t('connectors.title')} description={t('connectors.description')} actions={addButton()} />
      <Stack>
        <QueryState isPending={connectors.isPending} error={connectors.error} />
        {connectors.isSuccess && items.length === 0 && (
          <EmptyState
            title={t('connectors.emptyTitle')}
            description={t('connectors.emptyText')}
            action={addButton('light')}
          />
        )}
        {items.length > 0 && <ConnectorsTable connectors={items} />}
      </Stack>
    </>
  );
}

function ConnectorsTable({ connectors }: { connectors: TConnector[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped aria-label={t('connectors.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('connectors.fields.name')}</Table.Th>
            <Table.Th>{t('connectors.fields.kind')}</Table.Th>
            <Table.Th>{t('connectors.fields.system')}</Table.Th>
            <Table.Th>{t('connectors.columns.recordTypes')}</Table.Th>
            <Table.Th>{t('connectors.columns.lastCheck')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connectors.map((connector) => (
            <Table.Tr key={connector.id}>
              <Table.Td>
                <Anchor component={Link} to={connector.id} fw={500} size="sm">
                  {connector.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`connectors.kinds.${connector.kind}`)}</Table.Td>
              <Table.Td>{connector.system?.name ?? <Text c="dimmed">{t('connectors.noSystem')}</Text>}</Table.Td>
              <Table.Td>{connector.recordTypeCount}</Table.Td>
              <Table.Td>
                <CheckResult check={connector.lastCheck} showDetail={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
