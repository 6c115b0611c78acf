import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconListCheck, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { onboardingApi } from '../../../api/onboarding.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCan, useCurrentOrganisation } from '../../../app/organisations.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { Tag } from '../shared/Tag.tsx';

/** Two ways to a first register: a few plain questions, or a sector template. Both show a preview first. */
export default function StartPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const canEdit = useCan('editor');
  const templates = useQuery({
    queryKey: registerKeys.templates(org.slug),
    queryFn: () => onboardingApi.templates(org.slug),
  });

  return (
    <>
      <PageHeader title={t('register.start.title')} description={t('register.start.description')} />
      <Stack gap="xl">
        <Card withBorder radius="md" padding="lg">
          <Group align="flex-start" wrap="nowrap">
            <IconListCheck size={32} stroke={1.5} />
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('register.start.guidedTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('register.start.guidedText')}
              </Text>
              <Group>
                <Button component={Link} to="guided" disabled={!canEdit}>
                  {t('register.start.guidedAction')}
                </Button>
              </Group>
            </Stack>
          </Group>
        </Card>
        <section aria-labelledby="templates-title">
          <Title order={2} size="h4" id="templates-title" mb="xs">
            {t('register.start.templatesTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('register.start.templatesText')}
          </Text>
          <QueryState isPending={templates.isPending} error={templates.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {(templates.data ?? []).map((template) => (
              <Card key={template.id} withBorder radius="md" padding="md">
                <Group gap="xs" mb={4} wrap="nowrap">
                  <IconTemplate size={20} stroke={1.5} />
                  <Title order={3} size="h5">
                    {template.name}
                  </Title>
                </Group>
                <Text size="sm" c="dimmed" mb="sm" style={{ flex: 1 }}>
                  {template.description}
                </Text>
                <Group gap={6} mb="sm">
                  <Tag variant="light">{t('register.start.activityCount', { count: template.counts.activities })}</Tag>
                  <Tag variant="light" color="gray">
                    {t('register.start.systemCount', { count: template.counts.systems })}
                  </Tag>
                </Group>
                <Button
                  component={Link}
                  to={`templates/${template.id}`}
                  variant="light"
                  disabled={!canEdit}
                  aria-label={t('register.start.previewTemplate', { name: template.name })}
                >
                  {t('register.start.preview')}
                </Button>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
