import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.tsx';

/**
 * A dialog holding a small form: its fields, the server's message above them, Cancel and a submit button. These
 * dialogs open from inside another form (an activity, a system), and React bubbles a submit through the component
 * tree, portal or not: the submit stops here so that the outer form is not sent too.
 */
export function ModalForm({
  opened,
  onClose,
  title,
  size,
  error,
  onSubmit,
  isPending,
  submitLabel,
  children,
}: Pick<ModalProps, 'opened' | 'onClose' | 'title' | 'size'> & {
  error: string | null;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  isPending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(event) => {
          event.stopPropagation();
          onSubmit(event);
        }}
      >
        <Stack>
          <FormAlert message={error} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
