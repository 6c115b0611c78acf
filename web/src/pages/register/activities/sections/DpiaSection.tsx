import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TriStateField } from '../../shared/fields.tsx';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Art. 35: whether a data protection impact assessment is needed, and why. */
export function DpiaSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const { isDpiaRequired } = form.getValues();
  return (
    <FormSection
      id="dpia"
      title={t('register.activity.sections.dpia')}
      article={t('register.activity.articles.dpia')}
      help={t('register.activity.help.dpia')}
    >
      <TriStateField
        label={t('register.activity.fields.isDpiaRequired')}
        value={isDpiaRequired}
        onChange={(value) => form.setFieldValue('isDpiaRequired', value)}
        error={form.errors.isDpiaRequired as string | undefined}
      />
      <Textarea
        label={t('register.activity.fields.dpiaReason')}
        description={t('register.activity.help.dpiaReason')}
        withAsterisk={isDpiaRequired === true}
        autosize
        minRows={2}
        {...form.getInputProps('dpiaReason')}
      />
    </FormSection>
  );
}
