import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, type TInvitation, type TRole } from '../../api/organisations.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LocaleSelect } from '../../components/LocaleSelect.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { RoleSelect } from '../../components/RoleSelect.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

const STATUS_COLOURS: Record<TInvitation['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'gray',
  expired: 'orange',
};

interface InviteValues {
  email: string;
  role: TRole;
  locale: 'nl' | 'en';
}

export function InvitationsSection() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [formError, setFormError] = useState<string | null>(null);
  const invitations = useQuery({
    queryKey: queryKeys.invitations(org.slug),
    queryFn: () => organisationsApi.invitations(org.slug),
  });
  const form = useForm<InviteValues>({ initialValues: { email: '', role: 'editor', locale } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(org.slug) });

  const invite = useMutation({
    mutationFn: (values: InviteValues) => organisationsApi.invite(org.slug, values),
    meta: { showsOwnErrors: true },
    onSuccess: async (_result, values) => {
      notifications.show({ color: 'green', message: t('members.invitations.sent', { email: values.email }) });
      form.setFieldValue('email', '');
      await refresh();
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => organisationsApi.revokeInvitation(org.slug, invitationId),
    onSettled: refresh,
  });

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <form
          noValidate
          aria-label={t('members.invitations.formLabel')}
          onSubmit={form.onSubmit((values) => {
            setFormError(null);
            invite.mutate(values);
          })}
        >
          <Stack gap="sm">
            <FormAlert message={formError} />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={t('auth.email')}
                type="email"
                withAsterisk
                style={{ flex: '2 1 240px' }}
                {...form.getInputProps('email')}
              />
              <RoleSelect label={t('members.role')} style={{ flex: '1 1 160px' }} {...form.getInputProps('role')} />
              <LocaleSelect
                label={t('members.invitations.language')}
                style={{ flex: '1 1 140px' }}
                {...form.getInputProps('locale')}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={invite.isPending}>
                {t('members.invitations.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {invitations.data?.length === 0 && <Text c="dimmed">{t('members.invitations.empty')}</Text>}
      {invitations.data && invitations.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth.email')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.invitations.status')}</Table.Th>
                <Table.Th>{t('members.invitations.expires')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>
                    <RoleBadge role={invitation.role} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[invitation.status]} variant="light">
                      {t(`members.invitations.statuses.${invitation.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(invitation.expiresAt, locale)}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      {invitation.status === 'pending' && (
                        <ConfirmButton
                          aria-label={t('members.invitations.revokeFor', { email: invitation.email })}
                          question={t('members.invitations.revokeQuestion', { email: invitation.email })}
                          confirmLabel={t('members.invitations.revoke')}
                          onConfirm={() => revoke.mutateAsync(invitation.id)}
                        >
                          {t('members.invitations.revoke')}
                        </ConfirmButton>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
