import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { identityApi } from '../api/identity.ts';
import { useSessionState, useUpdateSessionUser } from '../app/session.ts';
import { applyLocale, currentLocale, LOCALES, type Locale, rememberLocale } from '../i18n/index.ts';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const NATIVE_NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

/**
 * Switches the language: for a signed-in person it is saved with their account (and follows them to other
 * devices); before sign-in it is remembered on this device.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { user, isFullyAuthenticated } = useSessionState();
  const updateSessionUser = useUpdateSessionUser();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const saveLocale = useMutation({
    mutationFn: (next: Locale) => identityApi.updateProfile({ locale: next }),
    onSuccess: (updated) => {
      updateSessionUser(updated);
      // What the server wrote (completeness findings, labels, messages) is in the old language: ask again.
      void queryClient.invalidateQueries();
    },
  });

  const handleChoose = (next: Locale) => {
    rememberLocale(next);
    void applyLocale(next);
    if (user && isFullyAuthenticated) saveLocale.mutate(next);
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} />}
          aria-label={t('common.language')}
          loading={saveLocale.isPending}
        >
          {locale.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common.language')}</Menu.Label>
        {LOCALES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => handleChoose(option)}
            rightSection={option === locale ? <IconCheck size={16} /> : null}
          >
            {NATIVE_NAMES[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
