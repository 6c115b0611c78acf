import { SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from './fields.tsx';
import { asksForTia } from './tia.ts';

/**
 * The transfer impact assessment beside SCCs or BCRs: its day and a document reference or note. `prefix` is the
 * form path of the object holding `tiaAssessedOn` and `tiaReference` ('' or 'transfers.0.').
 */
export function TiaFields({
  form,
  prefix = '',
  safeguard,
}: {
  form: { getInputProps: (path: string) => GetInputPropsReturnType };
  prefix?: string;
  safeguard: string | null;
}) {
  const { t } = useTranslation();
  if (!asksForTia(safeguard)) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <DateField
        label={t('register.transfer.tia.assessedOn')}
        description={t('register.transfer.tia.help')}
        {...form.getInputProps(`${prefix}tiaAssessedOn`)}
      />
      <TextInput label={t('register.transfer.tia.reference')} {...form.getInputProps(`${prefix}tiaReference`)} />
    </SimpleGrid>
  );
}
