import { Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inventoryApi, LOCATION_ROLES, type TLocation, type TLocationRole } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { toCalendarDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { DateField } from '../shared/fields.tsx';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { useListParams } from '../shared/list-params.ts';
import { useEnumOptions, useSystemOptions } from '../shared/options.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { EeaStatusCard } from './EeaStatusCard.tsx';
import { LocationsList } from './LocationsList.tsx';

const SORTS = ['system', 'role', 'country', 'since'] as const;
const sortKey: Record<(typeof SORTS)[number], (location: TLocation) => string> = {
  system: (location) => location.system.name.toLowerCase(),
  role: (location) => String(LOCATION_ROLES.indexOf(location.role)),
  country: (location) => location.country,
  since: (location) => location.since ?? '',
};

/** "Where was this system's data, and its backups, on day D?" and "since when are all backups inside the EEA?" */
export default function WhereIsDataPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const today = toCalendarDate(new Date());
  const list = useListParams({ on: today, roles: '', systemId: '', q: '', sort: 'system', order: 'asc' });
  const { values } = list;
  const roles = values.roles ? (values.roles.split(',') as TLocationRole[]) : [];
  const filters = { on: values.on, roles, systemId: values.systemId || undefined };
  const locations = useQuery({
    queryKey: registerKeys.locationsOn(org.slug, filters),
    queryFn: () => inventoryApi.locationsOn(org.slug, filters),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(values.on),
    placeholderData: keepPreviousData,
  });
  const roleOptions = useEnumOptions(LOCATION_ROLES, 'locationRoles');
  const systems = useSystemOptions();
  const shown = sortLocations(searchLocations(locations.data?.locations ?? [], values.q), values.sort, values.order);

  return (
    <>
      <PageHeader title={t('register.where.title')} description={t('register.where.description')} />
      <Stack gap="xl">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="on-day-title">
          <Stack>
            <Title order={2} size="h3" id="on-day-title">
              {t('register.where.onDayTitle')}
            </Title>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <DateField
                label={t('register.where.onDay')}
                value={values.on}
                onChange={(event) => list.set({ on: event.currentTarget.value || today })}
                style={{ flex: '0 1 200px' }}
              />
              <MultiSelect
                label={t('register.systems.location.role')}
                placeholder={t('register.common.all')}
                data={roleOptions}
                value={roles}
                onChange={(next) => list.set({ roles: next.join(',') })}
                clearable
                style={{ flex: '1 1 240px' }}
              />
            </Group>
            <ListControls
              search={values.q}
              onSearch={(q) => list.set({ q })}
              searchPlaceholder={t('register.where.searchPlaceholder')}
              sort={values.sort}
              sortOptions={SORTS.map((value) => ({ value, label: t(`register.where.sort.${value}`) }))}
              order={values.order as 'asc' | 'desc'}
              onSortChange={(sort, order) => list.set({ sort, order })}
              isFiltered={list.isFiltered}
              onClear={list.reset}
            >
              <FilterSelect
                label={t('register.activities.filters.system')}
                value={values.systemId}
                options={systems}
                onChange={(systemId) => list.set({ systemId })}
              />
            </ListControls>
            <QueryState isPending={locations.isPending && locations.fetchStatus !== 'idle'} error={locations.error} />
            {locations.data && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('register.where.onDayCount', { count: shown.length, date: formatDay(locations.data.on, locale) })}
              </Text>
            )}
            {locations.data && shown.length === 0 && (
              <EmptyState title={t('register.where.emptyTitle')} description={t('register.where.emptyText')} />
            )}
            {shown.length > 0 && <LocationsList locations={shown} />}
            {(locations.data?.unknownSince.length ?? 0) > 0 && (
              <Stack gap="xs" data-testid="unknown-since">
                <Text size="sm" fw={500}>
                  {t('register.where.unknownSince', { count: locations.data?.unknownSince.length ?? 0 })}
                </Text>
                <LocationsList locations={locations.data?.unknownSince ?? []} />
              </Stack>
            )}
          </Stack>
        </Paper>
        <EeaStatusCard />
      </Stack>
    </>
  );
}

function searchLocations(locations: TLocation[], q: string): TLocation[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return locations;
  return locations.filter((location) =>
    [location.system.name, location.country, location.region, location.providerVendor?.name ?? '']
      .join(' ')
      .toLowerCase()
      .includes(needle),
  );
}

function sortLocations(locations: TLocation[], sort: string, order: string): TLocation[] {
  const key = sortKey[sort as (typeof SORTS)[number]] ?? sortKey.system;
  const direction = order === 'desc' ? -1 : 1;
  return [...locations].sort((a, b) => key(a).localeCompare(key(b)) * direction);
}
