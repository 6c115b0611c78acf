import { Alert, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportKeys, requestExportsApi, type TRequestExport } from '../../api/request-exports.ts';
import { requestKeys, type TRequest } from '../../api/requests.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { Tag } from '../register/shared/Tag.tsx';
import { amsterdamDateTime } from './request-format.ts';

const STATUS_COLOURS: Record<TRequestExport['status'], string> = {
  queued: 'gray',
  building: 'blue',
  ready: 'green',
  failed: 'red',
  expired: 'gray',
};

const isWorking = (item: TRequestExport) => item.status === 'queued' || item.status === 'building';

/** Kilobytes or megabytes, in the reader's number format. */
function sizeText(bytes: number | null, locale: ReturnType<typeof currentLocale>): string {
  if (bytes === null) return '—';
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} kB`;
}

/**
 * The export package of a request: the action that builds one (the person gets the download link by mail) and
 * the state of each package — waiting, being built, ready until a date with downloads left, failed with why.
 */
export function RequestExports({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const exports = useQuery({
    queryKey: exportKeys.list(org.slug, request.id),
    queryFn: () => requestExportsApi.list(org.slug, request.id),
    refetchInterval: (query) => ((query.state.data ?? []).some(isWorking) ? 2000 : false),
  });
  const create = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: () => requestExportsApi.create(org.slug, request.id),
    onSuccess: () => {
      setError(null);
      void queryClient.invalidateQueries({ queryKey: exportKeys.list(org.slug, request.id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.one(org.slug, request.id) });
    },
    onError: (failure) => setError(describeError(failure)),
  });
  const items = exports.data ?? [];
  const wasWorking = items.some(isWorking);
  return (
    <Card withBorder padding="md" component="section" aria-label={t('requests.export.title')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('requests.export.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('requests.export.hint')}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {request.status !== 'closed' && (
          <Button size="xs" onClick={() => create.mutate()} loading={create.isPending || wasWorking}>
            {t('requests.export.create')}
          </Button>
        )}
        {items.length > 0 && (
          <Table verticalSpacing={4} aria-label={t('requests.export.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.export.requested')}</Table.Th>
                <Table.Th>{t('requests.export.state')}</Table.Th>
                <Table.Th>{t('requests.export.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{amsterdamDateTime(item.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    <Tag color={STATUS_COLOURS[item.status]}>{t(`requests.export.statuses.${item.status}`)}</Tag>
                  </Table.Td>
                  <Table.Td>
                    <ExportDetails item={item} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function ExportDetails({ item }: { item: TRequestExport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (item.status === 'failed') {
    return <Text size="sm">{t('requests.export.failed', { code: item.error ?? '' })}</Text>;
  }
  if (item.status !== 'ready') return <Text size="sm">—</Text>;
  return (
    <Text size="sm">
      {t('requests.export.readyDetails', {
        records: formatNumber(item.recordCount ?? 0, locale),
        size: sizeText(item.sizeBytes, locale),
        expires: amsterdamDateTime(item.expiresAt as string, locale),
        left: item.downloadsLeft,
      })}
    </Text>
  );
}
