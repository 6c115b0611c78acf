import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblem } from '../app/forms.ts';
import { FormAlert } from './FormAlert.tsx';

/** Asks for the password before a sensitive change; closes when the change succeeded. */
export function PasswordPrompt({
  opened,
  title,
  description,
  confirmLabel,
  onClose,
  onConfirm,
  isDanger = false,
}: {
  opened: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: (password: string) => Promise<unknown>;
  isDanger?: boolean;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const form = useForm({ initialValues: { password: '' } });

  const handleClose = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = async ({ password }: { password: string }) => {
    setFormError(null);
    setIsPending(true);
    try {
      await onConfirm(password);
      handleClose();
    } catch (error) {
      setFormError(applyProblem(form, error));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={handleClose} title={title} centered>
      <form noValidate onSubmit={form.onSubmit((values) => void handleSubmit(values))}>
        <Stack>
          <Text size="sm">{description}</Text>
          <FormAlert message={formError} />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            withAsterisk
            data-autofocus
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={handleClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={isDanger ? 'red' : undefined} loading={isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
