import { Alert, Anchor, Badge, Button, Center, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { MAIL_STATUSES, outboxApi, type TMailStatus } from '../../api/outbox.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { STATUS_COLOURS } from './status.ts';
import { templateLabel } from './template-label.ts';

export default function OutboxPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as TMailStatus | null) ?? undefined;
  const pages = useInfiniteQuery({
    queryKey: queryKeys.outbox(org.slug, { status }),
    queryFn: ({ pageParam }) => outboxApi.list(org.slug, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const messages = pages.data?.pages.flatMap((page) => page.messages) ?? [];
  const isSmtpConfigured = pages.data?.pages[0]?.isSmtpConfigured ?? true;

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Stack gap="md">
        {!isSmtpConfigured && (
          <Alert color="orange" icon={<IconMailOff size={18} />} title={t('outbox.noSmtpTitle')}>
            {t('outbox.noSmtpText')}
          </Alert>
        )}
        <Select
          label={t('outbox.statusFilter')}
          placeholder={t('outbox.allStatuses')}
          clearable
          data={MAIL_STATUSES.map((value) => ({ value, label: t(`outbox.statuses.${value}`) }))}
          value={status ?? null}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          maw={260}
        />
        {pages.isPending && (
          <Center p="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {pages.isError && <Alert color="red">{describeError(pages.error)}</Alert>}
        {pages.isSuccess && messages.length === 0 && (
          <EmptyState title={t('outbox.emptyTitle')} description={t('outbox.emptyText')} />
        )}
        {messages.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={t('outbox.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.subject')}</Table.Th>
                  <Table.Th>{t('outbox.recipient')}</Table.Th>
                  <Table.Th>{t('outbox.status')}</Table.Th>
                  <Table.Th>{t('outbox.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td>
                      <Anchor component={Link} to={message.id} size="sm" fw={500}>
                        {message.subject}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {templateLabel(t, message.template)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{message.recipient}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[message.status]} variant="light">
                        {t(`outbox.statuses.${message.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(message.createdAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages.hasNextPage && (
          <Group justify="center">
            <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('outbox.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
