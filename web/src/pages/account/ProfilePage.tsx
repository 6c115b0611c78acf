import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityApi } from '../../api/identity.ts';
import { applyProblem } from '../../app/forms.ts';
import { useCurrentUser, useUpdateSessionUser } from '../../app/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LocaleSelect } from '../../components/LocaleSelect.tsx';
import { applyLocale, rememberLocale } from '../../i18n/index.ts';

interface ProfileValues {
  name: string;
  locale: 'nl' | 'en';
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const updateSessionUser = useUpdateSessionUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileValues>({ initialValues: { name: user.name, locale: user.locale } });

  const save = useMutation({
    mutationFn: (values: ProfileValues) => identityApi.updateProfile(values),
    meta: { showsOwnErrors: true },
    onSuccess: async (updated) => {
      updateSessionUser(updated);
      rememberLocale(updated.locale);
      await applyLocale(updated.locale);
      form.resetDirty({ name: updated.name, locale: updated.locale });
      notifications.show({ color: 'green', message: t('account.profile.saved') });
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
      <Stack maw={520}>
        <FormAlert message={formError} />
        <TextInput label={t('auth.email')} value={user.email} readOnly description={t('account.profile.emailHint')} />
        <TextInput label={t('account.profile.name')} autoComplete="name" withAsterisk {...form.getInputProps('name')} />
        <LocaleSelect label={t('account.profile.language')} {...form.getInputProps('locale')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
