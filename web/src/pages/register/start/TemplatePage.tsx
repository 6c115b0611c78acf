import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { onboardingApi, type TTemplateId } from '../../../api/onboarding.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { ContentLanguage, type ContentLocale } from './ContentLanguage.tsx';
import { PlanPreview, PlanResult } from './PlanPreview.tsx';

/** A sector template: first the preview of what it would add (existing entries are skipped), then apply. */
export default function TemplatePage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const templateId = useParams().templateId as TTemplateId;
  const [locale, setLocale] = useState<ContentLocale>(undefined);
  // Once applied the preview is history: it is not fetched again (it would now say "nothing new").
  const [isApplied, setIsApplied] = useState(false);
  const templates = useQuery({
    queryKey: registerKeys.templates(org.slug),
    queryFn: () => onboardingApi.templates(org.slug),
  });
  const template = templates.data?.find((candidate) => candidate.id === templateId);
  const preview = useQuery({
    queryKey: [...registerKeys.all(org.slug), 'template-preview', templateId, locale ?? 'org'],
    queryFn: () => onboardingApi.previewTemplate(org.slug, templateId, locale),
    gcTime: 0,
    enabled: !isApplied,
  });
  const apply = useMutation({
    mutationFn: () => onboardingApi.applyTemplate(org.slug, templateId, locale),
    onSuccess: () => {
      setIsApplied(true);
      return queryClient.resetQueries({ queryKey: registerKeys.all(org.slug) });
    },
  });

  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/o/${org.slug}/register/start`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('register.start.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          template ? t('register.start.templateTitle', { name: template.name }) : t('register.start.templatesTitle')
        }
        description={template?.description}
      />
      {apply.data ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('register.start.appliedTitle')}>
          <Stack gap="sm">
            <PlanResult result={apply.data} />
            <Group>
              <Button component={Link} to={`/o/${org.slug}/register/activities`}>
                {t('register.start.toActivities')}
              </Button>
              <Button component={Link} to={`/o/${org.slug}/register`} variant="default">
                {t('register.start.toOverview')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Stack gap="lg">
          <ContentLanguage value={locale} onChange={setLocale} />
          <QueryState isPending={preview.isPending} error={preview.error} />
          {preview.data && <PlanPreview plan={preview.data} />}
          {preview.data && (
            <Group justify="flex-end">
              <Button onClick={() => apply.mutate()} loading={apply.isPending}>
                {t('register.start.apply')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
