import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/audit.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/** Recomputes the hash chain on the server and says whether the trail is intact, or where it breaks. */
export function VerifyChain() {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const locale = currentLocale();
  const verify = useMutation({ mutationFn: () => auditApi.verify(org.slug) });
  const result = verify.data;

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={18} />}
        onClick={() => verify.mutate()}
        loading={verify.isPending}
      >
        {t('audit.verify.button')}
      </Button>
      <Modal opened={verify.isSuccess} onClose={() => verify.reset()} title={t('audit.verify.title')} centered>
        {result && (
          <Stack>
            {result.isIntact ? (
              <Alert color="green" icon={<IconShieldCheck size={18} />} title={t('audit.verify.intactTitle')}>
                {t('audit.verify.intactText', {
                  entries: formatNumber(result.checkedEntries, locale),
                  chains: formatNumber(result.chains, locale),
                })}
              </Alert>
            ) : (
              <Alert color="red" icon={<IconShieldX size={18} />} title={t('audit.verify.brokenTitle')}>
                <Text size="sm">
                  {t('audit.verify.brokenText', {
                    seq: result.firstBreak?.seq ?? '?',
                    reason: t(`audit.verify.reasons.${result.firstBreak?.reason ?? 'hash_mismatch'}`),
                  })}
                </Text>
              </Alert>
            )}
            <Button onClick={() => verify.reset()} style={{ alignSelf: 'flex-end' }}>
              {t('common.close')}
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
