import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerKeys } from '../../../api/register-keys.ts';
import { type TVendor, type TVendorKind, VENDOR_KINDS, vendorsApi } from '../../../api/vendors.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { CountrySelect } from '../../../components/CountrySelect.tsx';
import { ModalForm } from '../shared/ModalForm.tsx';
import { useEnumOptions } from '../shared/options.ts';
import { TransferCheck } from '../shared/TransferCheck.tsx';

interface Values {
  name: string;
  kind: TVendorKind;
  country: string;
}

/** Adds a vendor on the spot (name, kind, country); the rest is filled in on the vendor's own page. */
export function NewVendorModal({
  opened,
  onClose,
  onCreated,
  defaultKind = 'processor',
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (vendor: TVendor) => void;
  defaultKind?: TVendorKind;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { name: '', kind: defaultKind, country: 'NL' } });
  const kinds = useEnumOptions(VENDOR_KINDS, 'vendorKinds');

  const create = useMutation({
    mutationFn: (values: Values) => vendorsApi.create(org.slug, values),
    meta: { showsOwnErrors: true },
    onSuccess: async (vendor) => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      form.reset();
      onCreated(vendor);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={t('register.vendors.add')}
      error={formError}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
      isPending={create.isPending}
      submitLabel={t('register.common.add')}
    >
      <TextInput
        label={t('register.vendors.fields.name')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label={t('register.vendors.fields.kind')}
        data={kinds}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <CountrySelect label={t('register.vendors.fields.country')} {...form.getInputProps('country')} />
      <TransferCheck country={form.getValues().country} safeguard={null} kind="vendor" />
    </ModalForm>
  );
}
