import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, type TMember, type TRole } from '../../api/organisations.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { RoleSelect } from '../../components/RoleSelect.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/** Members with their roles; owners change roles and remove people, anyone may leave. */
export function MembersTable({ members, isOwner }: { members: TMember[]; isOwner: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.members(org.slug) });

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) =>
      organisationsApi.changeRole(org.slug, userId, role),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => organisationsApi.removeMember(org.slug, userId),
    onSuccess: async (_result, userId) => {
      if (userId !== me.id) return refresh();
      await queryClient.invalidateQueries({ queryKey: queryKeys.myOrganisations });
      navigate('/');
    },
  });

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('members.role')}</Table.Th>
            <Table.Th>{t('members.twoFactor')}</Table.Th>
            <Table.Th>{t('members.joined')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const isMe = member.userId === me.id;
            return (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.name}{' '}
                    {isMe && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        ({t('members.you')})
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {isOwner ? (
                    <RoleSelect
                      aria-label={t('members.roleOf', { name: member.name })}
                      value={member.role}
                      size="xs"
                      w={170}
                      disabled={changeRole.isPending}
                      onChange={(role) => role && changeRole.mutate({ userId: member.userId, role: role as TRole })}
                    />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={member.hasTotp ? 'green' : 'gray'} variant="light">
                    {member.hasTotp ? t('common.on') : t('common.off')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(member.joinedAt, locale)}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    {(isOwner || isMe) && (
                      <ConfirmButton
                        aria-label={t(isMe ? 'members.leave' : 'members.removeNamed', { name: member.name })}
                        question={t(isMe ? 'members.leaveQuestion' : 'members.removeQuestion', {
                          name: member.name,
                          organisation: org.name,
                        })}
                        confirmLabel={t(isMe ? 'members.leave' : 'members.remove')}
                        onConfirm={() => remove.mutateAsync(member.userId)}
                      >
                        {t(isMe ? 'members.leave' : 'members.remove')}
                      </ConfirmButton>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
