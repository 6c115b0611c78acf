import { Button, Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, type TOrganisation, type TUpdateOrganisationInput } from '../../api/organisations.ts';
import { registerKeys } from '../../api/register-keys.ts';
import { applyProblem, inputPropsAt } from '../../app/forms.ts';
import { useCurrentUser } from '../../app/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt.tsx';
import { OrganisationFields } from './OrganisationFields.tsx';
import {
  changedFields,
  type OrganisationValues,
  organisationValuesOf,
  type PrivacyContactValues,
  privacyContactValuesOf,
  toOrganisationInput,
  toPrivacyContact,
} from './organisation-form.ts';
import { PrivacyContactFields } from './PrivacyContactFields.tsx';

interface SettingsValues extends OrganisationValues {
  slug: string;
  requireMfa: boolean;
  privacyContact: PrivacyContactValues;
}

const valuesOf = (org: TOrganisation): SettingsValues => ({
  ...organisationValuesOf(org),
  slug: org.slug,
  requireMfa: org.requireMfa,
  privacyContact: privacyContactValuesOf(org.privacyContact),
});

function toUpdate(values: SettingsValues): TUpdateOrganisationInput {
  const { privacyContact, slug, requireMfa, ...organisation } = values;
  const { managedByOrgId: _, ...fields } = toOrganisationInput(organisation);
  return { ...fields, slug, requireMfa, privacyContact: toPrivacyContact(privacyContact) };
}

export function SettingsForm({
  organisation,
  canEdit,
  isOwner,
}: {
  organisation: TOrganisation;
  canEdit: boolean;
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SettingsValues>({ initialValues: valuesOf(organisation) });
  // The server refuses to require two-factor from an owner who does not use it; say so before they try.
  const mustEnableOwnMfaFirst = !useCurrentUser().hasTotp && !organisation.requireMfa;

  const save = useMutation({
    mutationFn: (values: SettingsValues) =>
      organisationsApi.update(organisation.id, changedFields(toUpdate(valuesOf(organisation)), toUpdate(values))),
    meta: { showsOwnErrors: true },
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.organisation(updated.slug), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myOrganisations });
      // The register's check reads the address and the privacy contact: its findings are out of date now.
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(organisation.slug) });
      notifications.show({ color: 'green', message: t('organisations.settings.saved') });
      if (updated.slug !== organisation.slug) navigate(`/o/${updated.slug}/settings`, { replace: true });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Fieldset disabled={!canEdit} variant="unstyled">
        <Stack gap="xl">
          <FormAlert message={formError} />
          <Fieldset legend={t('organisations.settings.details')}>
            <OrganisationFields
              inputProps={inputPropsAt(form)}
              error={form.errors.isController as string | undefined}
            />
          </Fieldset>
          <Fieldset legend={t('organisations.contact.title')}>
            <PrivacyContactFields
              values={form.getValues().privacyContact}
              inputProps={inputPropsAt(form, 'privacyContact.')}
            />
          </Fieldset>
          <Fieldset legend={t('organisations.settings.ownerSection')} disabled={!isOwner}>
            <Stack>
              {!isOwner && (
                <Text size="sm" c="dimmed">
                  {t('organisations.settings.ownerOnly')}
                </Text>
              )}
              <TextInput
                label={t('organisations.fields.slug')}
                description={t('organisations.fields.slugHint')}
                autoCapitalize="none"
                spellCheck={false}
                {...form.getInputProps('slug')}
              />
              <Switch
                label={t('organisations.fields.requireMfa')}
                description={
                  mustEnableOwnMfaFirst ? t('errors.enable_own_mfa_first') : t('organisations.fields.requireMfaHint')
                }
                disabled={mustEnableOwnMfaFirst}
                {...form.getInputProps('requireMfa', { type: 'checkbox' })}
              />
            </Stack>
          </Fieldset>
          {canEdit && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                {t('common.undo')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
      <UnsavedChangesPrompt isDirty={form.isDirty} />
    </form>
  );
}
