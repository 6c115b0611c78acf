import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TRANSFER_SAFEGUARDS } from '../../../../api/vendors.ts';
import { CountrySelect } from '../../../../components/CountrySelect.tsx';
import { AddRowButton, RemoveRowButton } from '../../../../components/RowButtons.tsx';
import { useEnumOptions } from '../../shared/options.ts';
import { TiaFields } from '../../shared/TiaFields.tsx';
import { TransferCheck } from '../../shared/TransferCheck.tsx';
import { toTiaInput } from '../../shared/tia.ts';
import { emptyTransfer } from '../activity-form.ts';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/**
 * Art. 30(1)(e) / 30(2)(c): transfers outside the EEA named on the activity. Locations of its systems and its
 * recipients abroad count too; the server's check includes them, this section adds other destinations.
 */
export function TransfersSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const safeguards = useEnumOptions(TRANSFER_SAFEGUARDS, 'safeguards');
  const { transfers, role } = form.getValues();
  return (
    <FormSection
      id="transfers"
      title={t('register.activity.sections.transfers')}
      article={t(
        role === 'processor' ? 'register.activity.articles.transfersProcessor' : 'register.activity.articles.transfers',
      )}
      help={t('register.activity.help.transfers')}
    >
      {transfers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('register.activity.noTransfers')}
        </Text>
      )}
      {transfers.map((transfer, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: transfers are replaced as a whole; the position is the row
        <Paper key={index} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CountrySelect
                label={t('register.common.country')}
                {...form.getInputProps(`transfers.${index}.country`)}
              />
              <TextInput
                label={t('register.activity.fields.transferRecipient')}
                withAsterisk
                {...form.getInputProps(`transfers.${index}.recipient`)}
              />
              <Select
                label={t('register.vendors.fields.transferSafeguard')}
                placeholder={t('register.common.none')}
                data={safeguards}
                clearable
                {...form.getInputProps(`transfers.${index}.safeguard`)}
              />
              <TextInput
                label={t('register.vendors.fields.safeguardDetails')}
                {...form.getInputProps(`transfers.${index}.safeguardDetails`)}
              />
            </SimpleGrid>
            <TiaFields form={form} prefix={`transfers.${index}.`} safeguard={transfer.safeguard} />
            <TransferCheck
              country={transfer.country}
              safeguard={transfer.safeguard}
              safeguardDetails={transfer.safeguardDetails}
              tia={toTiaInput(transfer, transfer.safeguard)}
              kind="occasional"
            />
            <Group justify="flex-end">
              <RemoveRowButton
                label={t('register.activity.removeTransfer', { number: index + 1 })}
                onClick={() => form.removeListItem('transfers', index)}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <AddRowButton
        label={t('register.activity.addTransfer')}
        onClick={() => form.insertListItem('transfers', emptyTransfer())}
      />
    </FormSection>
  );
}
