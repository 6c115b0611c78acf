import { Button, Group, MultiSelect, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from './options.ts';

/**
 * Choose several entries of the register (categories, systems, vendors) and add a missing one on the spot: the
 * "add" button opens the given dialog, and what it creates is chosen at once.
 */
export function EntityPicker({
  label,
  description,
  options,
  value,
  onChange,
  addLabel,
  renderAddDialog,
  canAdd,
  error,
}: {
  label: string;
  description?: ReactNode;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  addLabel: string;
  renderAddDialog: (props: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) => ReactNode;
  canAdd: boolean;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const handleCreated = (id: string) => {
    onChange([...value.filter((existing) => existing !== id), id]);
    close();
  };
  return (
    <Stack gap={4}>
      <MultiSelect
        label={label}
        description={description}
        data={options}
        value={value}
        onChange={onChange}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t('register.common.nothingFound')}
        error={error}
      />
      {canAdd && (
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={open}>
            {addLabel}
          </Button>
        </Group>
      )}
      {canAdd && renderAddDialog({ opened, onClose: close, onCreated: handleCreated })}
    </Stack>
  );
}
