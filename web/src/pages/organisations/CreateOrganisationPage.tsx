import { Button, Fieldset, Group, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi, roleAtLeast } from '../../api/organisations.ts';
import { applyProblem, inputPropsAt } from '../../app/forms.ts';
import { useMyOrganisations } from '../../app/organisations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { OrganisationFields } from './OrganisationFields.tsx';
import { emptyOrganisation, type OrganisationValues, toOrganisationInput } from './organisation-form.ts';

interface CreateValues extends OrganisationValues {
  managedByOrgId: string | null;
}

/** A new organisation of my own, or a client organisation of an ICT service provider I run. */
export default function CreateOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const providers = (useMyOrganisations().data ?? []).filter((org) => roleAtLeast(org.role, 'privacy_officer'));
  const form = useForm<CreateValues>({
    initialValues: { ...emptyOrganisation(currentLocale()), managedByOrgId: params.get('managedBy') },
  });

  const create = useMutation({
    mutationFn: ({ managedByOrgId, ...values }: CreateValues) =>
      organisationsApi.create({ ...toOrganisationInput(values), managedByOrgId }),
    meta: { showsOwnErrors: true },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.myOrganisations });
      navigate(`/o/${created.slug}`);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <>
      <PageHeader title={t('organisations.create.title')} description={t('organisations.create.description')} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack gap="xl" maw={760}>
          <FormAlert message={formError} />
          {providers.length > 0 && (
            <Select
              label={t('organisations.create.managedBy')}
              description={t('organisations.create.managedByHint')}
              placeholder={t('organisations.create.notManaged')}
              clearable
              data={providers.map((org) => ({ value: org.id, label: org.name }))}
              {...form.getInputProps('managedByOrgId')}
            />
          )}
          <Fieldset legend={t('organisations.settings.details')}>
            <OrganisationFields
              inputProps={inputPropsAt(form)}
              error={form.errors.isController as string | undefined}
            />
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('organisations.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
