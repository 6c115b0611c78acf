import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { identityApi } from '../../api/identity.ts';
import { applyProblem } from '../../app/forms.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

/** The page behind the mailed link (/reset-password?token=…): choose a new password. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: { repeat: (value, values) => (value === values.password ? null : t('auth.passwordsDiffer')) },
  });
  const confirm = useMutation({
    mutationFn: (values: { password: string }) =>
      identityApi.confirmPasswordReset({ token, password: values.password }),
    meta: { showsOwnErrors: true },
    onSuccess: () => navigate('/sign-in?reset=done'),
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <AuthLayout title={t('auth.reset.title')} description={t('auth.reset.description')}>
      {token ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null);
            confirm.mutate(values);
          })}
        >
          <Stack>
            <FormAlert message={formError} />
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRule')}
              autoComplete="new-password"
              withAsterisk
              data-autofocus
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('auth.repeatPassword')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('repeat')}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="red">{t('errors.reset_link_invalid')}</Alert>
      )}
      <Anchor component={Link} to="/forgot-password" size="sm">
        {t('auth.reset.requestNew')}
      </Anchor>
    </AuthLayout>
  );
}
