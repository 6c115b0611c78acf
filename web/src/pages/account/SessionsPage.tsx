import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { identityApi, type TSession } from '../../api/identity.ts';
import { queryKeys } from '../../api/keys.ts';
import { describeError } from '../../app/query-client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { describeUserAgent } from './device.ts';

function DeviceName({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const { browser, system } = describeUserAgent(session.userAgent);
  const name =
    browser && system
      ? t('account.sessions.browserOn', { browser, system })
      : (browser ?? system ?? t('account.sessions.unknownDevice'));
  return (
    <Tooltip label={session.userAgent || t('account.sessions.unknownDevice')} multiline w={320} withArrow>
      <Text size="sm" fw={500} span>
        {name}
      </Text>
    </Tooltip>
  );
}

export default function SessionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: identityApi.sessions });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
  const revoke = useMutation({ mutationFn: identityApi.revokeSession, onSettled: refresh });
  const revokeOthers = useMutation({
    mutationFn: identityApi.revokeOtherSessions,
    onSuccess: (result) =>
      notifications.show({ color: 'green', message: t('account.sessions.othersRevoked', { count: result.revoked }) }),
    onSettled: refresh,
  });

  if (sessions.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (sessions.isError) return <Alert color="red">{describeError(sessions.error)}</Alert>;
  const hasOthers = sessions.data.sessions.some((session) => !session.isCurrent);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={560}>
          {t('account.sessions.description')}
        </Text>
        {hasOthers && (
          <ConfirmButton
            question={t('account.sessions.revokeOthersQuestion')}
            confirmLabel={t('account.sessions.revokeOthers')}
            onConfirm={() => revokeOthers.mutateAsync()}
            size="sm"
          >
            {t('account.sessions.revokeOthers')}
          </ConfirmButton>
        )}
      </Group>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.sessions.device')}</Table.Th>
              <Table.Th>{t('account.sessions.network')}</Table.Th>
              <Table.Th>{t('account.sessions.started')}</Table.Th>
              <Table.Th>{t('account.sessions.lastSeen')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.sessions.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <DeviceName session={session} />{' '}
                  {session.isCurrent && (
                    <Badge size="xs" variant="light" color="green">
                      {t('account.sessions.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{session.ipPrefix}</Table.Td>
                <Table.Td>{formatDateTime(session.createdAt, locale)}</Table.Td>
                <Table.Td>{formatDateTime(session.lastSeenAt, locale)}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    {!session.isCurrent && (
                      <Button size="xs" variant="light" color="red" onClick={() => revoke.mutate(session.id)}>
                        {t('account.sessions.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
