import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/query-client.ts';

/** What a page shows while its data loads, or when loading failed. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <Alert color="red">{describeError(error)}</Alert>;
  if (!isPending) return null;
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
