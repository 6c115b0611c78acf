import { Button, Stack } from '@mantine/core';
import { IconPlus, IconSparkles } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  activitiesApi,
  LEGAL_BASES,
  type TActivityFilters,
} from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { orUndefined, PAGE_SIZE, useListParams } from '../shared/list-params.ts';
import {
  useDataCategoryOptions,
  useEnumOptions,
  useSubjectCategoryOptions,
  useSystemOptions,
  useVendorOptions,
} from '../shared/options.ts';
import { Paging } from '../shared/Paging.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { ActivitiesTable, type Selection } from './ActivitiesTable.tsx';
import { BulkActions } from './BulkActions.tsx';

const DEFAULTS = {
  q: '',
  role: '',
  status: '',
  legalBasis: '',
  isComplete: '',
  dataCategoryId: '',
  subjectCategoryId: '',
  systemId: '',
  vendorId: '',
  sort: 'name',
  order: 'asc',
};
const SORTS = ['name', 'status', 'role', 'reviewDate', 'updatedAt', 'completeness'];

function filtersOf(values: typeof DEFAULTS, page: number): TActivityFilters {
  return {
    q: orUndefined(values.q),
    role: orUndefined(values.role),
    status: orUndefined(values.status),
    legalBasis: orUndefined(values.legalBasis),
    isComplete: orUndefined(values.isComplete),
    dataCategoryId: orUndefined(values.dataCategoryId),
    subjectCategoryId: orUndefined(values.subjectCategoryId),
    systemId: orUndefined(values.systemId),
    vendorId: orUndefined(values.vendorId),
    sort: values.sort as TActivityFilters['sort'],
    order: values.order as TActivityFilters['order'],
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

/**
 * The activities chosen for a bulk action. A selection belongs to the list it was made on: another page, filter or
 * order starts afresh, so an action never reaches rows the person no longer sees.
 */
function useSelection(listKey: string): Selection & { clear: () => void } {
  const [state, setState] = useState<{ listKey: string; ids: ReadonlySet<string> }>({ listKey, ids: new Set() });
  const ids = state.listKey === listKey ? state.ids : new Set<string>();
  const update = (change: (next: Set<string>) => void) =>
    setState((current) => {
      const next = new Set(current.listKey === listKey ? current.ids : []);
      change(next);
      return { listKey, ids: next };
    });
  return {
    ids,
    toggle: (id) =>
      update((next) => {
        if (!next.delete(id)) next.add(id);
      }),
    setAll: (pageIds, isSelected) =>
      update((next) => {
        for (const id of pageIds) {
          if (isSelected) next.add(id);
          else next.delete(id);
        }
      }),
    clear: () => setState({ listKey, ids: new Set() }),
  };
}

/** The processing activities of the register: searchable, filterable, sortable, each with its completeness. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const list = useListParams(DEFAULTS);
  const { values } = list;
  const filters = filtersOf(values, list.page);
  const activities = useQuery({
    queryKey: registerKeys.activities(org.slug, filters),
    queryFn: () => activitiesApi.list(org.slug, filters),
    placeholderData: keepPreviousData,
  });
  const options = {
    roles: useEnumOptions(ACTIVITY_ROLES, 'activityRolesShort'),
    statuses: useEnumOptions(ACTIVITY_STATUSES, 'activityStatus'),
    bases: useEnumOptions(LEGAL_BASES, 'legalBases'),
    completeness: [
      { value: 'true', label: t('register.completeness.status.complete') },
      { value: 'false', label: t('register.activities.incomplete') },
    ],
    dataCategories: useDataCategoryOptions(),
    subjectCategories: useSubjectCategoryOptions(),
    systems: useSystemOptions(),
    vendors: useVendorOptions(),
  };
  const items = activities.data?.items ?? [];
  const selection = useSelection(JSON.stringify(filters));
  const selected = items.filter((activity) => selection.ids.has(activity.id));
  const filter = (name: keyof typeof DEFAULTS, label: string, data: { value: string; label: string }[]) => (
    <FilterSelect label={label} value={values[name]} options={data} onChange={(value) => list.set({ [name]: value })} />
  );

  return (
    <>
      <PageHeader
        title={t('register.activities.title')}
        description={t('register.activities.description')}
        actions={
          canEdit && (
            <Button component={Link} to="new" leftSection={<IconPlus size={16} />}>
              {t('register.activities.add')}
            </Button>
          )
        }
      />
      <Stack>
        <ListControls
          search={values.q}
          onSearch={(q) => list.set({ q })}
          sort={values.sort}
          sortOptions={SORTS.map((value) => ({ value, label: t(`register.activities.sort.${value}`) }))}
          order={values.order as 'asc' | 'desc'}
          onSortChange={(sort, order) => list.set({ sort, order })}
          isFiltered={list.isFiltered}
          onClear={list.reset}
          moreFilters={
            <>
              {filter('legalBasis', t('register.activities.columns.legalBasis'), options.bases)}
              {filter('subjectCategoryId', t('register.activities.filters.subjects'), options.subjectCategories)}
              {filter('dataCategoryId', t('register.activities.filters.data'), options.dataCategories)}
              {filter('systemId', t('register.activities.filters.system'), options.systems)}
              {filter('vendorId', t('register.activities.filters.vendor'), options.vendors)}
            </>
          }
        >
          {filter('role', t('register.activities.columns.role'), options.roles)}
          {filter('status', t('register.common.status'), options.statuses)}
          {filter('isComplete', t('register.completeness.title'), options.completeness)}
        </ListControls>
        <QueryState isPending={activities.isPending} error={activities.error} />
        {activities.isSuccess && items.length === 0 && (
          <EmptyState
            title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.activities.emptyTitle')}
            description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.activities.emptyText')}
            action={
              canEdit &&
              !list.isFiltered && (
                <Button component={Link} to="../start" variant="light" leftSection={<IconSparkles size={16} />}>
                  {t('register.activities.quickStart')}
                </Button>
              )
            }
          />
        )}
        {canEdit && <BulkActions selected={selected} onDone={selection.clear} />}
        {items.length > 0 && <ActivitiesTable activities={items} selection={canEdit ? selection : undefined} />}
        {activities.data && items.length > 0 && (
          <Paging page={list.page} total={activities.data.total} shown={items.length} onPage={list.setPage} />
        )}
      </Stack>
    </>
  );
}
