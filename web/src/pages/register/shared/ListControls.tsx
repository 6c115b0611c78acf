import { ActionIcon, Button, Collapse, Group, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SortOption {
  value: string;
  label: string;
}

/**
 * The bar above a register list: a search field (applied as you type), the list's own filters, the sort field
 * and its direction, and a button to clear everything.
 */
export function ListControls({
  search,
  onSearch,
  searchPlaceholder,
  sort,
  sortOptions,
  order,
  onSortChange,
  isFiltered,
  onClear,
  children,
  moreFilters,
}: {
  search: string;
  onSearch: (value: string) => void;
  searchPlaceholder?: string;
  sort: string;
  sortOptions: SortOption[];
  order: 'asc' | 'desc';
  onSortChange: (sort: string, order: 'asc' | 'desc') => void;
  isFiltered: boolean;
  onClear: () => void;
  children?: ReactNode;
  /** Filters used less often, behind a "more filters" button. */
  moreFilters?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(search);
  const [isMoreOpen, { toggle: toggleMore }] = useDisclosure(false);
  const applySearch = useDebouncedCallback(onSearch, 300);
  useEffect(() => setText(search), [search]);
  const isAscending = order === 'asc';

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('register.common.search')}
          placeholder={searchPlaceholder ?? t('register.common.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            applySearch(event.currentTarget.value.trim());
          }}
          style={{ flex: '2 1 220px' }}
        />
        {children}
        <Group gap={4} align="flex-end" wrap="nowrap" style={{ flex: '0 1 300px' }}>
          <Select
            label={t('register.common.sortBy')}
            data={sortOptions}
            value={sort}
            allowDeselect={false}
            onChange={(value) => value && onSortChange(value, order)}
            style={{ flex: 1 }}
          />
          <Tooltip label={t(isAscending ? 'register.common.ascending' : 'register.common.descending')}>
            <ActionIcon
              variant="default"
              size="input-sm"
              aria-label={`${t('register.common.order')}: ${t(isAscending ? 'register.common.ascending' : 'register.common.descending')}`}
              onClick={() => onSortChange(sort, isAscending ? 'desc' : 'asc')}
            >
              {isAscending ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
        {moreFilters && (
          <Button
            variant="default"
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            onClick={toggleMore}
            aria-expanded={isMoreOpen}
          >
            {t(isMoreOpen ? 'register.common.fewerFilters' : 'register.common.moreFilters')}
          </Button>
        )}
        {isFiltered && (
          <Button variant="subtle" onClick={onClear}>
            {t('register.common.clearFilters')}
          </Button>
        )}
      </Group>
      {moreFilters && (
        <Collapse expanded={isMoreOpen}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {moreFilters}
          </Group>
        </Collapse>
      )}
    </Stack>
  );
}

/** A filter over a list of options, with "All" as the empty choice. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: SortOption[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('register.common.all')}
      data={options}
      value={value || null}
      clearable
      searchable={options.length > 8}
      onChange={(next) => onChange(next ?? '')}
      style={{ flex: '1 1 170px' }}
    />
  );
}
