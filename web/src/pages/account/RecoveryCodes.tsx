import { Alert, Button, Code, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField.tsx';

/** The ten recovery codes, shown this once. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" title={t('account.twoFactor.codesTitle')}>
        {t('account.twoFactor.codesText')}
      </Alert>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="ol" aria-label={t('account.twoFactor.codesTitle')}>
        {codes.map((code) => (
          <li key={code} style={{ listStyle: 'none' }}>
            <Code fz="md">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <CopyField value={codes.join('\n')} label={t('account.twoFactor.allCodes')} />
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        {t('account.twoFactor.codesStored')}
      </Button>
    </Stack>
  );
}
