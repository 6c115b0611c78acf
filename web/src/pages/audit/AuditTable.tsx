import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../api/audit.ts';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { useCurrentOrganisation, useMyOrganisations } from '../../app/organisations.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { actionLabel, actorOf, describeEntry, subjectOf } from './labels.ts';

export function AuditTable({ entries }: { entries: TAuditEntry[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const members = useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: () => organisationsApi.members(org.slug),
  });
  const organisations = useMyOrganisations();
  // Names the trail does not keep: people (members now) and organisations (for old entries and "client of").
  const knownNames = new Map([
    ...(members.data ?? []).map((member) => [member.userId, member.name] as const),
    ...(organisations.data ?? []).map((organisation) => [organisation.id, organisation.name] as const),
  ]);

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" striped aria-label={t('audit.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.when')}</Table.Th>
            <Table.Th>{t('audit.columns.who')}</Table.Th>
            <Table.Th>{t('audit.columns.what')}</Table.Th>
            <Table.Th>{t('audit.columns.object')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt, locale)}</Table.Td>
              <Table.Td>{actorOf(t, entry.actor)}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(entry.action, locale)}</Text>
              </Table.Td>
              <Table.Td>{subjectOf(t, entry.target, knownNames)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {describeEntry(t, entry, locale, knownNames)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
