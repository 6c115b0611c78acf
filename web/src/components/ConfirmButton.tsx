import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends ButtonProps {
  /** What the confirmation dialog asks. */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
  'aria-label'?: string;
}

/** A button for something that cannot be undone: it asks first, and closes when the action has succeeded. */
export function ConfirmButton({ question, confirmLabel, onConfirm, children, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);

  const handleConfirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } catch {
      // The mutation shows its own notification; the dialog stays open for another try.
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="red" variant="light" size="xs" {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={confirmLabel} centered>
        <Stack>
          <Text>{question}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void handleConfirm()} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
