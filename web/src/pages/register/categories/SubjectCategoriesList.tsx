import { Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoriesApi, categoryName, type TSubjectCategory } from '../../../api/categories.ts';
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
import { SubjectCategoryModal } from './SubjectCategoryModal.tsx';

const DEFAULTS = { q: '', sort: 'name', order: 'asc', vulnerable: '', archived: '', tab: 'subjects' };

export function SubjectCategoriesList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const list = useListParams(DEFAULTS);
  const { q, sort, order, vulnerable, archived } = list.values;
  const filters = categoryFilters(list.values);
  const categories = useQuery({
    queryKey: registerKeys.subjectCategories(org.slug, filters),
    queryFn: () => categoriesApi.listSubjects(org.slug, filters),
  });
  const [editing, setEditing] = useState<TSubjectCategory | null>(null);
  const items = (categories.data?.items ?? []).filter(
    (category) => !vulnerable || category.isVulnerable === (vulnerable === 'yes'),
  );

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
        onClear={() => list.set({ q: '', vulnerable: '', archived: '' })}
      >
        <FilterSelect
          label={t('register.categories.isVulnerable')}
          value={vulnerable}
          options={['yes', 'no'].map((value) => ({ value, label: t(`register.enums.triState.${value}`) }))}
          onChange={(value) => list.set({ vulnerable: value })}
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
          title={t(list.isFiltered ? 'register.common.emptyFilteredTitle' : 'register.categories.emptySubjectsTitle')}
          description={t(
            list.isFiltered ? 'register.common.emptyFilteredText' : 'register.categories.emptySubjectsText',
          )}
        />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped aria-label={t('register.categories.subjectsTab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.common.name')}</Table.Th>
                <Table.Th>{t('register.common.usage')}</Table.Th>
                {canEdit && <Table.Th>{t('register.common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((category) => {
                const name = categoryName(category, locale);
                return (
                  <Table.Tr key={category.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {name}
                        </Text>
                        {category.isVulnerable && (
                          <Tag size="xs" color="orange" variant="light">
                            {t('register.categories.vulnerable')}
                          </Tag>
                        )}
                        {category.isArchived && (
                          <Tag size="xs" color="gray">
                            {t('register.categories.archived')}
                          </Tag>
                        )}
                      </Group>
                      {category.description && (
                        <Text size="xs" c="dimmed">
                          {category.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('register.categories.activityCount', { count: category.usage.activities })}
                      </Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <CategoryRowActions
                          kind="subjects"
                          category={category}
                          name={name}
                          canDelete={category.usage.activities === 0}
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
      <SubjectCategoryModal
        key={editing?.id ?? 'none'}
        opened={editing !== null}
        category={editing}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
