import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { connectorKeys, connectorsApi, type TConnector } from '../../api/connectors.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../register/shared/QueryState.tsx';
import { CheckResult } from './CheckResult.tsx';
import { ConnectorForm } from './ConnectorForm.tsx';
import { RecordTypesSection } from './RecordTypesSection.tsx';

/** A new connector (`connectors/new`) or an existing one with its connection check and record types. */
export default function ConnectorPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { connectorId } = useParams();
  const kinds = useQuery({ queryKey: connectorKeys.kinds, queryFn: connectorsApi.kinds, staleTime: Infinity });
  const connector = useQuery({
    queryKey: connectorKeys.connector(org.slug, connectorId ?? ''),
    queryFn: () => connectorsApi.get(org.slug, connectorId ?? ''),
    enabled: Boolean(connectorId),
  });
  const isNew = !connectorId;
  const isReady = kinds.data && (isNew || connector.data);

  return (
    <>
      <PageHeader
        title={isNew ? t('connectors.newTitle') : (connector.data?.name ?? t('connectors.title'))}
        description={isNew ? t('connectors.newDescription') : undefined}
        actions={connector.data && <DeleteConnector connector={connector.data} />}
      />
      <QueryState
        isPending={kinds.isPending || (!isNew && connector.isPending)}
        error={kinds.error ?? connector.error}
      />
      {isReady && (
        <Stack gap="xl">
          <ConnectorForm key={connector.data?.updatedAt ?? 'new'} kinds={kinds.data} connector={connector.data} />
          {connector.data && <ConnectionCheck connector={connector.data} />}
          {connector.data && <RecordTypesSection connector={connector.data} />}
        </Stack>
      )}
    </>
  );
}

function ConnectionCheck({ connector }: { connector: TConnector }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canManage = useCan('privacy_officer');
  const check = useMutation({
    mutationFn: () => connectorsApi.check(org.slug, connector.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectorKeys.all(org.slug) }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="connector-check-title" maw={640}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="connector-check-title">
          {t('connectors.check.title')}
        </Title>
        <CheckResult check={check.data ?? connector.lastCheck} />
        {canManage && (
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlugConnected size={16} />}
              loading={check.isPending}
              onClick={() => check.mutate()}
            >
              {t('connectors.check.run')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function DeleteConnector({ connector }: { connector: TConnector }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = useCan('privacy_officer');
  const remove = useMutation({
    mutationFn: () => connectorsApi.delete(org.slug, connector.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: connectorKeys.all(org.slug) });
      navigate(`/o/${org.slug}/connectors`, { replace: true });
    },
  });
  if (!canManage) return null;
  return (
    <ConfirmButton
      question={t('connectors.deleteQuestion', { name: connector.name })}
      confirmLabel={t('connectors.delete')}
      onConfirm={() => remove.mutateAsync()}
    >
      {t('connectors.delete')}
    </ConfirmButton>
  );
}
