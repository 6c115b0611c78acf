import { Button, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityApi, type TTotpEnrolment } from '../../api/identity.ts';
import { applyProblem } from '../../app/forms.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';

/** Scanning the QR code (or typing the secret) and proving it with a first code. */
export function TotpEnrolment({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TTotpEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '' } });
  const confirm = useMutation({
    mutationFn: ({ code }: { code: string }) => identityApi.confirmTotpEnrolment(code),
    meta: { showsOwnErrors: true },
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <Stack>
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>{t('account.twoFactor.stepApp')}</List.Item>
        <List.Item>{t('account.twoFactor.stepScan')}</List.Item>
        <List.Item>{t('account.twoFactor.stepCode')}</List.Item>
      </List>
      <Image
        src={enrolment.qrCodeDataUrl}
        alt={t('account.twoFactor.qrAlt')}
        w={200}
        h={200}
        fit="contain"
        bd="1px solid var(--mantine-color-gray-3)"
        radius="sm"
      />
      <Text size="sm">{t('account.twoFactor.secretInstead')}</Text>
      <CopyField value={enrolment.secret} label={t('account.twoFactor.secret')} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          confirm.mutate(values);
        })}
      >
        <Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('auth.secondFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            w={220}
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('account.twoFactor.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
