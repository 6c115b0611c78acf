import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FillFromMeasuresButton } from '../../../measures/FillFromMeasuresButton.tsx';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Art. 30(1)(g) / 30(2)(d): a general description of the technical and organisational measures (Art. 32). */
export function SecuritySection({ form, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const isProcessor = form.getValues().role === 'processor';
  return (
    <FormSection
      id="security"
      title={t('register.activity.sections.security')}
      article={t(isProcessor ? 'register.activity.articles.securityProcessor' : 'register.activity.articles.security')}
      help={t('register.activity.help.security')}
    >
      <Textarea
        label={t('register.activity.fields.securityMeasures')}
        placeholder={t('register.activity.securityPlaceholder')}
        autosize
        minRows={3}
        {...form.getInputProps('securityMeasures')}
      />
      {canEdit && <FillFromMeasuresButton onText={(text) => form.setFieldValue('securityMeasures', text)} />}
    </FormSection>
  );
}
