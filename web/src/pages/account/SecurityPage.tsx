import { Alert, Divider, Stack } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import { PasswordSection } from './PasswordSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** Password and two-factor; organisations that require two-factor send people here (?required=…). */
export default function SecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const isRequired = params.has('required') && !user.hasTotp;
  return (
    <Stack gap="xl" maw={640}>
      {isRequired && (
        <Alert color="orange" icon={<IconShieldLock size={18} />} title={t('account.twoFactor.requiredTitle')}>
          {t('account.twoFactor.requiredText')}
        </Alert>
      )}
      <TwoFactorSection />
      <Divider />
      <PasswordSection />
    </Stack>
  );
}
