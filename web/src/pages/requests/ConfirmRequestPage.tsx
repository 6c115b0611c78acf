import { Alert, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { requestsApi } from '../../api/requests.ts';
import { describeError } from '../../app/query-client.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { PublicFrame } from './PublicFrame.tsx';
import { longDate } from './request-format.ts';

/** `/p/:slug/request/confirm?token=…`: the link from the confirmation mail; confirming twice shows the same. */
export default function ConfirmRequestPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirmed = useQuery({
    queryKey: ['public-request-confirm', token],
    queryFn: () => requestsApi.confirm(token),
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const locale = currentLocale();
  const result = confirmed.data;
  return (
    <PublicFrame title={result ? t('requests.confirm.doneTitle') : t('requests.confirm.title')}>
      {!token && <Alert color="red">{t('requests.confirm.missingToken')}</Alert>}
      {token && confirmed.isPending && (
        <Center p="lg">
          <Stack align="center" gap="xs">
            <Loader aria-label={t('requests.confirm.working')} />
            <Text>{t('requests.confirm.working')}</Text>
          </Stack>
        </Center>
      )}
      {confirmed.error && (
        <Alert color="red" role="alert">
          {describeError(confirmed.error)}
        </Alert>
      )}
      {result && (
        <Stack gap="md">
          <Text>{t('requests.confirm.doneText', { organisation: result.organisationName })}</Text>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('requests.confirm.reference')}</Table.Th>
                <Table.Td>{result.reference}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('requests.confirm.right')}</Table.Th>
                <Table.Td>{t(`requests.rights.${result.right}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('requests.confirm.received')}</Table.Th>
                <Table.Td>{formatDate(result.receivedOn, locale)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
            {t('requests.confirm.due', { date: longDate(result.due, locale) })}
          </Alert>
        </Stack>
      )}
    </PublicFrame>
  );
}
