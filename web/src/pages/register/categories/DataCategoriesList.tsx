import { Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  categoriesApi,
  categoryName,
  DATA_CATEGORY_FLAGS,
  type TDataCategory,
  type TDataCategoryFlag,
} from '../../../api/categories.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { FilterSelect, ListControls } from '../shared/ListControls.tsx';
import { useListParams } from '../shared/list-params.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';
import { CategoryRowActions } from './CategoryRowActions.tsx';
import { categoryFilters } from './category-actions.ts';
import { DataCategoryModal } from './DataCategoryModal.tsx';

const DEFAULTS = { q: '', sort: 'name', order: 'asc', flag: '', archived: '' };

/** The flags a category carries, as small badges (the legally weighty ones in red). */
export function FlagBadges({ category }: { category: Pick<TDataCategory, TDataCategoryFlag> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {DATA_CATEGORY_FLAGS.filter((flag) => category[flag]).map((flag) => (
        <Tag
          key={flag}
          size="sm"
          variant="light"
          color={flag === 'isSpecial' || flag === 'isCriminal' || flag === 'isNationalId' ? 'red' : 'gray'}
          title={t(`register.enums.flags.${flag}`)}
        >
          {t(`register.enums.flagsShort.${flag}`)}
        </Tag>
      ))}
    </Group>
  );
}

export function DataCategoriesList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const list = useListParams(DEFAULTS);
  const { q, sort, order, flag, archived } = list.values;
  const filters = categoryFilters(list.values);
  const categories = useQuery({
    queryKey: registerKeys.dataCategories(org.slug, filters),
    queryFn: () => categoriesApi.listData(org.slug, filters),
  });
  const [editing, setEditing] = useState<TDataCategory | null>(null);
  const items = (categories.data?.items ?? []).filter((category) => !flag || category[flag as TDataCategoryFlag]);

  return (
    <Stack>
      <ListControls
        search={q}
        onSearch={(value) => list.set({ q: value })}
        sort={sort}
        sortOptions={['name', 'key', 'usage'].map((value) => ({
          value,
          label: t(`register.categories.sort.${value}`),
        }))}
        order={order as 'asc' | 'desc'}
        onSortChange={(nextSort, nextOrder) => list.set({ sort: nextSort, order: nextOrder })}
        isFiltered={list.isFiltered}
        onClear={list.reset}
      >
        <FilterSelect
          label={t('register.categories.flagFilter')}
          value={flag}
          options={DATA_CATEGORY_FLAGS.map((value) => ({ value, label: t(`register.enums.flags.${value}`) }))}
          onChange={(value) => list.set({ flag: value })}
        />
        <Switch
          label={t('register.categories.showArchived')}
          checked={archived === 'true'}
          onChange={(event) => list.set({ archived: event.currentTarget.checked ? 'true' : '' })}
          mb={8}
        />
      </ListControls>
      <QueryState isPending={categories.isPending} error={categories.error} />
      {categories.isSuccess && items.length === 0 && (
        <EmptyState
          title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.categories.emptyTitle')}
          description={t(list.isFiltered ? 'register.common.emptyFilteredText' : 'register.categories.emptyText')}
        />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped aria-label={t('register.categories.dataTab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.common.name')}</Table.Th>
                <Table.Th>{t('register.categories.flagsLabel')}</Table.Th>
                <Table.Th>{t('register.common.usage')}</Table.Th>
                {canEdit && <Table.Th>{t('register.common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((category) => {
                const name = categoryName(category, locale);
                const isUsed = category.usage.systems + category.usage.activities > 0;
                return (
                  <Table.Tr key={category.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      {category.isArchived && (
                        <Tag size="xs" color="gray">
                          {t('register.categories.archived')}
                        </Tag>
                      )}
                      {category.description && (
                        <Text size="xs" c="dimmed">
                          {category.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <FlagBadges category={category} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[
                          t('register.categories.systemCount', { count: category.usage.systems }),
                          t('register.categories.activityCount', { count: category.usage.activities }),
                        ].join(', ')}
                      </Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <CategoryRowActions
                          kind="data"
                          category={category}
                          name={name}
                          canDelete={!isUsed}
                          onEdit={() => setEditing(category)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DataCategoryModal
        key={editing?.id ?? 'none'}
        opened={editing !== null}
        category={editing}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
