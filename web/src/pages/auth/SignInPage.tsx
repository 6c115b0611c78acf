import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { identityApi } from '../../api/identity.ts';
import { applyProblem } from '../../app/forms.ts';
import { safeNextPath, useSetSessionState } from '../../app/session.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const setSessionState = useSetSessionState();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });

  const signIn = useMutation({
    mutationFn: identityApi.signIn,
    meta: { showsOwnErrors: true },
    onSuccess: (response) => {
      setSessionState(response.session);
      if (response.status === 'second_factor_required') {
        navigate(`/sign-in/second-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      } else navigate(safeNextPath(next));
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <AuthLayout title={t('auth.signIn.title')} description={t('auth.signIn.description')}>
      {params.get('reset') === 'done' && <Alert color="green">{t('auth.reset.done')}</Alert>}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          signIn.mutate(values);
        })}
      >
        <Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            withAsterisk
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" align="center">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {t('auth.signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
