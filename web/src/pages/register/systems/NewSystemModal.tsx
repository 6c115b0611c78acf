import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, SYSTEM_KINDS, type TSystem, type TSystemKind } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { ModalForm } from '../shared/ModalForm.tsx';
import { useEnumOptions } from '../shared/options.ts';
import { VendorSelect } from './VendorSelect.tsx';

interface Values {
  name: string;
  kind: TSystemKind;
  vendorId: string | null;
}

/** Adds a system on the spot (name, kind, vendor); its locations are recorded on the system's own page. */
export function NewSystemModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (system: TSystem) => void;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { name: '', kind: 'other', vendorId: null } });
  const kinds = useEnumOptions(SYSTEM_KINDS, 'systemKinds');

  const create = useMutation({
    mutationFn: (values: Values) => inventoryApi.create(org.slug, values),
    meta: { showsOwnErrors: true },
    onSuccess: async (system) => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      form.reset();
      onCreated(system);
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={t('register.systems.add')}
      error={formError}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
      isPending={create.isPending}
      submitLabel={t('register.common.add')}
    >
      <TextInput
        label={t('register.systems.fields.name')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label={t('register.systems.fields.kind')}
        data={kinds}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <VendorSelect
        label={t('register.systems.fields.vendor')}
        canAdd
        value={form.getValues().vendorId}
        onChange={(vendorId) => form.setFieldValue('vendorId', vendorId)}
      />
    </ModalForm>
  );
}
