import { Anchor, Checkbox, Group, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TActivity } from '../../../api/activities.ts';
import { toCalendarDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { Tag } from '../shared/Tag.tsx';

const STATUS_COLOURS = { draft: 'gray', active: 'teal', retired: 'dark' } as const;

/** The completeness of an activity in one badge: complete, or how many items are missing. */
export function CompletenessBadge({ completeness }: { completeness: TActivity['completeness'] }) {
  const { t } = useTranslation();
  if (completeness.isComplete) {
    return (
      <Tag color="teal" variant="light">
        {t('register.completeness.status.complete')}
      </Tag>
    );
  }
  return (
    <Tag color="red" variant="light">
      {t('register.completeness.missing', { count: completeness.missing })}
    </Tag>
  );
}

function StatusTag({ activity }: { activity: TActivity }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[activity.status]} variant="light">
      {t(`register.enums.activityStatus.${activity.status}`)}
    </Tag>
  );
}

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], isSelected: boolean) => void;
}

/**
 * The activities of one page. On a phone status and completeness sit under the name, in view (role, legal basis
 * and review date are left for wider screens) instead of scrolling off to the side. With a selection, each row gets a
 * checkbox for the bulk actions.
 */
export function ActivitiesTable({ activities, selection }: { activities: TActivity[]; selection?: Selection }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = toCalendarDate(new Date());
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const pageIds = activities.map((activity) => activity.id);
  const selectedOnPage = pageIds.filter((id) => selection?.ids.has(id)).length;
  return (
    <Table.ScrollContainer minWidth={isPhone ? 0 : 820}>
      <Table verticalSpacing="xs" striped aria-label={t('register.activities.title')}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('register.activities.bulk.selectPage')}
                  checked={selectedOnPage === pageIds.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < pageIds.length}
                  onChange={(event) => selection.setAll(pageIds, event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th>{t('register.activity.fields.name')}</Table.Th>
            {!isPhone && <Table.Th>{t('register.activities.columns.role')}</Table.Th>}
            {!isPhone && <Table.Th>{t('register.common.status')}</Table.Th>}
            {!isPhone && <Table.Th>{t('register.activities.columns.legalBasis')}</Table.Th>}
            {!isPhone && <Table.Th>{t('register.completeness.title')}</Table.Th>}
            {!isPhone && <Table.Th>{t('register.activities.columns.review')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('register.activities.bulk.select', { name: activity.name })}
                    checked={selection.ids.has(activity.id)}
                    onChange={() => selection.toggle(activity.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={activity.id} fw={500} size="sm">
                  {activity.name}
                </Anchor>
                {activity.purposes[0] && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {activity.purposes[0]}
                  </Text>
                )}
                {isPhone && (
                  <Group gap={4} mt={4}>
                    <StatusTag activity={activity} />
                    <CompletenessBadge completeness={activity.completeness} />
                  </Group>
                )}
              </Table.Td>
              {!isPhone && <Table.Td>{t(`register.enums.activityRolesShort.${activity.role}`)}</Table.Td>}
              {!isPhone && (
                <Table.Td>
                  <StatusTag activity={activity} />
                </Table.Td>
              )}
              {!isPhone && (
                <Table.Td>{activity.legalBasis ? t(`register.enums.legalBases.${activity.legalBasis}`) : '—'}</Table.Td>
              )}
              {!isPhone && (
                <Table.Td>
                  <CompletenessBadge completeness={activity.completeness} />
                </Table.Td>
              )}
              {!isPhone && (
                <Table.Td>
                  <Text size="sm" c={activity.reviewDate && activity.reviewDate < today ? 'red' : undefined}>
                    {formatDay(activity.reviewDate, locale)}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
