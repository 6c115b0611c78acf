import { Checkbox, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EntityPicker } from '../../shared/EntityPicker.tsx';
import { useAllSystems, useSystemOptions, useVendorOptions } from '../../shared/options.ts';
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

/** The vendors running the chosen systems that are not chosen as recipients: processors, so recipients too. */
function useSystemVendorNames(systemIds: string[], recipientIds: string[]): string[] {
  const systems = useAllSystems().data?.items ?? [];
  const names = new Map<string, string>();
  for (const system of systems) {
    if (systemIds.includes(system.id) && system.vendor && !recipientIds.includes(system.vendor.id)) {
      names.set(system.vendor.id, system.vendor.name);
    }
  }
  return [...names.values()];
}

/**
 * Art. 30(1)(d): who receives the data: named vendors, categories of recipients, or nobody. The processors running
 * the activity's systems are recipients as well (Art. 4(9)) and are listed without being chosen, so "no recipients"
 * can only be said of an activity whose systems no vendor runs.
 */
export function RecipientsSection({ form, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const options = useVendorOptions();
  const values = form.getValues();
  const systemVendors = useSystemVendorNames(values.systemIds, values.recipientVendorIds);
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
      {systemVendors.length > 0 && (
        <Text size="sm" data-testid="system-vendors">
          {t('register.activity.systemVendors', { vendors: systemVendors.join(', ') })}
        </Text>
      )}
      <Textarea
        label={t('register.activity.fields.recipientCategories')}
        description={t('register.activity.help.recipientCategories')}
        autosize
        minRows={2}
        {...form.getInputProps('recipientCategories')}
      />
      <Checkbox
        label={t('register.activity.fields.hasNoRecipients')}
        disabled={values.recipientVendorIds.length > 0 || systemVendors.length > 0}
        {...form.getInputProps('hasNoRecipients', { type: 'checkbox' })}
      />
    </FormSection>
  );
}
