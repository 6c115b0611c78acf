import { Checkbox, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EntityPicker } from '../../shared/EntityPicker.tsx';
import { useSystemOptions, useVendorOptions } from '../../shared/options.ts';
import { NewSystemModal } from '../../systems/NewSystemModal.tsx';
import { NewVendorModal } from '../../vendors/NewVendorModal.tsx';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** The systems the activity uses (where the data lives). */
export function SystemsSection({ form, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const options = useSystemOptions();
  return (
    <FormSection
      id="systems"
      title={t('register.activity.sections.systems')}
      help={t('register.activity.help.systems')}
    >
      <EntityPicker
        label={t('register.activity.fields.systems')}
        options={options}
        value={form.getValues().systemIds}
        onChange={(ids) => form.setFieldValue('systemIds', ids)}
        error={form.errors.systemIds}
        addLabel={t('register.systems.add')}
        canAdd={canEdit}
        renderAddDialog={({ opened, onClose, onCreated }) => (
          <NewSystemModal opened={opened} onClose={onClose} onCreated={(system) => onCreated(system.id)} />
        )}
      />
    </FormSection>
  );
}

/** Art. 30(1)(d): who receives the data: named vendors, categories of recipients, or nobody. */
export function RecipientsSection({ form, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const options = useVendorOptions();
  const values = form.getValues();
  return (
    <FormSection
      id="recipients"
      title={t('register.activity.sections.recipients')}
      article={t('register.activity.articles.recipients')}
      help={t('register.activity.help.recipients')}
    >
      <EntityPicker
        label={t('register.activity.fields.recipients')}
        options={options}
        value={values.recipientVendorIds}
        onChange={(ids) => form.setFieldValue('recipientVendorIds', ids)}
        error={form.errors.recipientVendorIds}
        addLabel={t('register.vendors.add')}
        canAdd={canEdit}
        renderAddDialog={({ opened, onClose, onCreated }) => (
          <NewVendorModal opened={opened} onClose={onClose} onCreated={(vendor) => onCreated(vendor.id)} />
        )}
      />
      <Textarea
        label={t('register.activity.fields.recipientCategories')}
        description={t('register.activity.help.recipientCategories')}
        autosize
        minRows={2}
        {...form.getInputProps('recipientCategories')}
      />
      <Checkbox
        label={t('register.activity.fields.hasNoRecipients')}
        disabled={values.recipientVendorIds.length > 0}
        {...form.getInputProps('hasNoRecipients', { type: 'checkbox' })}
      />
    </FormSection>
  );
}
