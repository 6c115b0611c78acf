import { Alert, Anchor, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activitiesApi, type TCompletenessItem } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';
import { sectionAnchor, sectionOfItem } from './completeness-sections.ts';

const ORDER: Record<TCompletenessItem['status'], number> = { missing: 0, warning: 1, complete: 2 };

/** The server's completeness check of a saved activity, item by item, the missing ones first. */
export function CompletenessPanel({ activityId }: { activityId: string | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="completeness-title">
      <Title order={2} size="h4" id="completeness-title" mb="xs">
        {t('register.completeness.title')}
      </Title>
      {activityId ? (
        <CompletenessItems activityId={activityId} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('register.completeness.saveFirst')}
        </Text>
      )}
    </Paper>
  );
}

function CompletenessItems({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const completeness = useQuery({
    queryKey: registerKeys.activityCompleteness(org.slug, activityId),
    queryFn: () => activitiesApi.completeness(org.slug, activityId),
  });
  if (!completeness.data) return <QueryState isPending={completeness.isPending} error={completeness.error} />;
  const { summary, items } = completeness.data;
  const sorted = [...items].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <Stack gap="sm" aria-live="polite">
      {summary.isComplete ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('register.completeness.complete')}>
          {summary.warnings > 0 && t('register.completeness.warnings', { count: summary.warnings })}
        </Alert>
      ) : (
        <Alert
          color="red"
          icon={<IconCircleX size={18} />}
          title={t('register.completeness.missing', { count: summary.missing })}
        >
          {summary.warnings > 0 && t('register.completeness.warnings', { count: summary.warnings })}
        </Alert>
      )}
      <CompletenessGroups items={sorted} />
    </Stack>
  );
}

/**
 * On a phone the full check sits below a long form: this short version at the top says how complete the activity
 * is and which items are missing, each a link to the form section that answers it, and one to the full check.
 */
export function CompletenessSummary({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const completeness = useQuery({
    queryKey: registerKeys.activityCompleteness(org.slug, activityId),
    queryFn: () => activitiesApi.completeness(org.slug, activityId),
  });
  if (!completeness.data) return null;
  const { summary, items } = completeness.data;
  const open = items.filter((item) => item.status === 'missing');
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby="completeness-summary-title"
      data-testid="completeness-summary"
    >
      <Group justify="space-between" gap="xs" mb={open.length > 0 ? 'xs' : 0}>
        <Text fw={600} size="sm" id="completeness-summary-title">
          {summary.isComplete
            ? t('register.completeness.complete')
            : t('register.completeness.missing', { count: summary.missing })}
          {summary.warnings > 0 && ` · ${t('register.completeness.warnings', { count: summary.warnings })}`}
        </Text>
        <Anchor href="#completeness-title" size="xs">
          {t('register.activity.toCompleteness')}
        </Anchor>
      </Group>
      {open.length > 0 && (
        <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {open.map((item) => {
            const section = sectionOfItem(item.itemId);
            const { icon: Icon, colour } = ICONS[item.status];
            const label = section ? (
              <Anchor href={`#${sectionAnchor(section)}`} size="sm">
                {item.label}
              </Anchor>
            ) : (
              <Text size="sm">{item.label}</Text>
            );
            return (
              <Group component="li" key={`${item.itemId}-${item.code}-${item.message}`} gap={6} wrap="nowrap">
                <Icon size={14} color={`var(--mantine-color-${colour}-6)`} style={{ flexShrink: 0 }} />
                <span style={{ minWidth: 0, overflowWrap: 'break-word' }}>{label}</span>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

const BASES: readonly TCompletenessItem['basis'][] = ['art30', 'privacydesk'];

/**
 * Items under two headings: what Art. 30 requires in the register, and what privacydesk checks besides (legal
 * basis, Art. 9/10 grounds, Art. 26 arrangement, DPIA decision, owner, review date), so neither is mistaken for
 * the other.
 */
export function CompletenessGroups({
  items,
  linkToSection = true,
}: {
  items: readonly TCompletenessItem[];
  linkToSection?: boolean;
}) {
  const { t } = useTranslation();
  return BASES.map((basis) => {
    const group = items.filter((item) => item.basis === basis);
    if (group.length === 0) return null;
    const headingId = `completeness-basis-${basis}-${group[0]?.itemId ?? ''}-${group.length}`;
    return (
      <Stack key={basis} gap={4} component="section" aria-labelledby={headingId} data-basis={basis}>
        <Text id={headingId} size="xs" fw={600} tt="uppercase" c="dimmed">
          {t(`register.completeness.basis.${basis}`)}
        </Text>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {group.map((item) => (
            <CompletenessRow
              key={`${item.itemId}-${item.code}-${item.message}`}
              item={item}
              linkToSection={linkToSection}
            />
          ))}
        </Stack>
      </Stack>
    );
  });
}

const ICONS = {
  complete: { icon: IconCircleCheck, colour: 'teal' },
  warning: { icon: IconAlertTriangle, colour: 'orange' },
  missing: { icon: IconCircleX, colour: 'red' },
} as const;

/** One item: its status, what it is about (with the article), and the plain-language finding. */
export function CompletenessRow({ item, linkToSection = true }: { item: TCompletenessItem; linkToSection?: boolean }) {
  const { t } = useTranslation();
  const { icon: Icon, colour } = ICONS[item.status];
  const section = sectionOfItem(item.itemId);
  const label = `${item.label} (${t('register.completeness.article', { article: item.article })})`;
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start" data-status={item.status}>
      <ThemeIcon
        color={colour}
        variant="light"
        size="sm"
        radius="xl"
        mt={2}
        aria-label={t(`register.completeness.status.${item.status}`)}
      >
        <Icon size={14} />
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" style={{ overflowWrap: 'break-word' }}>
          {item.message}
        </Text>
        {linkToSection && section && item.status !== 'complete' ? (
          <Anchor href={`#${sectionAnchor(section)}`} size="xs">
            {label}
          </Anchor>
        ) : (
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        )}
      </Stack>
      {item.status !== 'complete' && (
        <Tag size="xs" color={colour} variant="outline" style={{ flexShrink: 0 }}>
          {t(`register.completeness.status.${item.status}`)}
        </Tag>
      )}
    </Group>
  );
}
