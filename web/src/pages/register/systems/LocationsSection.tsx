import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type TSystem } from '../../../api/inventory.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { toCalendarDate } from '../../../i18n/format.ts';
import { LocationModal } from './LocationModal.tsx';
import { type LocationRow, LocationsTable } from './LocationsTable.tsx';
import {
  emptyLocation,
  type LocationValues,
  locationValuesOf,
  type SystemValues,
  toLocationInput,
} from './system-form.ts';

/** Which location the dialog is open for: a new one, or the row being changed. */
type Editing = { kind: 'new' } | { kind: 'row'; row: LocationRow } | null;

function EmptyLocations() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('register.systems.noLocations')}
    </Text>
  );
}

/** Locations of a system not saved yet: kept in the form and sent with it. */
export function UnsavedLocations({ form }: { form: UseFormReturnType<SystemValues> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const { locations, vendorId } = form.getValues();
  const problemsOf = (index: number) =>
    Object.entries(form.errors)
      .filter(([path]) => path.startsWith(`locations.${index}.`))
      .map(([, message]) => String(message));
  const rows = locations.map((values, index) => ({ key: String(index), values, problems: problemsOf(index) }));

  const handleSubmit = async (values: LocationValues) => {
    if (editing?.kind === 'row') form.replaceListItem('locations', Number(editing.row.key), values);
    else form.insertListItem('locations', values);
  };

  return (
    <Stack gap="sm">
      {rows.length === 0 ? (
        <EmptyLocations />
      ) : (
        <LocationsTable
          rows={rows}
          systemVendorId={vendorId}
          onEdit={(row) => setEditing({ kind: 'row', row })}
          onDelete={(row) => form.removeListItem('locations', Number(row.key))}
        />
      )}
      <AddLocationButton onClick={() => setEditing({ kind: 'new' })} />
      {editing && (
        <LocationModal
          opened
          title={t(editing.kind === 'new' ? 'register.systems.location.add' : 'register.systems.location.edit')}
          initialValues={editing.kind === 'row' ? editing.row.values : emptyLocation(toCalendarDate(new Date()))}
          systemVendorId={vendorId}
          onClose={() => setEditing(null)}
          onSubmit={handleSubmit}
        />
      )}
    </Stack>
  );
}

/** Locations of a saved system: each change is saved at once. */
export function SavedLocations({ system, canEdit }: { system: TSystem; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<LocationRow | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
  const rows = system.locations.map((location) => ({
    key: location.id,
    values: locationValuesOf(location),
    transfer: location.transfer,
  }));
  const remove = useMutation({
    mutationFn: (locationId: string) => inventoryApi.deleteLocation(org.slug, system.id, locationId),
    onSuccess: async () => {
      await refresh();
      setDeleting(null);
    },
  });

  const handleSubmit = async (values: LocationValues) => {
    const body = toLocationInput(values);
    if (editing?.kind === 'row') await inventoryApi.updateLocation(org.slug, system.id, editing.row.key, body);
    else await inventoryApi.addLocation(org.slug, system.id, body);
    await refresh();
  };

  return (
    <Stack gap="sm">
      {rows.length === 0 ? (
        <EmptyLocations />
      ) : (
        <LocationsTable
          rows={rows}
          systemVendorId={system.vendor?.id ?? null}
          onEdit={canEdit ? (row) => setEditing({ kind: 'row', row }) : undefined}
          onDelete={canEdit ? setDeleting : undefined}
        />
      )}
      {canEdit && <AddLocationButton onClick={() => setEditing({ kind: 'new' })} />}
      {editing && (
        <LocationModal
          opened
          title={t(editing.kind === 'new' ? 'register.systems.location.add' : 'register.systems.location.edit')}
          initialValues={editing.kind === 'row' ? editing.row.values : emptyLocation(toCalendarDate(new Date()))}
          systemVendorId={system.vendor?.id ?? null}
          onClose={() => setEditing(null)}
          onSubmit={handleSubmit}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('register.systems.location.delete')}>
        <Stack>
          <Text>{t('register.systems.location.deleteQuestion')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.key)}>
              {t('register.common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function AddLocationButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick}>
        {t('register.systems.location.add')}
      </Button>
    </Group>
  );
}
