import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { retentionApi, retentionKeys, type TPolicy } from '../../api/retention.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { CoverageSection } from './CoverageSection.tsx';
import { FromActivityButton } from './FromActivityModal.tsx';
import { PolicyFlags, PolicyStatus } from './PolicyFlags.tsx';
import { periodText } from './policy-text.ts';
import { RunStatus } from './RunStatus.tsx';

/** Retention enforced in the stores: the policies with their state, and whether the register's retention is done. */
export default function RetentionPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const policies = useQuery({
    queryKey: retentionKeys.policies(org.slug),
    queryFn: () => retentionApi.policies(org.slug),
  });
  const items = policies.data ?? [];
  const actions = canEdit && (
    <>
      <FromActivityButton />
      <Button component={Link} to="policies/new" variant="default" leftSection={<IconPlus size={16} />}>
        {t('retention.policies.add')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('retention.title')} description={t('retention.description')} actions={actions} />
      <Stack gap="xl">
        <Stack>
          <QueryState isPending={policies.isPending} error={policies.error} />
          {policies.isSuccess && items.length === 0 && (
            <EmptyState title={t('retention.policies.emptyTitle')} description={t('retention.policies.emptyText')} />
          )}
          {items.length > 0 && <PoliciesTable policies={items} />}
        </Stack>
        <CoverageSection />
      </Stack>
    </>
  );
}

function PoliciesTable({ policies }: { policies: TPolicy[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const lastRuns = useQueries({
    queries: policies.map((policy) => ({
      queryKey: retentionKeys.runs(org.slug, policy.id),
      queryFn: () => retentionApi.runs(org.slug, policy.id),
    })),
  });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" striped aria-label={t('retention.policies.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.fields.name')}</Table.Th>
            <Table.Th>{t('retention.fields.recordType')}</Table.Th>
            <Table.Th>{t('retention.fields.activity')}</Table.Th>
            <Table.Th>{t('retention.fields.period')}</Table.Th>
            <Table.Th>{t('retention.fields.status')}</Table.Th>
            <Table.Th>{t('retention.columns.nextRun')}</Table.Th>
            <Table.Th>{t('retention.columns.lastRun')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((policy, index) => {
            const lastRun = lastRuns[index]?.data?.[0];
            return (
              <Table.Tr key={policy.id}>
                <Table.Td>
                  <Anchor component={Link} to={`policies/${policy.id}`} fw={500} size="sm">
                    {policy.name}
                  </Anchor>
                  <PolicyFlags policy={policy} />
                </Table.Td>
                <Table.Td>{policy.recordType.name}</Table.Td>
                <Table.Td>{policy.activity?.name ?? '—'}</Table.Td>
                <Table.Td>{periodText(t, policy.period)}</Table.Td>
                <Table.Td>
                  <PolicyStatus status={policy.status} />
                </Table.Td>
                <Table.Td>{policy.nextRunAt ? formatDateTime(policy.nextRunAt, locale) : '—'}</Table.Td>
                <Table.Td>
                  {lastRun ? (
                    <Stack gap={2}>
                      <RunStatus run={lastRun} />
                      <Text size="xs" c="dimmed">
                        {formatDateTime(lastRun.finishedAt ?? lastRun.startedAt, locale)}
                      </Text>
                    </Stack>
                  ) : (
                    <Tag color="gray">{t('retention.runs.none')}</Tag>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
