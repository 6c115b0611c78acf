import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalculator, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import { retentionApi, retentionKeys, type TPolicy, type TPreview } from '../../api/retention.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/** The latest preview, or null when none was computed yet. */
async function latestPreviewOrNone(org: string, policyId: string): Promise<TPreview | null> {
  try {
    return await retentionApi.latestPreview(org, policyId);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" aria-label={`${label}: ${value}`}>
        {formatNumber(value, currentLocale())}
      </Text>
    </Stack>
  );
}

/**
 * "Voorbeeld berekenen": what the policy would act on now, counted against the live store, with a masked sample
 * and what each hold keeps; a privacy officer or owner approves it before the policy may run.
 */
export function PreviewSection({ policy }: { policy: TPolicy }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canEdit = useCan('editor');
  const canDecide = useCan('privacy_officer');
  const locale = currentLocale();
  const previewKey = retentionKeys.latestPreview(org.slug, policy.id);
  const preview = useQuery({ queryKey: previewKey, queryFn: () => latestPreviewOrNone(org.slug, policy.id) });
  const compute = useMutation({
    mutationFn: () => retentionApi.computePreview(org.slug, policy.id),
    onSuccess: (computed) => queryClient.setQueryData(previewKey, computed),
  });
  const approve = useMutation({
    mutationFn: (previewId: string) => retentionApi.approvePreview(org.slug, policy.id, previewId),
    onSuccess: async (updated) => {
      queryClient.setQueryData(retentionKeys.policy(org.slug, policy.id), updated);
      await queryClient.invalidateQueries({ queryKey: retentionKeys.all(org.slug) });
    },
  });
  const shown = preview.data;
  const isApproved = shown && shown.id === policy.approvedPreviewId;

  return (
    <Card withBorder component="section" aria-labelledby="preview-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="preview-title">
            {t('retention.preview.title')}
          </Title>
          {canEdit && (
            <Button
              variant="light"
              leftSection={<IconCalculator size={16} />}
              loading={compute.isPending}
              onClick={() => compute.mutate()}
            >
              {t('retention.preview.compute')}
            </Button>
          )}
        </Group>
        {preview.isSuccess && !shown && <Text size="sm">{t('retention.preview.none')}</Text>}
        {shown && (
          <Stack>
            <Text size="sm">{shown.criteria[locale]}</Text>
            <Text size="xs" c="dimmed">
              {t('retention.preview.computedAt', {
                at: formatDateTime(shown.computedAt, locale),
                cutoff: formatDateTime(shown.cutoff, locale),
              })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              <Count label={t('retention.preview.matched')} value={shown.matched} />
              <Count label={t('retention.preview.toAct')} value={shown.toAct} />
              <Count label={t('retention.preview.held')} value={shown.matched - shown.toAct} />
            </SimpleGrid>
            {shown.held.length > 0 && (
              <List size="sm">
                {shown.held.map((hold) => (
                  <List.Item key={hold.holdId}>
                    {t('retention.preview.heldBy', { count: hold.count, reason: hold.reason })}
                  </List.Item>
                ))}
              </List>
            )}
            <SampleTable preview={shown} />
            {isApproved ? (
              <Alert color="teal" icon={<IconCheck size={18} />}>
                {t('retention.preview.approvedBy', {
                  name: shown.approvedBy?.name ?? '—',
                  at: formatDateTime(shown.approvedAt, locale),
                })}
              </Alert>
            ) : (
              canDecide && (
                <Group>
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} />}
                    loading={approve.isPending}
                    onClick={() => approve.mutate(shown.id)}
                  >
                    {t('retention.preview.approve')}
                  </Button>
                  <Text size="sm" c="dimmed">
                    {t('retention.preview.approveHint', { margin: policy.marginPercent })}
                  </Text>
                </Group>
              )
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** A store's timestamp as a date and time when it reads as one; as the store gave it otherwise. */
function timestampText(timestamp: string | null): string {
  if (!timestamp) return '—';
  return Number.isNaN(Date.parse(timestamp)) ? timestamp : formatDateTime(timestamp, currentLocale());
}

function SampleTable({ preview }: { preview: TPreview }) {
  const { t } = useTranslation();
  if (preview.sample.length === 0) return null;
  const identityFields = [...new Set(preview.sample.flatMap((record) => Object.keys(record.identity)))];
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table verticalSpacing={4} aria-label={t('retention.preview.sample')}>
        <Table.Caption>{t('retention.preview.sampleHint')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.preview.timestamp')}</Table.Th>
            {identityFields.map((field) => (
              <Table.Th key={field}>{field}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((record, index) => (
            // A masked sample has no key of its own; its order is the store's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={index}>
              <Table.Td>{timestampText(record.timestamp)}</Table.Td>
              {identityFields.map((field) => (
                <Table.Td key={field}>{record.identity[field] ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
