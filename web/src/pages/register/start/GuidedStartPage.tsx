import { Alert, Anchor, Button, Group, Stack, Stepper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/http.ts';
import { onboardingApi } from '../../../api/onboarding.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ContentLanguage, type ContentLocale } from './ContentLanguage.tsx';
import { BackupDetails, BusinessQuestions, ProviderQuestion, SecurityQuestions } from './GuidedQuestions.tsx';
import { emptyGuidedValues, type GuidedValues, stepOfField, toGuidedAnswers } from './guided-answers.ts';
import { PlanPreview, PlanResult } from './PlanPreview.tsx';

const PREVIEW_STEP = 3;

/**
 * The guided start: a few plain questions in three steps, then the first register they would build, previewed
 * before anything is saved, and one button to create it.
 */
export default function GuidedStartPage() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [locale, setLocale] = useState<ContentLocale>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GuidedValues>({ initialValues: emptyGuidedValues() });

  const handleProblem = (error: unknown) => {
    setFormError(applyProblem(form, error));
    const first = isApiError(error) ? error.fieldErrors[0] : undefined;
    if (first) setStep(stepOfField(first.path));
  };
  const preview = useMutation({
    mutationFn: () => onboardingApi.previewGuidedStart(org.slug, toGuidedAnswers(form.getValues()), locale),
    meta: { showsOwnErrors: true },
    onSuccess: () => setStep(PREVIEW_STEP),
    onError: handleProblem,
  });
  const apply = useMutation({
    mutationFn: () => onboardingApi.applyGuidedStart(org.slug, toGuidedAnswers(form.getValues()), locale),
    meta: { showsOwnErrors: true },
    onSuccess: async () => {
      await queryClient.resetQueries({ queryKey: registerKeys.all(org.slug) });
      setStep(PREVIEW_STEP + 1);
    },
    onError: handleProblem,
  });
  const handleNext = () => {
    setFormError(null);
    form.clearErrors();
    if (step === PREVIEW_STEP - 1) preview.mutate();
    else setStep(step + 1);
  };

  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/o/${org.slug}/register/start`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('register.start.back')}
        </Group>
      </Anchor>
      <PageHeader title={t('register.guided.title')} description={t('register.guided.description')} />
      <FormAlert message={formError} />
      <Stepper active={step} onStepClick={(next) => next < step && step <= PREVIEW_STEP && setStep(next)} size="sm">
        <Stepper.Step label={t('register.guided.steps.business')}>
          <BusinessQuestions form={form} />
        </Stepper.Step>
        <Stepper.Step label={t('register.guided.steps.office')}>
          <Stack gap="lg">
            <ProviderQuestion form={form} field="mailProvider" />
            <ProviderQuestion form={form} field="accountingPackage" />
            <ProviderQuestion form={form} field="crm" />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('register.guided.steps.hosting')}>
          <Stack gap="lg">
            <ProviderQuestion form={form} field="hostingProvider" />
            <ProviderQuestion form={form} field="backupProvider" />
            <BackupDetails form={form} />
            <SecurityQuestions form={form} />
            <ContentLanguage value={locale} onChange={setLocale} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('register.guided.steps.preview')}>
          {preview.data && <PlanPreview plan={preview.data} />}
        </Stepper.Step>
        <Stepper.Completed>
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('register.start.appliedTitle')}>
            <Stack gap="sm">
              {apply.data && <PlanResult result={apply.data} />}
              <Group>
                <Button component={Link} to={`/o/${org.slug}/register`}>
                  {t('register.start.toOverview')}
                </Button>
                <Button component={Link} to={`/o/${org.slug}/register/where`} variant="default">
                  {t('register.nav.whereIsData')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        </Stepper.Completed>
      </Stepper>
      {step <= PREVIEW_STEP && (
        <Group justify="space-between" mt="lg">
          <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
            {t('register.guided.previous')}
          </Button>
          {step < PREVIEW_STEP ? (
            <Button onClick={handleNext} loading={preview.isPending}>
              {t(step === PREVIEW_STEP - 1 ? 'register.guided.toPreview' : 'register.guided.next')}
            </Button>
          ) : (
            <Button onClick={() => apply.mutate()} loading={apply.isPending}>
              {t('register.guided.apply')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
