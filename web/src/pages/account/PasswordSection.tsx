import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityApi } from '../../api/identity.ts';
import { queryKeys } from '../../api/keys.ts';
import { applyProblem } from '../../app/forms.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: { repeat: (value, values) => (value === values.newPassword ? null : t('auth.passwordsDiffer')) },
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordValues) =>
      identityApi.changePassword({ currentPassword, newPassword }),
    meta: { showsOwnErrors: true },
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'green', message: t('account.password.changed') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <section aria-labelledby="password-title">
      <Title order={2} size="h4" id="password-title">
        {t('account.password.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.password.description')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          change.mutate(values);
        })}
      >
        <Stack>
          <FormAlert message={formError} />
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordRule')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('auth.repeatPassword')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('repeat')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
