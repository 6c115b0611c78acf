import { Alert, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { exportKeys, requestExportsApi } from '../../api/request-exports.ts';
import { describeError } from '../../app/query-client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { PublicFrame } from './PublicFrame.tsx';
import { amsterdamDateTime } from './request-format.ts';

/**
 * `/p/:slug/request/download?token=…`: the link from the "your data is ready" mail. Shows what the package holds
 * and until when, and downloads it as a file (a plain link: the browser saves the ZIP). No account needed.
 */
export default function DownloadPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const info = useQuery({
    queryKey: exportKeys.download(token),
    queryFn: () => requestExportsApi.info(token),
    enabled: token.length > 0,
    retry: false,
  });
  const locale = currentLocale();
  const data = info.data;
  const handleDownload = () => {
    // The count of downloads left changes once the browser has the file.
    window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: exportKeys.download(token) }), 1500);
  };
  return (
    <PublicFrame title={t('requests.download.title')}>
      {!token && <Alert color="red">{t('requests.download.missingToken')}</Alert>}
      {token && info.isPending && (
        <Center p="lg">
          <Loader aria-label={t('requests.download.loading')} />
        </Center>
      )}
      {info.error && (
        <Alert color="red" role="alert">
          {describeError(info.error)}
        </Alert>
      )}
      {data && (
        <Stack gap="md">
          <Text>
            {t('requests.download.intro', {
              organisation: data.organisationName,
              reference: data.reference ?? '',
            })}
          </Text>
          <Table withTableBorder aria-label={t('requests.download.contentsLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.download.system')}</Table.Th>
                <Table.Th>{t('requests.download.recordType')}</Table.Th>
                <Table.Th ta="right">{t('requests.download.records')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.contents.map((row) => (
                <Table.Tr key={row.files.join('|')}>
                  <Table.Td>{row.system}</Table.Td>
                  <Table.Td>{row.recordType}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.records, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('requests.download.formats')}</Text>
          <Text size="sm" c="dimmed">
            {t('requests.download.validity', {
              expires: amsterdamDateTime(data.expiresAt, locale),
              left: data.downloadsLeft,
            })}
          </Text>
          <Button
            component="a"
            href={requestExportsApi.downloadUrl(token)}
            download={data.fileName}
            leftSection={<IconDownload size={16} />}
            onClick={handleDownload}
          >
            {t('requests.download.button', { file: data.fileName })}
          </Button>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('requests.download.checksum', { sha256: data.sha256 })}
          </Text>
        </Stack>
      )}
    </PublicFrame>
  );
}
