import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Art. 30(2)(a) and (b): for whom we process as a processor, and what we do for them. */
export function ControllerSection({ form }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="controller"
      title={t('register.activity.sections.controller')}
      article={t('register.activity.articles.controller')}
      help={t('register.activity.help.controller')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('register.activity.fields.controllerName')} {...form.getInputProps('controllerName')} />
        <TextInput
          label={t('register.activity.fields.controllerContact')}
          description={t('register.activity.help.controllerContact')}
          {...form.getInputProps('controllerContact')}
        />
      </SimpleGrid>
      <Textarea
        label={t('register.activity.fields.processingCategories')}
        description={t('register.activity.help.processingCategories')}
        autosize
        minRows={2}
        {...form.getInputProps('processingCategories')}
      />
    </FormSection>
  );
}
