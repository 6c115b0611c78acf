import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCATION_ROLES } from '../../../api/inventory.ts';
import { TRANSFER_SAFEGUARDS } from '../../../api/vendors.ts';
import { applyProblem } from '../../../app/forms.ts';
import { CountrySelect } from '../../../components/CountrySelect.tsx';
import { toCalendarDate } from '../../../i18n/format.ts';
import { DateField } from '../shared/fields.tsx';
import { ModalForm } from '../shared/ModalForm.tsx';
import { useAllVendors, useEnumOptions, useVendorOptions } from '../shared/options.ts';
import { TiaFields } from '../shared/TiaFields.tsx';
import { TransferCheck } from '../shared/TransferCheck.tsx';
import { toTiaInput } from '../shared/tia.ts';
import type { LocationValues } from './system-form.ts';

/**
 * Records where a system keeps a copy of its data (primary, replica, backup, offsite backup), in which country
 * and since when; the last day stays empty while the copy is still there.
 */
export function LocationModal({
  opened,
  title,
  initialValues,
  systemVendorId,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  initialValues: LocationValues;
  systemVendorId: string | null;
  onClose: () => void;
  /** Saves the location; a rejected promise with the server's problem keeps the dialog open with its errors. */
  onSubmit: (values: LocationValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const form = useForm<LocationValues>({ initialValues });
  const roles = useEnumOptions(LOCATION_ROLES, 'locationRoles');
  const safeguards = useEnumOptions(TRANSFER_SAFEGUARDS, 'safeguards');
  const vendorOptions = useVendorOptions();
  const vendors = useAllVendors().data?.items ?? [];
  const values = form.getValues();
  // The copy's holder decides whether a US location is covered by the Data Privacy Framework.
  const holder = vendors.find((vendor) => vendor.id === (values.providerVendorId ?? systemVendorId));

  const handleSubmit = async (submitted: LocationValues) => {
    setFormError(null);
    setIsSaving(true);
    try {
      await onSubmit(submitted);
      onClose();
    } catch (error) {
      setFormError(applyProblem(form, error));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      error={formError}
      onSubmit={form.onSubmit((submitted) => void handleSubmit(submitted))}
      isPending={isSaving}
      submitLabel={t('register.common.save')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('register.systems.location.role')}
          data={roles}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('register.systems.location.provider')}
          description={t('register.systems.location.providerHelp')}
          placeholder={t('register.systems.location.sameVendor')}
          data={vendorOptions}
          searchable
          clearable
          {...form.getInputProps('providerVendorId')}
        />
        <CountrySelect label={t('register.common.country')} {...form.getInputProps('country')} />
        <TextInput
          label={t('register.common.region')}
          placeholder={t('register.systems.location.regionPlaceholder')}
          {...form.getInputProps('region')}
        />
        <DateField
          label={t('register.systems.location.since')}
          description={t('register.systems.location.sinceHelp')}
          {...form.getInputProps('since')}
        />
        <DateField
          label={t('register.systems.location.until')}
          description={t('register.systems.location.untilHelp')}
          {...form.getInputProps('until')}
        />
      </SimpleGrid>
      <TransferCheck
        country={values.country}
        dpf={holder ?? null}
        safeguard={values.transferSafeguard}
        safeguardDetails={values.safeguardDetails}
        tia={toTiaInput(values, values.transferSafeguard)}
        kind="storage"
        on={values.until || toCalendarDate(new Date())}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('register.vendors.fields.transferSafeguard')}
          placeholder={t('register.common.none')}
          data={safeguards}
          clearable
          {...form.getInputProps('transferSafeguard')}
        />
        <TextInput label={t('register.vendors.fields.safeguardDetails')} {...form.getInputProps('safeguardDetails')} />
      </SimpleGrid>
      <TiaFields form={form} safeguard={values.transferSafeguard} />
      <Textarea label={t('register.common.notes')} autosize minRows={1} {...form.getInputProps('notes')} />
    </ModalForm>
  );
}
