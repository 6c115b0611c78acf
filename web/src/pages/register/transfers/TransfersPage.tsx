import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { IconWorldExclamation } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activitiesApi, type TTransferFilters, type TTransferWarning } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { countryName } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { orUndefined, useListParams } from '../shared/list-params.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { TransferBadge } from '../shared/TransferCheck.tsx';
import { ScopeQuestions } from './ScopeQuestions.tsx';

const DEFAULTS = { q: '', source: '', needsSafeguard: '', sort: 'status', order: 'asc' };
const SOURCES = ['location', 'vendor', 'activity_transfer'];

/** Every destination outside the EEA in the register, the ones that still need a safeguard first. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const list = useListParams(DEFAULTS);
  const { values } = list;
  const filters: TTransferFilters = {
    q: orUndefined(values.q),
    source: orUndefined(values.source),
    needsSafeguard: orUndefined(values.needsSafeguard),
    sort: values.sort as TTransferFilters['sort'],
    order: values.order as TTransferFilters['order'],
  };
  const overview = useQuery({
    // The labels ("Backup of …") arrive in the person's language: another language asks again.
    queryKey: registerKeys.transfers(org.slug, { ...filters, locale }),
    queryFn: () => activitiesApi.transfers(org.slug, filters),
    placeholderData: keepPreviousData,
  });
  const transfers = overview.data?.transfers ?? [];

  return (
    <>
      <PageHeader title={t('register.transfers.title')} description={t('register.transfers.description')} />
      <Stack>
        {overview.data && (
          <Alert
            color={overview.data.needsSafeguard > 0 ? 'red' : 'teal'}
            icon={<IconWorldExclamation size={18} />}
            title={
              overview.data.needsSafeguard > 0
                ? t('register.transfers.needsSafeguard', { count: overview.data.needsSafeguard })
                : t('register.transfers.allCovered')
            }
          >
            {overview.data.needsSafeguard > 0 && <Text size="sm">{t('register.transfers.explanation')}</Text>}
            <Text size="xs" c="dimmed">
              {t('register.common.countriesValidAsOf', { date: formatDay(overview.data.countriesValidAsOf, locale) })}
            </Text>
          </Alert>
        )}
        {overview.data && <ScopeQuestions questions={overview.data.scopeQuestions} />}
        <ListControls
          search={values.q}
          onSearch={(q) => list.set({ q })}
          searchPlaceholder={t('register.transfers.searchPlaceholder')}
          sort={values.sort}
          sortOptions={['status', 'country', 'label'].map((value) => ({
            value,
            label: t(`register.transfers.sort.${value}`),
          }))}
          order={values.order as 'asc' | 'desc'}
          onSortChange={(sort, order) => list.set({ sort, order })}
          isFiltered={list.isFiltered}
          onClear={list.reset}
        >
          <FilterSelect
            label={t('register.transfers.source')}
            value={values.source}
            options={SOURCES.map((value) => ({ value, label: t(`register.transfers.sources.${value}`) }))}
            onChange={(source) => list.set({ source })}
          />
          <FilterSelect
            label={t('register.transfers.safeguardFilter')}
            value={values.needsSafeguard}
            options={[
              { value: 'true', label: t('register.transfers.onlyMissing') },
              { value: 'false', label: t('register.transfers.onlyCovered') },
            ]}
            onChange={(needsSafeguard) => list.set({ needsSafeguard })}
          />
        </ListControls>
        <QueryState isPending={overview.isPending} error={overview.error} />
        {overview.isSuccess && transfers.length === 0 && (
          <EmptyState
            title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.transfers.emptyTitle')}
            description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.transfers.emptyText')}
          />
        )}
        {transfers.length > 0 && <TransfersTable transfers={transfers} />}
      </Stack>
    </>
  );
}

function TransfersTable({ transfers }: { transfers: TTransferWarning[] }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const base = `/o/${org.slug}/register`;
  const linkOf = (transfer: TTransferWarning) => {
    if (transfer.source === 'location' && transfer.system) return `${base}/systems/${transfer.system.id}`;
    if (transfer.source === 'vendor' && transfer.vendor) return `${base}/vendors/${transfer.vendor.id}`;
    if (transfer.activity) return `${base}/activities/${transfer.activity.id}`;
    return null;
  };
  const notes = scopeNotes(transfers, locale);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" striped aria-label={t('register.transfers.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.transfers.destination')}</Table.Th>
              <Table.Th>{t('register.common.country')}</Table.Th>
              <Table.Th>{t('register.transfers.check')}</Table.Th>
              <Table.Th>{t('register.vendors.fields.transferSafeguard')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transfers.map((transfer) => {
              const link = linkOf(transfer);
              return (
                <Table.Tr key={`${transfer.source}-${transfer.id}`}>
                  <Table.Td>
                    {link ? (
                      <Anchor component={Link} to={link} size="sm">
                        {transfer.label}
                      </Anchor>
                    ) : (
                      transfer.label
                    )}
                    <Text size="xs" c="dimmed">
                      {t(`register.transfers.sources.${transfer.source}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{countryName(transfer.country, locale)}</Table.Td>
                  <Table.Td>
                    <TransferBadge transfer={transfer.transfer} />
                    {transfer.transfer.adequacyScope && (
                      <Text size="xs" c="dimmed">
                        {t('register.transfers.seeNote', {
                          number: notes.indexOf(transfer.transfer.adequacyScope[locale]) + 1,
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{transfer.safeguard ? t(`register.enums.safeguards.${transfer.safeguard}`) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {notes.length > 0 && (
        <Stack gap={4} component="section" aria-label={t('register.transfers.notesTitle')}>
          <Text size="sm" fw={500}>
            {t('register.transfers.notesTitle')}
          </Text>
          <Stack gap={4} component="ol" m={0} pl="lg">
            {notes.map((note) => (
              <Text key={note} component="li" size="sm" c="dimmed">
                {note}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

/** Each adequacy decision's scope once (the same DPF text would otherwise repeat on every US row), numbered. */
function scopeNotes(transfers: TTransferWarning[], locale: 'nl' | 'en'): string[] {
  const texts = transfers.flatMap((transfer) =>
    transfer.transfer.adequacyScope ? [transfer.transfer.adequacyScope[locale]] : [],
  );
  return [...new Set(texts)];
}
