import { Anchor, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activitiesApi, type TConsolidation, type TConsolidationFilters } from '../../../api/activities.ts';
import { categoryName } from '../../../api/categories.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { FlagBadges } from '../categories/DataCategoriesList.tsx';
import { ListControls } from '../shared/ListControls.tsx';
import { orUndefined, useListParams } from '../shared/list-params.ts';
import { QueryState } from '../shared/QueryState.tsx';

const DEFAULTS = { q: '', isUsed: 'true', sort: 'vendors', order: 'desc' };

/** Per data category: how many vendors, systems and activities touch it, and which. */
export default function ConsolidationPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const list = useListParams(DEFAULTS);
  const { values } = list;
  const filters: TConsolidationFilters = {
    q: orUndefined(values.q),
    isUsed: values.isUsed === 'true' ? 'true' : undefined,
    sort: values.sort as TConsolidationFilters['sort'],
    order: values.order as TConsolidationFilters['order'],
  };
  const consolidation = useQuery({
    queryKey: registerKeys.consolidation(org.slug, filters),
    queryFn: () => activitiesApi.consolidation(org.slug, filters),
    placeholderData: keepPreviousData,
  });
  const rows = consolidation.data?.rows ?? [];

  return (
    <>
      <PageHeader title={t('register.consolidation.title')} description={t('register.consolidation.description')} />
      <Stack>
        <ListControls
          search={values.q}
          onSearch={(q) => list.set({ q })}
          sort={values.sort}
          sortOptions={['name', 'vendors', 'systems', 'activities'].map((value) => ({
            value,
            label: t(`register.consolidation.sort.${value}`),
          }))}
          order={values.order as 'asc' | 'desc'}
          onSortChange={(sort, order) => list.set({ sort, order })}
          isFiltered={list.isFiltered}
          onClear={list.reset}
        >
          <Switch
            label={t('register.consolidation.onlyUsed')}
            checked={values.isUsed === 'true'}
            onChange={(event) => list.set({ isUsed: event.currentTarget.checked ? 'true' : 'false' })}
            mb={8}
          />
        </ListControls>
        <QueryState isPending={consolidation.isPending} error={consolidation.error} />
        {consolidation.isSuccess && rows.length === 0 && (
          <EmptyState
            title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.consolidation.emptyTitle')}
            description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.consolidation.emptyText')}
          />
        )}
        {rows.length > 0 && <ConsolidationTable rows={rows} />}
      </Stack>
    </>
  );
}

type Row = TConsolidation['rows'][number];

function ConsolidationTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const base = `/o/${org.slug}/register`;
  const names = (refs: { id: string; name: string }[], path: string) =>
    refs.length === 0 ? (
      <Text size="sm" c="dimmed">
        0
      </Text>
    ) : (
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {refs.length}
        </Text>
        <Group gap={6}>
          {refs.map((ref) => (
            <Anchor key={ref.id} component={Link} to={`${base}/${path}/${ref.id}`} size="xs">
              {ref.name}
            </Anchor>
          ))}
        </Group>
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped aria-label={t('register.consolidation.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.systems.fields.dataCategory')}</Table.Th>
            <Table.Th>{t('register.consolidation.vendors')}</Table.Th>
            <Table.Th>{t('register.consolidation.systems')}</Table.Th>
            <Table.Th>{t('register.consolidation.activities')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.dataCategory.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {categoryName(row.dataCategory, locale)}
                </Text>
                <FlagBadges
                  category={{
                    ...row.dataCategory,
                    isFinancial: false,
                    isCredentials: false,
                    isCommunicationContent: false,
                  }}
                />
              </Table.Td>
              <Table.Td>{names(row.vendors, 'vendors')}</Table.Td>
              <Table.Td>{names(row.systems, 'systems')}</Table.Td>
              <Table.Td>{names(row.activities, 'activities')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
