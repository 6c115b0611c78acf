import { Button, Fieldset, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { activitiesApi, type TActivity } from '../../../api/activities.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { UnsavedChangesPrompt } from '../../../components/UnsavedChangesPrompt.tsx';
import { type ActivityValues, activityValuesOf, emptyActivity, toActivityInput } from './activity-form.ts';
import { BasicsSection } from './sections/BasicsSection.tsx';
import { ControllerSection, JointControllersSection } from './sections/ControllerSection.tsx';
import { DataSection } from './sections/DataSection.tsx';
import { DpiaSection } from './sections/DpiaSection.tsx';
import { LegalBasisSection } from './sections/LegalBasisSection.tsx';
import { PurposesSection } from './sections/PurposesSection.tsx';
import { RecipientsSection, SystemsSection } from './sections/RecipientsSection.tsx';
import { RetentionSection } from './sections/RetentionSection.tsx';
import { SecuritySection } from './sections/SecuritySection.tsx';
import { TransfersSection } from './sections/TransfersSection.tsx';

/**
 * The processing activity with every Art. 30 item, grouped as the law lists them: Art. 30(1) for our own
 * processing, Art. 30(2) when we process for a client. A new activity opens its own page after saving, where the
 * completeness check shows what is still missing.
 */
export function ActivityForm({ activity, canEdit }: { activity: TActivity | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ActivityValues>({ initialValues: activity ? activityValuesOf(activity) : emptyActivity() });
  const isProcessor = form.getValues().role === 'processor';
  const sectionProps = { form, canEdit };

  const save = useMutation({
    mutationFn: (values: ActivityValues) =>
      activity
        ? activitiesApi.update(org.slug, activity.id, toActivityInput(values))
        : activitiesApi.create(org.slug, toActivityInput(values)),
    meta: { showsOwnErrors: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(registerKeys.activity(org.slug, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.saved') });
      form.resetDirty(activityValuesOf(saved));
      if (!activity) navigate(`/o/${org.slug}/register/activities/${saved.id}`, { replace: true });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <form
      noValidate
      aria-label={t('register.activity.formLabel')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Fieldset disabled={!canEdit} variant="unstyled">
        <Stack gap="lg">
          <FormAlert message={formError} />
          <BasicsSection {...sectionProps} />
          {isProcessor && <ControllerSection {...sectionProps} />}
          {!isProcessor && <PurposesSection {...sectionProps} />}
          <DataSection {...sectionProps} />
          {!isProcessor && <LegalBasisSection {...sectionProps} />}
          <SystemsSection {...sectionProps} />
          {!isProcessor && <RecipientsSection {...sectionProps} />}
          {!isProcessor && <JointControllersSection {...sectionProps} />}
          <TransfersSection {...sectionProps} />
          {!isProcessor && <RetentionSection {...sectionProps} />}
          <SecuritySection {...sectionProps} />
          {!isProcessor && <DpiaSection {...sectionProps} />}
          {canEdit && (
            <Group
              justify="flex-end"
              pos="sticky"
              bottom={0}
              py="sm"
              bg="var(--mantine-color-body)"
              style={{ zIndex: 2 }}
            >
              {activity && (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  {t('common.undo')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t(activity ? 'register.common.save' : 'register.activity.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
      <UnsavedChangesPrompt isDirty={form.isDirty} />
    </form>
  );
}
