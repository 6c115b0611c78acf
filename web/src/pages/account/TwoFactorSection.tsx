import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { identityApi, type TTotpEnrolment } from '../../api/identity.ts';
import { queryKeys } from '../../api/keys.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PasswordPrompt } from '../../components/PasswordPrompt.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** Two-factor sign-in with an authenticator app: enrol, replace recovery codes, switch off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [enrolment, setEnrolment] = useState<TTotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [isDisabling, disabling] = useDisclosure(false);
  const [isRegenerating, regenerating] = useDisclosure(false);
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: queryKeys.session });
  const requiredBy = params.get('required');

  const start = useMutation({ mutationFn: identityApi.startTotpEnrolment, onSuccess: setEnrolment });

  const handleConfirmed = async (codes: string[]) => {
    setEnrolment(null);
    setRecoveryCodes(codes);
    await refreshSession();
  };

  return (
    <section aria-labelledby="two-factor-title">
      <Group gap="sm" mb={4}>
        <Title order={2} size="h4" id="two-factor-title">
          {t('account.twoFactor.title')}
        </Title>
        <Badge color={user.hasTotp ? 'green' : 'gray'} variant="light">
          {user.hasTotp ? t('common.on') : t('common.off')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.twoFactor.description')}
      </Text>
      {recoveryCodes ? (
        <Stack>
          <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
          {requiredBy && (
            <Button
              component={Link}
              to={requiredBy === '1' ? '/' : `/o/${encodeURIComponent(requiredBy)}`}
              variant="light"
              style={{ alignSelf: 'flex-start' }}
            >
              {t('account.twoFactor.continue')}
            </Button>
          )}
        </Stack>
      ) : enrolment ? (
        <TotpEnrolment
          enrolment={enrolment}
          onConfirmed={(codes) => void handleConfirmed(codes)}
          onCancel={() => setEnrolment(null)}
        />
      ) : user.hasTotp ? (
        <Group>
          <Button variant="default" onClick={regenerating.open}>
            {t('account.twoFactor.regenerate')}
          </Button>
          <Button variant="light" color="red" onClick={disabling.open}>
            {t('account.twoFactor.disable')}
          </Button>
        </Group>
      ) : (
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('account.twoFactor.enable')}
        </Button>
      )}
      <PasswordPrompt
        opened={isRegenerating}
        title={t('account.twoFactor.regenerate')}
        description={t('account.twoFactor.regenerateText')}
        confirmLabel={t('account.twoFactor.regenerate')}
        onClose={regenerating.close}
        onConfirm={async (password) =>
          setRecoveryCodes((await identityApi.regenerateRecoveryCodes(password)).recoveryCodes)
        }
      />
      <PasswordPrompt
        opened={isDisabling}
        title={t('account.twoFactor.disable')}
        description={t('account.twoFactor.disableText')}
        confirmLabel={t('account.twoFactor.disable')}
        isDanger
        onClose={disabling.close}
        onConfirm={async (password) => {
          await identityApi.disableTotp(password);
          await refreshSession();
        }}
      />
    </section>
  );
}
