import { Anchor, Button, Group, Table } from '@mantine/core';
import { IconDownload, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { breachesApi, breachKeys, type TIncidentSummary } from '../../api/breaches.ts';
import { useCan, useCurrentOrganisation } from '../../app/organisations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { QueryState } from '../register/shared/QueryState.tsx';
import { Tag } from '../register/shared/Tag.tsx';
import { amsterdamDateTime } from '../requests/request-format.ts';
import { ClockText, DecisionTag } from './BreachParts.tsx';
import { PlaybookEditor } from './PlaybookEditor.tsx';
import { RecordIncidentModal } from './RecordIncidentModal.tsx';

/** The register of breaches (Art. 33(5)): every incident, open first, with its 72-hour clock and decision. */
export default function BreachesPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canRecord = useCan('editor');
  const [isCreating, setIsCreating] = useState(false);
  const canEditPlaybook = useCan('privacy_officer');
  const [isEditingPlaybook, setIsEditingPlaybook] = useState(false);
  const list = useQuery({ queryKey: breachKeys.list(org.slug), queryFn: () => breachesApi.list(org.slug) });
  const exportUrl = (format: 'xlsx' | 'pdf') =>
    `/api/orgs/${encodeURIComponent(org.slug)}/breaches/export?format=${format}&locale=${currentLocale()}`;
  const actions = (
    <Group gap="xs">
      <Button
        component="a"
        href={exportUrl('xlsx')}
        download
        variant="default"
        leftSection={<IconDownload size={16} />}
      >
        {t('breaches.register.exportXlsx')}
      </Button>
      <Button component="a" href={exportUrl('pdf')} download variant="default" leftSection={<IconDownload size={16} />}>
        {t('breaches.register.exportPdf')}
      </Button>
      {canEditPlaybook && (
        <Button variant="default" leftSection={<IconListCheck size={16} />} onClick={() => setIsEditingPlaybook(true)}>
          {t('breaches.playbookEditor.open')}
        </Button>
      )}
      {canRecord && (
        <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)}>
          {t('breaches.register.add')}
        </Button>
      )}
    </Group>
  );
  return (
    <>
      <PageHeader
        title={t('breaches.register.title')}
        description={t('breaches.register.description')}
        actions={actions}
      />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState title={t('breaches.register.emptyTitle')} description={t('breaches.register.emptyText')} />
      )}
      {list.isSuccess && list.data.length > 0 && <IncidentsTable items={list.data} />}
      {canRecord && <RecordIncidentModal opened={isCreating} onClose={() => setIsCreating(false)} />}
      {canEditPlaybook && <PlaybookEditor opened={isEditingPlaybook} onClose={() => setIsEditingPlaybook(false)} />}
    </>
  );
}

function IncidentsTable({ items }: { items: TIncidentSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="xs" striped aria-label={t('breaches.register.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('breaches.register.columns.reference')}</Table.Th>
            <Table.Th>{t('breaches.register.columns.title')}</Table.Th>
            <Table.Th>{t('breaches.register.columns.awareAt')}</Table.Th>
            <Table.Th>{t('breaches.register.columns.clock')}</Table.Th>
            <Table.Th>{t('breaches.register.columns.decision')}</Table.Th>
            <Table.Th>{t('breaches.register.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={item.id} fw={500} size="sm">
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.title}</Table.Td>
              <Table.Td>{amsterdamDateTime(item.awareAt, locale)}</Table.Td>
              <Table.Td>
                {item.status === 'closed' && !item.clock.authorityNotifiedAt ? '—' : <ClockText clock={item.clock} />}
              </Table.Td>
              <Table.Td>
                <DecisionTag decision={item.decision} />
              </Table.Td>
              <Table.Td>
                <Tag color={item.status === 'closed' ? 'gray' : 'blue'}>{t(`breaches.statuses.${item.status}`)}</Tag>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
