import { Accordion, Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TRegisterCompleteness } from '../../../api/activities.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { CompletenessBadge } from '../activities/ActivitiesTable.tsx';
import { CompletenessRow } from '../activities/CompletenessPanel.tsx';

/** The whole register's check: the organisation's own items, then every activity item by item, incomplete first. */
export function RegisterCompleteness({ completeness }: { completeness: TRegisterCompleteness }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { summary } = completeness;
  const activities = [...completeness.activities].sort(
    (a, b) => b.summary.missing - a.summary.missing || b.summary.warnings - a.summary.warnings,
  );
  return (
    <Stack>
      <Alert
        color={summary.isComplete ? 'teal' : 'red'}
        icon={summary.isComplete ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
        title={t(summary.isComplete ? 'register.overview.completeTitle' : 'register.overview.incompleteTitle')}
      >
        {[
          t('register.overview.summaryActivities', {
            complete: summary.completeActivities,
            activities: summary.activities,
          }),
          t('register.completeness.missing', { count: summary.missing }),
          t('register.completeness.warnings', { count: summary.warnings }),
        ].join(' · ')}
      </Alert>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('register.overview.organisationItems', { name: org.name })}
          </Title>
          <Anchor component={Link} to={`/o/${org.slug}/settings`} size="sm">
            {t('register.overview.editOrganisation')}
          </Anchor>
        </Group>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {completeness.organisation.map((item) => (
            <CompletenessRow key={`${item.itemId}-${item.code}-${item.message}`} item={item} linkToSection={false} />
          ))}
        </Stack>
      </Paper>
      {activities.length > 0 && (
        <Accordion variant="separated" multiple>
          {activities.map(({ activity, items, summary: activitySummary }) => (
            <Accordion.Item key={activity.id} value={activity.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text fw={500} size="sm">
                    {activity.name}
                  </Text>
                  <CompletenessBadge completeness={activitySummary} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                    {items
                      .filter((item) => item.status !== 'complete')
                      .map((item) => (
                        <CompletenessRow
                          key={`${item.itemId}-${item.code}-${item.message}`}
                          item={item}
                          linkToSection={false}
                        />
                      ))}
                  </Stack>
                  {activitySummary.isComplete && activitySummary.warnings === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('register.overview.allComplete')}
                    </Text>
                  )}
                  <Anchor component={Link} to={`/o/${org.slug}/register/activities/${activity.id}`} size="sm">
                    {t('register.overview.openActivity')}
                  </Anchor>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
