import { Anchor, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRunGoing, retentionApi, retentionKeys, type TPolicy, type TRun } from '../../api/retention.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { failureText } from '../connectors/failures.ts';
import { RunStatus } from './RunStatus.tsx';

const COUNTS = ['deleted', 'anonymised', 'archived', 'held', 'failed'] as const;

function runErrorText(t: (key: string, params?: Record<string, unknown>) => string, run: TRun): string {
  if (!run.error) return '';
  const { code, detail } = run.error;
  if (code === 'approval_needed' || code === 'cancelled_by_user') return t(`retention.runErrors.${code}`);
  return failureText(t, code, detail);
}

/** A run in progress, asked for every second until it ends: a progress bar with its counts, and "Afbreken". */
function LiveRun({ runId, onEnded }: { runId: string; onEnded: () => unknown }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canDecide = useCan('privacy_officer');
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: retentionKeys.run(org.slug, runId),
    queryFn: () => retentionApi.run(org.slug, runId),
    refetchInterval: (query) => (query.state.data && !isRunGoing(query.state.data) ? false : 1000),
  });
  // Told once the run has ended (not from inside the query: the refresh would cancel the fetch that saw it end).
  const hasEnded = run.data !== undefined && !isRunGoing(run.data);
  useEffect(() => {
    if (hasEnded) onEnded();
  }, [hasEnded, onEnded]);
  const cancel = useMutation({
    mutationFn: () => retentionApi.cancelRun(org.slug, runId),
    onSuccess: (cancelled) => queryClient.setQueryData(retentionKeys.run(org.slug, runId), cancelled),
  });
  const current = run.data;
  if (!current) return null;
  const { processed, expected } = current.progress;
  const percent = expected ? Math.min(100, (processed / expected) * 100) : isRunGoing(current) ? 0 : 100;
  return (
    <Stack gap="xs" role="status" aria-label={t('retention.runs.live')}>
      <Group gap="xs">
        <RunStatus run={current} />
        <Text size="sm">{t('retention.runs.progress', { processed, expected: expected ?? '?' })}</Text>
      </Group>
      <Progress value={percent} animated={isRunGoing(current)} aria-label={t('retention.runs.live')} />
      <Text size="sm">
        {COUNTS.map((count) => `${t(`retention.runs.counts.${count}`)}: ${current.counts[count]}`).join(' · ')}
      </Text>
      {current.error && (
        <Text size="sm" c="red">
          {runErrorText(t, current)}
        </Text>
      )}
      {canDecide && isRunGoing(current) && (
        <Group>
          <Button
            color="red"
            variant="light"
            size="xs"
            leftSection={<IconPlayerStop size={14} />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('retention.runs.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** "Nu uitvoeren", the run going on now, and the run history with its counts and errors, exportable as evidence. */
export function RunsSection({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canDecide = useCan('privacy_officer');
  const locale = currentLocale();
  const runs = useQuery({
    queryKey: retentionKeys.runs(org.slug, policy.id),
    queryFn: () => retentionApi.runs(org.slug, policy.id),
  });
  const [startedRunId, setStartedRunId] = useState<string | null>(null);
  const goingRun = runs.data?.find(isRunGoing);
  const liveRunId = startedRunId ?? goingRun?.id ?? null;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) }),
    [queryClient, org.slug],
  );
  const start = useMutation({
    mutationFn: () => retentionApi.startRun(org.slug, policy.id),
    onSuccess: async (run) => {
      setStartedRunId(run.id);
      await refresh();
    },
  });
  const canRun = canDecide && policy.approvedPreviewId !== null && !goingRun;

  return (
    <Card withBorder component="section" aria-labelledby="runs-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="runs-title">
            {t('retention.runs.title')}
          </Title>
          <Group gap="xs">
            <Anchor href={retentionApi.evidenceUrl(org.slug, policy.id, 'csv')} download size="sm">
              <IconDownload size={14} /> {t('retention.runs.exportCsv')}
            </Anchor>
            <Anchor href={retentionApi.evidenceUrl(org.slug, policy.id, 'json')} download size="sm">
              <IconDownload size={14} /> {t('retention.runs.exportJson')}
            </Anchor>
            {canDecide && (
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                disabled={!canRun}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {t('retention.runs.runNow')}
              </Button>
            )}
          </Group>
        </Group>
        {canDecide && policy.approvedPreviewId === null && (
          <Text size="sm" c="dimmed">
            {t('retention.runs.needsApproval')}
          </Text>
        )}
        {liveRunId && <LiveRun key={liveRunId} runId={liveRunId} onEnded={refresh} />}
        {runs.isSuccess && runs.data.length === 0 && <Text size="sm">{t('retention.runs.none')}</Text>}
        {runs.data && runs.data.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped aria-label={t('retention.runs.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.runs.started')}</Table.Th>
                  <Table.Th>{t('retention.runs.trigger')}</Table.Th>
                  <Table.Th>{t('retention.fields.status')}</Table.Th>
                  {COUNTS.map((count) => (
                    <Table.Th key={count}>{t(`retention.runs.counts.${count}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('retention.runs.error')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{formatDateTime(run.startedAt, locale)}</Table.Td>
                    <Table.Td>{t(`retention.runs.triggers.${run.trigger}`)}</Table.Td>
                    <Table.Td>
                      <RunStatus run={run} />
                    </Table.Td>
                    {COUNTS.map((count) => (
                      <Table.Td key={count}>{run.counts[count]}</Table.Td>
                    ))}
                    <Table.Td>
                      <Text size="sm" c="red">
                        {runErrorText(t, run)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
