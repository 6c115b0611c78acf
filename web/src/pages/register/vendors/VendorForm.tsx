import { Button, Fieldset, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { registerKeys } from '../../../api/register-keys.ts';
import { type TVendor, vendorsApi } from '../../../api/vendors.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { UnsavedChangesPrompt } from '../../../components/UnsavedChangesPrompt.tsx';
import { VendorBasicsFields, VendorSecurityFields, VendorTransferFields } from './VendorFields.tsx';
import { emptyVendor, toVendorInput, type VendorValues, vendorValuesOf } from './vendor-form.ts';

/** Adds a vendor or changes one; a new vendor's page opens after saving. */
export function VendorForm({ vendor, canEdit }: { vendor: TVendor | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<VendorValues>({ initialValues: vendor ? vendorValuesOf(vendor) : emptyVendor() });

  const save = useMutation({
    mutationFn: (values: VendorValues) =>
      vendor
        ? vendorsApi.update(org.slug, vendor.id, toVendorInput(values))
        : vendorsApi.create(org.slug, toVendorInput(values)),
    meta: { showsOwnErrors: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(registerKeys.vendor(org.slug, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.saved') });
      form.resetDirty(vendorValuesOf(saved));
      if (!vendor) navigate(`/o/${org.slug}/register/vendors/${saved.id}`, { replace: true });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Fieldset disabled={!canEdit} variant="unstyled">
        <Stack gap="lg">
          <FormAlert message={formError} />
          <Fieldset legend={t('register.vendors.sections.basics')}>
            <VendorBasicsFields form={form} vendorId={vendor?.id} />
          </Fieldset>
          <Fieldset legend={t('register.vendors.sections.transfer')}>
            <VendorTransferFields form={form} />
          </Fieldset>
          <Fieldset legend={t('register.vendors.sections.security')}>
            <VendorSecurityFields form={form} />
          </Fieldset>
          <Textarea label={t('register.common.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          {canEdit && (
            <Group justify="flex-end">
              {vendor && (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  {t('common.undo')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t(vendor ? 'register.common.save' : 'register.vendors.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
      <UnsavedChangesPrompt isDirty={form.isDirty} />
    </form>
  );
}
