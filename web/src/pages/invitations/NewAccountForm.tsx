import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPassword, ZPersonName } from '../../../../src/shared/fields.ts';
import { fieldRule } from '../../app/field-rules.ts';
import { applyProblem } from '../../app/forms.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LocaleSelect } from '../../components/LocaleSelect.tsx';

interface NewAccountValues {
  name: string;
  password: string;
  locale: 'nl' | 'en';
}

/** Creating an account while accepting an invitation; the address is the one the invitation went to. */
export function NewAccountForm({
  email,
  locale,
  onSubmit,
}: {
  email: string;
  locale: 'nl' | 'en';
  onSubmit: (values: NewAccountValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const form = useForm<NewAccountValues>({
    initialValues: { name: '', password: '', locale },
    // The accept request is a union (signed in, or a new account), so the server cannot point at a field.
    validate: { name: fieldRule(ZPersonName), password: fieldRule(ZPassword) },
  });

  const handleSubmit = async (values: NewAccountValues) => {
    setFormError(null);
    setIsPending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyProblem(form, error));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <form noValidate onSubmit={form.onSubmit((values) => void handleSubmit(values))}>
      <Stack>
        <Text size="sm">{t('invitations.accept.newAccount')}</Text>
        <FormAlert message={formError} />
        <TextInput label={t('auth.email')} value={email} readOnly />
        <TextInput
          label={t('account.profile.name')}
          autoComplete="name"
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <PasswordInput
          label={t('auth.password')}
          description={t('auth.passwordRule')}
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('password')}
        />
        <LocaleSelect label={t('account.profile.language')} {...form.getInputProps('locale')} />
        <Button type="submit" loading={isPending}>
          {t('invitations.accept.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
