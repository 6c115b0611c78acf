import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { outboxApi } from '../../api/outbox.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { isRetryable, STATUS_COLOURS } from './status.ts';
import { templateLabel } from './template-label.ts';

export default function OutboxMessagePage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { messageId = '' } = useParams();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const message = useQuery({
    queryKey: queryKeys.outboxMessage(org.slug, messageId),
    queryFn: () => outboxApi.get(org.slug, messageId),
  });
  // Held mail only leaves once SMTP is set up; until then "send again" could only fail.
  const smtp = useQuery({
    queryKey: queryKeys.outboxSmtp(org.slug),
    queryFn: async () => (await outboxApi.list(org.slug, undefined, undefined, 1)).isSmtpConfigured,
  });
  const retry = useMutation({
    mutationFn: () => outboxApi.retry(org.slug, messageId),
    onSuccess: () => notifications.show({ color: 'green', message: t('outbox.retried') }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['org', org.slug] }),
  });

  const back = (
    <Anchor component={Link} to={`/o/${org.slug}/outbox`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('outbox.back')}
      </Group>
    </Anchor>
  );
  if (message.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (message.isError)
    return (
      <Stack>
        {back}
        <Alert color="red">{describeError(message.error)}</Alert>
      </Stack>
    );

  const mail = message.data;
  const facts: [string, string][] = [
    [t('outbox.recipient'), mail.recipient],
    [t('outbox.created'), formatDateTime(mail.createdAt, locale)],
    [t('outbox.sentAt'), mail.sentAt ? formatDateTime(mail.sentAt, locale) : '—'],
    [t('outbox.attempts'), String(mail.attempts)],
    [t('outbox.language'), mail.locale.toUpperCase()],
    [t('outbox.template'), templateLabel(t, mail.template) || '—'],
  ];
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2" style={{ flex: '1 1 320px' }}>
          {mail.subject}
        </Title>
        <Group gap="sm">
          <Badge color={STATUS_COLOURS[mail.status]} variant="light" size="lg">
            {t(`outbox.statuses.${mail.status}`)}
          </Badge>
          {isRetryable(mail.status) && (mail.status === 'failed' || smtp.data === true) && (
            <Button onClick={() => retry.mutate()} loading={retry.isPending}>
              {t('outbox.retry')}
            </Button>
          )}
        </Group>
      </Group>
      {mail.lastError && (
        <Alert color="red" title={t('outbox.lastError')}>
          {mail.lastError}
        </Alert>
      )}
      <Table variant="vertical" layout="fixed" withTableBorder maw={640}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder radius="md">
        {mail.body === null ? (
          <Group gap="xs" c="dimmed">
            <IconLock size={18} />
            <Text size="sm">{t('outbox.bodyHidden')}</Text>
          </Group>
        ) : (
          <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
            {mail.body}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
