import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { PAGE_SIZE } from './list-params.ts';

/** "Showing 25 of 80" and the page numbers, below a list. */
export function Paging({
  page,
  total,
  shown,
  onPage,
}: {
  page: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('register.common.showing', { shown: formatNumber(shown, locale), total: formatNumber(total, locale) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': t(`register.common.pageControls.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': `${t('register.common.page')} ${item}` })}
        />
      )}
    </Group>
  );
}
