import { Badge, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiTokensApi, type TApiToken } from '../../api/api-tokens.ts';
import { queryKeys } from '../../api/keys.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: TApiToken, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATUS_COLOURS: Record<TokenStatus, string> = { active: 'green', revoked: 'gray', expired: 'orange' };

export function ApiTokensTable({ tokens }: { tokens: TApiToken[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const now = new Date();
  const revoke = useMutation({
    mutationFn: (tokenId: string) => apiTokensApi.revoke(org.slug, tokenId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(org.slug) }),
  });

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiTokens.name')}</Table.Th>
            <Table.Th>{t('apiTokens.scopes')}</Table.Th>
            <Table.Th>{t('apiTokens.status')}</Table.Th>
            <Table.Th>{t('apiTokens.created')}</Table.Th>
            <Table.Th>{t('apiTokens.expires')}</Table.Th>
            <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                  <Code>{token.displayPrefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} variant="outline" size="sm">
                        {t(`apiTokens.scopeNames.${scope}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOURS[status]} variant="light">
                    {t(`apiTokens.statuses.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(token.createdAt, locale)}</Table.Td>
                <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, locale) : t('apiTokens.never')}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('apiTokens.notUsed')}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    {status === 'active' && (
                      <ConfirmButton
                        aria-label={t('apiTokens.revokeNamed', { name: token.name })}
                        question={t('apiTokens.revokeQuestion', { name: token.name })}
                        confirmLabel={t('apiTokens.revoke')}
                        onConfirm={() => revoke.mutateAsync(token.id)}
                      >
                        {t('apiTokens.revoke')}
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
