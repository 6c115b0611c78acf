import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClientRequest, TRequestSummary } from '../../api/requests.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { Tag } from '../register/shared/Tag.tsx';
import { DeadlineCell } from './RequestParts.tsx';

/**
 * Requests with their deadline: this organisation's (links to their pages) or, with `linkTo`, the client
 * organisations' (links into the client's desk).
 */
export function RequestsTable({
  items,
  label,
  linkTo,
}: {
  items: (TRequestSummary | TClientRequest)[];
  label: string;
  linkTo: (item: TRequestSummary | TClientRequest) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const showsOrganisation = items.some((item) => 'organisation' in item);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.desk.columns.reference')}</Table.Th>
            {showsOrganisation && <Table.Th>{t('requests.desk.columns.organisation')}</Table.Th>}
            <Table.Th>{t('requests.desk.columns.right')}</Table.Th>
            <Table.Th>{t('requests.desk.columns.requester')}</Table.Th>
            <Table.Th>{t('requests.desk.columns.received')}</Table.Th>
            <Table.Th>{t('requests.desk.columns.due')}</Table.Th>
            <Table.Th>{t('requests.desk.columns.assignee')}</Table.Th>
            <Table.Th>{t('requests.desk.columns.identity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={linkTo(item)} fw={500} size="sm">
                  {item.reference ?? t('requests.desk.noReference')}
                </Anchor>
              </Table.Td>
              {showsOrganisation && <Table.Td>{'organisation' in item ? item.organisation.name : ''}</Table.Td>}
              <Table.Td>{t(`requests.rights.${item.right}`)}</Table.Td>
              <Table.Td>
                {item.requesterName ?? (
                  <Text span size="sm" c="dimmed">
                    {t('requests.desk.minimised')}
                  </Text>
                )}
                {item.status === 'closed' && item.outcome && (
                  <Text size="xs" c="dimmed">
                    {t(`requests.outcomes.${item.outcome}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(item.receivedAt, locale)}</Table.Td>
              <Table.Td>{item.status === 'closed' ? '—' : <DeadlineCell deadline={item.deadline} />}</Table.Td>
              <Table.Td>{item.assignee?.name ?? '—'}</Table.Td>
              <Table.Td>
                <Tag color={item.isIdentityVerified ? 'green' : 'gray'}>
                  {item.isIdentityVerified ? t('requests.desk.identityChecked') : t('requests.desk.identityOpen')}
                </Tag>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
