import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPower } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { retentionApi, retentionKeys, type TPolicy } from '../../api/retention.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { HoldsSection } from './HoldsSection.tsx';
import { PolicyFlags, PolicyStatus } from './PolicyFlags.tsx';
import { PreviewSection } from './PreviewSection.tsx';
import { actionText, periodText, scheduleText, startEventText } from './policy-text.ts';
import { RunsSection } from './RunsSection.tsx';

/** A policy: what it does in plain words, its preview and approval, switching it on, runs and holds. */
export default function PolicyPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { policyId = '' } = useParams();
  const policy = useQuery({
    queryKey: retentionKeys.policy(org.slug, policyId),
    queryFn: () => retentionApi.policy(org.slug, policyId),
  });
  const current = policy.data;
  return (
    <>
      <PageHeader
        title={current?.name ?? t('retention.policies.title')}
        actions={current && <PolicyActions policy={current} />}
      />
      <QueryState isPending={policy.isPending} error={policy.error} />
      {current && (
        <Stack gap="lg">
          <Summary policy={current} />
          <PreviewSection policy={current} />
          <RunsSection policy={current} />
          <HoldsSection policy={current} />
        </Stack>
      )}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function Summary({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder component="section" aria-labelledby="policy-summary-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="policy-summary-title">
            {t('retention.policy.summary')}
          </Title>
          <Group gap="xs">
            <PolicyStatus status={policy.status} />
            <PolicyFlags policy={policy} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Item label={t('retention.fields.recordType')}>{policy.recordType.name}</Item>
          <Item label={t('retention.fields.activity')}>{policy.activity?.name ?? '—'}</Item>
          <Item label={t('retention.fields.timestampField')}>{startEventText(t, policy)}</Item>
          <Item label={t('retention.fields.period')}>{periodText(t, policy.period)}</Item>
          <Item label={t('retention.fields.action')}>{actionText(t, policy.action)}</Item>
          <Item label={t('retention.fields.schedule')}>{scheduleText(t, policy.schedule)}</Item>
          <Item label={t('retention.fields.owner')}>{policy.owner?.name ?? '—'}</Item>
          <Item label={t('retention.fields.margin')}>
            {t('retention.policy.marginValue', { margin: policy.marginPercent })}
          </Item>
          <Item label={t('retention.columns.nextRun')}>
            {policy.nextRunAt ? formatDateTime(policy.nextRunAt, locale) : '—'}
          </Item>
          <Item label={t('retention.fields.legalReference')}>{policy.legalReference.reference || '—'}</Item>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function PolicyActions({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan('editor');
  const canDecide = useCan('privacy_officer');
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'paused') => retentionApi.setStatus(org.slug, policy.id, status),
    onSuccess: async (updated) => {
      queryClient.setQueryData(retentionKeys.policy(org.slug, policy.id), updated);
      await queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) });
    },
  });
  const remove = useMutation({
    mutationFn: () => retentionApi.delete(org.slug, policy.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) });
      navigate(`/o/${org.slug}/retention`, { replace: true });
    },
  });
  const isActive = policy.status === 'active';
  return (
    <>
      {canEdit && (
        <Button component={Link} to="edit" variant="default" leftSection={<IconPencil size={16} />}>
          {t('retention.policy.edit')}
        </Button>
      )}
      {canDecide && isActive && (
        <Button
          variant="default"
          leftSection={<IconPlayerPause size={16} />}
          loading={setStatus.isPending}
          onClick={() => setStatus.mutate('paused')}
        >
          {t('retention.policy.pause')}
        </Button>
      )}
      {canDecide && !isActive && (
        <Button
          leftSection={<IconPower size={16} />}
          disabled={policy.approvedPreviewId === null}
          title={policy.approvedPreviewId === null ? t('retention.runs.needsApproval') : undefined}
          loading={setStatus.isPending}
          onClick={() => setStatus.mutate('active')}
        >
          {t('retention.policy.enable')}
        </Button>
      )}
      {canDecide && (
        <ConfirmButton
          size="sm"
          question={t('retention.policy.deleteQuestion', { name: policy.name })}
          confirmLabel={t('retention.policy.delete')}
          onConfirm={() => remove.mutateAsync()}
        >
          {t('retention.policy.delete')}
        </ConfirmButton>
      )}
    </>
  );
}
