import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identityApi } from '../../api/identity.ts';
import { applyProblem } from '../../app/forms.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' } });
  const request = useMutation({
    mutationFn: (values: { email: string }) => identityApi.requestPasswordReset(values.email),
    meta: { showsOwnErrors: true },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <AuthLayout title={t('auth.forgot.title')} description={t('auth.forgot.description')}>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null);
            request.mutate(values);
          })}
        >
          <Stack>
            <FormAlert message={formError} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              withAsterisk
              data-autofocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
