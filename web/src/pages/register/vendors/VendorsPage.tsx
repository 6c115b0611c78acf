import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { registerKeys } from '../../../api/register-keys.ts';
import { type TVendor, type TVendorFilters, VENDOR_KINDS, vendorsApi } from '../../../api/vendors.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { CountrySelect } from '../../../components/CountrySelect.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { countryName } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { orUndefined, PAGE_SIZE, useListParams } from '../shared/list-params.ts';
import { useEnumOptions } from '../shared/options.ts';
import { Paging } from '../shared/Paging.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';
import { TransferBadge } from '../shared/TransferCheck.tsx';
import { CertificationTags } from './CertificationTags.tsx';

const DEFAULTS = { q: '', kind: '', status: '', country: '', needsSafeguard: '', sort: 'name', order: 'asc' };
const SORTS = ['name', 'kind', 'country', 'status', 'updatedAt'];

/** Processors, sub-processors and other recipients: searchable, filterable, sortable. */
export default function VendorsPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const list = useListParams(DEFAULTS);
  const { values } = list;
  const filters: TVendorFilters = {
    q: orUndefined(values.q),
    kind: orUndefined(values.kind),
    status: orUndefined(values.status),
    country: orUndefined(values.country),
    needsSafeguard: orUndefined(values.needsSafeguard),
    sort: values.sort as TVendorFilters['sort'],
    order: values.order as TVendorFilters['order'],
    limit: PAGE_SIZE,
    offset: (list.page - 1) * PAGE_SIZE,
  };
  const vendors = useQuery({
    queryKey: registerKeys.vendors(org.slug, filters),
    queryFn: () => vendorsApi.list(org.slug, filters),
    placeholderData: keepPreviousData,
  });
  const kinds = useEnumOptions(VENDOR_KINDS, 'vendorKinds');
  const statuses = useEnumOptions(['active', 'retired'], 'activeStatus');
  const items = vendors.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('register.vendors.title')}
        description={t('register.vendors.description')}
        actions={
          canEdit && (
            <Button component={Link} to="new" leftSection={<IconPlus size={16} />}>
              {t('register.vendors.add')}
            </Button>
          )
        }
      />
      <Stack>
        <ListControls
          search={values.q}
          onSearch={(q) => list.set({ q })}
          searchPlaceholder={t('register.vendors.searchPlaceholder')}
          sort={values.sort}
          sortOptions={SORTS.map((value) => ({ value, label: t(`register.vendors.sort.${value}`) }))}
          order={values.order as 'asc' | 'desc'}
          onSortChange={(sort, order) => list.set({ sort, order })}
          isFiltered={list.isFiltered}
          onClear={list.reset}
        >
          <FilterSelect
            label={t('register.vendors.fields.kind')}
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
          <CountrySelect
            label={t('register.common.country')}
            placeholder={t('register.common.all')}
            clearable
            allowDeselect
            value={values.country || null}
            onChange={(country) => list.set({ country: country ?? '' })}
            style={{ flex: '1 1 170px' }}
          />
          <FilterSelect
            label={t('register.vendors.safeguardFilter')}
            value={values.needsSafeguard}
            options={[{ value: 'true', label: t('register.vendors.needsSafeguardOnly') }]}
            onChange={(needsSafeguard) => list.set({ needsSafeguard })}
          />
        </ListControls>
        <QueryState isPending={vendors.isPending} error={vendors.error} />
        {vendors.isSuccess && items.length === 0 && (
          <EmptyState
            title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.vendors.emptyTitle')}
            description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.vendors.emptyText')}
            action={
              canEdit &&
              !list.isFiltered && (
                <Button component={Link} to="new" variant="light">
                  {t('register.vendors.add')}
                </Button>
              )
            }
          />
        )}
        {items.length > 0 && <VendorsTable vendors={items} />}
        {vendors.data && items.length > 0 && (
          <Paging page={list.page} total={vendors.data.total} shown={items.length} onPage={list.setPage} />
        )}
      </Stack>
    </>
  );
}

function VendorsTable({ vendors }: { vendors: TVendor[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" striped aria-label={t('register.vendors.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.vendors.fields.name')}</Table.Th>
            <Table.Th>{t('register.vendors.fields.kind')}</Table.Th>
            <Table.Th>{t('register.common.country')}</Table.Th>
            <Table.Th>{t('register.vendors.fields.certifications')}</Table.Th>
            <Table.Th>{t('register.vendors.columns.mfa')}</Table.Th>
            <Table.Th>{t('register.vendors.columns.clientAccess')}</Table.Th>
            <Table.Th>{t('register.common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vendors.map((vendor) => (
            <Table.Tr key={vendor.id}>
              <Table.Td>
                <Anchor component={Link} to={vendor.id} fw={500} size="sm">
                  {vendor.name}
                </Anchor>
                {vendor.services && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {vendor.services}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`register.enums.vendorKinds.${vendor.kind}`)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{countryName(vendor.country, locale)}</Text>
                  {vendor.transfer.status !== 'eea' && <TransferBadge transfer={vendor.transfer} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <CertificationTags certifications={vendor.certifications} />
              </Table.Td>
              <Table.Td>{t(`register.enums.triState.${triState(vendor.hasMfa)}`)}</Table.Td>
              <Table.Td>
                {vendor.canAccessClientInfrastructure ? t('register.common.yes') : t('register.common.no')}
              </Table.Td>
              <Table.Td>
                <Tag color={vendor.status === 'active' ? 'teal' : 'gray'} variant="light">
                  {t(`register.enums.activeStatus.${vendor.status}`)}
                </Tag>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const triState = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');
