import { Button, Divider, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { applyProblem, inputPropsAt } from '../../app/forms.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LocaleSelect } from '../../components/LocaleSelect.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { OrganisationFields } from '../organisations/OrganisationFields.tsx';
import { emptyOrganisation, type OrganisationValues, toOrganisationInput } from '../organisations/organisation-form.ts';

interface SetupValues {
  user: { name: string; email: string; password: string; locale: 'nl' | 'en' };
  organisation: OrganisationValues;
}

/** First start without demo data: the first owner and their organisation, in one step. */
export default function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const locale = currentLocale();
  const form = useForm<SetupValues>({
    initialValues: {
      user: { name: '', email: '', password: '', locale },
      organisation: emptyOrganisation(locale),
    },
  });

  const setup = useMutation({
    mutationFn: (values: SetupValues) =>
      organisationsApi.setup({ user: values.user, organisation: toOrganisationInput(values.organisation) }),
    meta: { showsOwnErrors: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      navigate('/');
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <AuthLayout title={t('setup.title')} description={t('setup.description')} width={720}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          setup.mutate(values);
        })}
      >
        <Stack gap="lg">
          <FormAlert message={formError} />
          <Title order={2} size="h4">
            {t('setup.you')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('account.profile.name')}
              autoComplete="name"
              withAsterisk
              data-autofocus
              {...form.getInputProps('user.name')}
            />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              withAsterisk
              {...form.getInputProps('user.email')}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordRule')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('user.password')}
            />
            <LocaleSelect label={t('account.profile.language')} {...form.getInputProps('user.locale')} />
          </SimpleGrid>
          <Divider />
          <Title order={2} size="h4">
            {t('setup.organisation')}
          </Title>
          <OrganisationFields
            inputProps={inputPropsAt(form, 'organisation.')}
            error={form.errors['organisation.isController'] as string | undefined}
          />
          <Button type="submit" loading={setup.isPending} size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
