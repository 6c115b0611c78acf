import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoriesApi, categoryName } from '../../../api/categories.ts';
import { PLAN_ENTITIES, type TPlanEntity, type TPlanResult, type TRegisterPlan } from '../../../api/onboarding.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { Tag } from '../shared/Tag.tsx';

/**
 * What applying would do, entity by entity: each entry is created, or skipped because an entry of that name
 * already exists (nothing is ever overwritten).
 */
export function PlanPreview({ plan }: { plan: TRegisterPlan }) {
  const { t } = useTranslation();
  const nameOf = useEntryNames();
  const creates = PLAN_ENTITIES.reduce(
    (total, entity) => total + plan[entity].filter((entry) => entry.action === 'create').length,
    0,
  );
  return (
    <Stack gap="md" aria-label={t('register.start.previewTitle')}>
      <Text size="sm">{t('register.start.previewSummary', { count: creates })}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {PLAN_ENTITIES.filter((entity) => plan[entity].length > 0).map((entity) => (
          <Paper key={entity} withBorder p="sm" radius="md" component="section" aria-labelledby={`plan-${entity}`}>
            <Title order={3} size="h5" id={`plan-${entity}`} mb="xs">
              {t(`register.start.entities.${entity}`)} ({plan[entity].length})
            </Title>
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {plan[entity].map((entry) => (
                <Group component="li" key={entry.name} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" c={entry.action === 'skip' ? 'dimmed' : undefined}>
                    {nameOf(entity, entry.name)}
                  </Text>
                  <Tag
                    size="sm"
                    variant="light"
                    color={entry.action === 'create' ? 'teal' : 'gray'}
                    style={{ flexShrink: 0 }}
                  >
                    {t(entry.action === 'create' ? 'register.start.create' : 'register.start.skipExists')}
                  </Tag>
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

const ALL_CATEGORIES = { limit: 500, includeArchived: 'true' } as const;

/**
 * The plan names categories by their key ("contact-details"); the organisation's own categories give the name a
 * person reads. A category the organisation does not have yet keeps its key.
 */
function useEntryNames(): (entity: TPlanEntity, name: string) => string {
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const data = useQuery({
    queryKey: registerKeys.dataCategories(org.slug, ALL_CATEGORIES),
    queryFn: () => categoriesApi.listData(org.slug, ALL_CATEGORIES),
  });
  const subjects = useQuery({
    queryKey: registerKeys.subjectCategories(org.slug, ALL_CATEGORIES),
    queryFn: () => categoriesApi.listSubjects(org.slug, ALL_CATEGORIES),
  });
  const names = (items: { key: string; nameNl: string; nameEn: string }[] = []) =>
    new Map(items.map((category) => [category.key, categoryName(category, locale)]));
  const byEntity: Partial<Record<TPlanEntity, Map<string, string>>> = {
    dataCategories: names(data.data?.items),
    subjectCategories: names(subjects.data?.items),
  };
  return (entity, name) => byEntity[entity]?.get(name) ?? name;
}

/** What applying did: how many entries of each kind were added. */
export function PlanResult({ result }: { result: TPlanResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="ul" m={0}>
      {PLAN_ENTITIES.map((entity) => (
        <Text component="li" size="sm" key={entity}>
          {t(`register.start.entities.${entity}`)}: {result.created[entity]}
        </Text>
      ))}
    </Stack>
  );
}
