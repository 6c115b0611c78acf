import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { identityApi } from '../../api/identity.ts';
import { queryKeys } from '../../api/keys.ts';
import { applyProblem } from '../../app/forms.ts';
import { safeNextPath, useSetSessionState } from '../../app/session.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

/** Step two of signing in: the code from the authenticator app, or one of the recovery codes. */
export default function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const setSessionState = useSetSessionState();
  const [usesRecoveryCode, setUsesRecoveryCode] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '', recoveryCode: '' } });

  const verify = useMutation({
    mutationFn: (values: { code: string; recoveryCode: string }) =>
      identityApi.secondFactor(usesRecoveryCode ? { recoveryCode: values.recoveryCode } : { code: values.code }),
    meta: { showsOwnErrors: true },
    onSuccess: (state) => {
      setSessionState(state);
      navigate(safeNextPath(params.get('next')));
    },
    onError: (error) => {
      // The server answers a wrong code as it answers a wrong password; at this step, say which field is wrong.
      if (isApiError(error) && error.code === 'invalid_credentials') {
        form.setFieldError(
          usesRecoveryCode ? 'recoveryCode' : 'code',
          t(usesRecoveryCode ? 'auth.secondFactor.wrongRecoveryCode' : 'validation.totp_wrong'),
        );
      } else setFormError(applyProblem(form, error));
    },
  });

  const cancel = useMutation({
    mutationFn: identityApi.signOut,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });

  const handleSwitch = () => {
    form.clearErrors();
    setFormError(null);
    setUsesRecoveryCode((current) => !current);
  };

  return (
    <AuthLayout
      title={t('auth.secondFactor.title')}
      description={t(usesRecoveryCode ? 'auth.secondFactor.recoveryDescription' : 'auth.secondFactor.description')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          verify.mutate(values);
        })}
      >
        <Stack>
          <FormAlert message={formError} />
          {usesRecoveryCode ? (
            <TextInput
              key="recovery"
              label={t('auth.secondFactor.recoveryCode')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
              {...form.getInputProps('recoveryCode')}
            />
          ) : (
            <TextInput
              key="code"
              label={t('auth.secondFactor.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              data-autofocus
              {...form.getInputProps('code')}
            />
          )}
          <Button type="submit" loading={verify.isPending}>
            {t('auth.secondFactor.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component="button" type="button" size="sm" onClick={handleSwitch}>
              {t(usesRecoveryCode ? 'auth.secondFactor.useCode' : 'auth.secondFactor.useRecoveryCode')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => cancel.mutate()}>
              {t('auth.secondFactor.cancel')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
