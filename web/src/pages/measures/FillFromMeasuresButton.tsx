import { Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { measuresApi } from '../../api/measures.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';
import { currentLocale } from '../../i18n/index.ts';

/**
 * Writes an activity's "security measures" text from the in-place measures of its saved systems (and those of the
 * whole organisation), so the register says what the measures register can show. Only for a saved activity.
 */
export function FillFromMeasuresButton({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const { activityId } = useParams();
  const fill = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: () => measuresApi.activityText(org.slug, activityId as string),
    onSuccess: (text) => onText(currentLocale() === 'en' ? text.en : text.nl),
  });
  if (!activityId) return null;
  return (
    <>
      <Button variant="light" size="xs" mt="xs" loading={fill.isPending} onClick={() => fill.mutate()}>
        {t('measures.fillActivity.button')}
      </Button>
      <Text size="xs" c={fill.error ? 'red' : 'dimmed'} mt={4}>
        {fill.error ? describeError(fill.error) : t('measures.fillActivity.hint')}
      </Text>
    </>
  );
}
