import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { inventoryApi, SYSTEM_KINDS, type TSystem } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { UnsavedChangesPrompt } from '../../../components/UnsavedChangesPrompt.tsx';
import { DataCategoryModal } from '../categories/DataCategoryModal.tsx';
import { EntityPicker } from '../shared/EntityPicker.tsx';
import { TriStateField } from '../shared/fields.tsx';
import { useDataCategoryOptions, useEnumOptions, useMemberOptions } from '../shared/options.ts';
import { UnsavedLocations } from './LocationsSection.tsx';
import {
  emptySystem,
  type SystemValues,
  systemValuesOf,
  toCreateSystemInput,
  toUpdateSystemInput,
} from './system-form.ts';
import { VendorSelect } from './VendorSelect.tsx';

/** Adds a system (with its first locations) or changes one; a saved system's locations are kept below the form. */
export function SystemForm({ system, canEdit }: { system: TSystem | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SystemValues>({ initialValues: system ? systemValuesOf(system) : emptySystem() });
  const kinds = useEnumOptions(SYSTEM_KINDS, 'systemKinds');
  const statuses = useEnumOptions(['active', 'retired'], 'activeStatus');
  const members = useMemberOptions();
  const categoryOptions = useDataCategoryOptions();
  const values = form.getValues();

  const save = useMutation({
    mutationFn: (submitted: SystemValues) =>
      system
        ? inventoryApi.update(org.slug, system.id, toUpdateSystemInput(submitted))
        : inventoryApi.create(org.slug, toCreateSystemInput(submitted)),
    meta: { showsOwnErrors: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(registerKeys.system(org.slug, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      notifications.show({ color: 'green', message: t('register.common.saved') });
      form.resetDirty(systemValuesOf(saved));
      if (!system) navigate(`/o/${org.slug}/register/systems/${saved.id}`, { replace: true });
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => {
        setFormError(null);
        save.mutate(submitted);
      })}
    >
      <Fieldset disabled={!canEdit} variant="unstyled">
        <Stack gap="lg">
          <FormAlert message={formError} />
          <Fieldset legend={t('register.systems.sections.basics')}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('register.systems.fields.name')} withAsterisk {...form.getInputProps('name')} />
                <Select
                  label={t('register.systems.fields.kind')}
                  data={kinds}
                  allowDeselect={false}
                  {...form.getInputProps('kind')}
                />
                <VendorSelect
                  label={t('register.systems.fields.vendor')}
                  description={t('register.systems.help.vendor')}
                  canAdd={canEdit}
                  value={values.vendorId}
                  error={form.errors.vendorId}
                  onChange={(vendorId) => form.setFieldValue('vendorId', vendorId)}
                />
                <Select
                  label={t('register.common.status')}
                  data={statuses}
                  allowDeselect={false}
                  {...form.getInputProps('status')}
                />
                <Select
                  label={t('register.systems.fields.owner')}
                  description={t('register.systems.help.owner')}
                  data={members}
                  searchable
                  clearable
                  {...form.getInputProps('ownerUserId')}
                />
              </SimpleGrid>
              <Textarea
                label={t('register.common.description')}
                autosize
                minRows={2}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('register.systems.sections.data')}>
            <EntityPicker
              label={t('register.systems.fields.dataCategories')}
              description={t('register.systems.help.dataCategories')}
              options={categoryOptions}
              value={values.dataCategoryIds}
              onChange={(ids) => form.setFieldValue('dataCategoryIds', ids)}
              addLabel={t('register.categories.addData')}
              canAdd={canEdit}
              renderAddDialog={({ opened, onClose, onCreated }) => (
                <DataCategoryModal opened={opened} onClose={onClose} onSaved={(category) => onCreated(category.id)} />
              )}
            />
          </Fieldset>
          <Fieldset legend={t('register.systems.sections.security')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TriStateField
                label={t('register.systems.fields.isMfaEnforced')}
                description={t('register.systems.help.isMfaEnforced')}
                value={values.isMfaEnforced}
                onChange={(value) => form.setFieldValue('isMfaEnforced', value)}
              />
              <TriStateField
                label={t('register.systems.fields.isEncryptedAtRest')}
                description={t('register.systems.help.isEncryptedAtRest')}
                value={values.isEncryptedAtRest}
                onChange={(value) => form.setFieldValue('isEncryptedAtRest', value)}
              />
            </SimpleGrid>
          </Fieldset>
          {!system && (
            <Fieldset legend={t('register.systems.locationsTitle')}>
              <UnsavedLocations form={form} />
            </Fieldset>
          )}
          {canEdit && (
            <Group justify="flex-end">
              {system && (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  {t('common.undo')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t(system ? 'register.common.save' : 'register.systems.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
      <UnsavedChangesPrompt isDirty={form.isDirty} />
    </form>
  );
}
