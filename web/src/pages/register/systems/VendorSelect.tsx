import { Button, Group, Select, type SelectProps, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVendorOptions } from '../shared/options.ts';
import { NewVendorModal } from '../vendors/NewVendorModal.tsx';

/** One vendor (the system's supplier), with "add vendor" for one not in the register yet. */
export function VendorSelect({
  canAdd,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'onChange'> & { canAdd: boolean; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const options = useVendorOptions();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap={4}>
      <Select data={options} searchable clearable onChange={(value) => onChange(value)} {...props} />
      {canAdd && (
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={open}>
            {t('register.vendors.add')}
          </Button>
        </Group>
      )}
      {canAdd && (
        <NewVendorModal
          opened={opened}
          onClose={close}
          onCreated={(vendor) => {
            onChange(vendor.id);
            close();
          }}
        />
      )}
    </Stack>
  );
}
