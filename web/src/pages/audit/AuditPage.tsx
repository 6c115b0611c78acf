import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditApi, type TAuditFilters } from '../../api/audit.ts';
import { queryKeys } from '../../api/keys.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { VerifyChain } from './VerifyChain.tsx';

const FILTER_NAMES = ['actorId', 'action', 'from', 'to'] as const;

/** The filters live in the address, so a filtered view can be reloaded and shared. */
function filtersFrom(params: URLSearchParams): TAuditFilters {
  return Object.fromEntries(
    FILTER_NAMES.flatMap((name) => (params.get(name) ? [[name, params.get(name) as string]] : [])),
  ) as TAuditFilters;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const hasFilters = Object.keys(filters).length > 0;
  const pages = useInfiniteQuery({
    queryKey: queryKeys.audit(org.slug, filters),
    queryFn: ({ pageParam }) => auditApi.list(org.slug, filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  const handleFiltersChange = (next: TAuditFilters) => {
    const search = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) search.set(name, next[name] as string);
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={<VerifyChain />} />
      <Stack gap="md">
        <AuditFilters filters={filters} onChange={handleFiltersChange} />
        {pages.isPending && (
          <Center p="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {pages.isError && <Alert color="red">{describeError(pages.error)}</Alert>}
        {pages.isSuccess && entries.length === 0 && (
          <EmptyState
            title={t(hasFilters ? 'audit.emptyFilteredTitle' : 'audit.emptyTitle')}
            description={t(hasFilters ? 'audit.emptyFilteredText' : 'audit.emptyText')}
          />
        )}
        {entries.length > 0 && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('audit.showing', { shown: formatNumber(entries.length, locale), total: formatNumber(total, locale) })}
            </Text>
            <AuditTable entries={entries} />
            {pages.hasNextPage && (
              <Group justify="center">
                <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  {t('audit.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
