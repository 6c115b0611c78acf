import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before a form's unsaved changes are lost: on leaving its page inside the app (a link, the back button) and
 * on closing or reloading the tab. A form that saved replaces the address (`navigate(…, { replace: true })`), so
 * that move is never held up.
 */
export function UnsavedChangesPrompt({ isDirty }: { isDirty: () => boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation, historyAction }) =>
      historyAction !== 'REPLACE' && currentLocation.pathname !== nextLocation.pathname && isDirty(),
  );
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (isDirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const stay = () => blocker.reset?.();
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title={t('common.unsavedTitle')} centered>
      <Stack>
        <Text>{t('common.unsavedText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            {t('common.unsavedStay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('common.unsavedLeave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
