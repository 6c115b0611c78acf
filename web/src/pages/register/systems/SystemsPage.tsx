import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inventoryApi, SYSTEM_KINDS, type TSystem, type TSystemFilters } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { countryName, toCalendarDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { orUndefined, PAGE_SIZE, useListParams } from '../shared/list-params.ts';
import { useDataCategoryOptions, useEnumOptions, useVendorOptions } from '../shared/options.ts';
import { Paging } from '../shared/Paging.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';

const DEFAULTS = { q: '', kind: '', status: '', vendorId: '', dataCategoryId: '', sort: 'name', order: 'asc' };
const SORTS = ['name', 'kind', 'status', 'updatedAt'];

/** The systems where personal data lives: searchable, filterable by kind, status, vendor and data category. */
export default function SystemsPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const list = useListParams(DEFAULTS);
  const { values } = list;
  const filters: TSystemFilters = {
    q: orUndefined(values.q),
    kind: orUndefined(values.kind),
    status: orUndefined(values.status),
    vendorId: orUndefined(values.vendorId),
    dataCategoryId: orUndefined(values.dataCategoryId),
    sort: values.sort as TSystemFilters['sort'],
    order: values.order as TSystemFilters['order'],
    limit: PAGE_SIZE,
    offset: (list.page - 1) * PAGE_SIZE,
  };
  const systems = useQuery({
    queryKey: registerKeys.systems(org.slug, filters),
    queryFn: () => inventoryApi.list(org.slug, filters),
    placeholderData: keepPreviousData,
  });
  const kinds = useEnumOptions(SYSTEM_KINDS, 'systemKinds');
  const statuses = useEnumOptions(['active', 'retired'], 'activeStatus');
  const vendors = useVendorOptions();
  const categories = useDataCategoryOptions();
  const items = systems.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('register.systems.title')}
        description={t('register.systems.description')}
        actions={
          canEdit && (
            <Button component={Link} to="new" leftSection={<IconPlus size={16} />}>
              {t('register.systems.add')}
            </Button>
          )
        }
      />
      <Stack>
        <ListControls
          search={values.q}
          onSearch={(q) => list.set({ q })}
          sort={values.sort}
          sortOptions={SORTS.map((value) => ({ value, label: t(`register.systems.sort.${value}`) }))}
          order={values.order as 'asc' | 'desc'}
          onSortChange={(sort, order) => list.set({ sort, order })}
          isFiltered={list.isFiltered}
          onClear={list.reset}
        >
          <FilterSelect
            label={t('register.systems.fields.kind')}
            value={values.kind}
            options={kinds}
            onChange={(kind) => list.set({ kind })}
          />
          <FilterSelect
            label={t('register.common.status')}
            value={values.status}
            options={statuses}
            onChange={(status) => list.set({ status })}
          />
          <FilterSelect
            label={t('register.systems.fields.vendor')}
            value={values.vendorId}
            options={vendors}
            onChange={(vendorId) => list.set({ vendorId })}
          />
          <FilterSelect
            label={t('register.systems.fields.dataCategory')}
            value={values.dataCategoryId}
            options={categories}
            onChange={(dataCategoryId) => list.set({ dataCategoryId })}
          />
        </ListControls>
        <QueryState isPending={systems.isPending} error={systems.error} />
        {systems.isSuccess && items.length === 0 && (
          <EmptyState
            title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.systems.emptyTitle')}
            description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.systems.emptyText')}
            action={
              canEdit &&
              !list.isFiltered && (
                <Button component={Link} to="new" variant="light">
                  {t('register.systems.add')}
                </Button>
              )
            }
          />
        )}
        {items.length > 0 && <SystemsTable systems={items} />}
        {systems.data && items.length > 0 && (
          <Paging page={list.page} total={systems.data.total} shown={items.length} onPage={list.setPage} />
        )}
      </Stack>
    </>
  );
}

const triState = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');

function SystemsTable({ systems }: { systems: TSystem[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = toCalendarDate(new Date());
  const currentLocations = (system: TSystem) =>
    system.locations.filter(
      (location) => (location.since ?? '') <= today && (!location.until || location.until >= today),
    );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" striped aria-label={t('register.systems.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.systems.fields.name')}</Table.Th>
            <Table.Th>{t('register.systems.fields.kind')}</Table.Th>
            <Table.Th>{t('register.systems.fields.vendor')}</Table.Th>
            <Table.Th>{t('register.systems.columns.locations')}</Table.Th>
            <Table.Th>{t('register.systems.columns.mfa')}</Table.Th>
            <Table.Th>{t('register.systems.columns.encrypted')}</Table.Th>
            <Table.Th>{t('register.common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {systems.map((system) => {
            const current = currentLocations(system);
            // As the completeness check: only the copies in force today (an ended copy is history).
            const needsSafeguard = current.some((location) => location.transfer.needsSafeguard);
            return (
              <Table.Tr key={system.id}>
                <Table.Td>
                  <Anchor component={Link} to={system.id} fw={500} size="sm">
                    {system.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('register.systems.categoryCount', { count: system.dataCategoryIds.length })}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`register.enums.systemKinds.${system.kind}`)}</Table.Td>
                <Table.Td>{system.vendor?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {current.length === 0
                      ? t('register.systems.noCurrentLocation')
                      : current
                          .map(
                            (location) =>
                              `${countryName(location.country, locale)} (${t(`register.enums.locationRoles.${location.role}`)})`,
                          )
                          .join(', ')}
                  </Text>
                  {needsSafeguard && (
                    <Tag color="red" variant="light" size="sm">
                      {t('register.transfer.missingSafeguard')}
                    </Tag>
                  )}
                </Table.Td>
                <Table.Td>{t(`register.enums.triState.${triState(system.isMfaEnforced)}`)}</Table.Td>
                <Table.Td>{t(`register.enums.triState.${triState(system.isEncryptedAtRest)}`)}</Table.Td>
                <Table.Td>
                  <Tag color={system.status === 'active' ? 'teal' : 'gray'} variant="light">
                    {t(`register.enums.activeStatus.${system.status}`)}
                  </Tag>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
