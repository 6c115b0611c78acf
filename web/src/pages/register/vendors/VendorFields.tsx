import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_SAFEGUARDS, VENDOR_KINDS } from '../../../api/vendors.ts';
import { CountrySelect } from '../../../components/CountrySelect.tsx';
import { DateField, TriStateField } from '../shared/fields.tsx';
import { useEnumOptions, useVendorOptions } from '../shared/options.ts';
import { TiaFields } from '../shared/TiaFields.tsx';
import { TransferCheck } from '../shared/TransferCheck.tsx';
import { toTiaInput } from '../shared/tia.ts';
import type { VendorValues } from './vendor-form.ts';

type Form = UseFormReturnType<VendorValues>;

/** Who the vendor is and what it does for us. */
export function VendorBasicsFields({ form, vendorId }: { form: Form; vendorId?: string }) {
  const { t } = useTranslation();
  const kinds = useEnumOptions(VENDOR_KINDS, 'vendorKinds');
  const parents = useVendorOptions().filter((option) => option.value !== vendorId);
  const values = form.getValues();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('register.vendors.fields.name')} withAsterisk {...form.getInputProps('name')} />
        <Select
          label={t('register.vendors.fields.kind')}
          description={t('register.vendors.help.kind')}
          data={kinds}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
      </SimpleGrid>
      {values.kind === 'sub_processor' && (
        <Select
          label={t('register.vendors.fields.parentVendor')}
          description={t('register.vendors.help.parentVendor')}
          data={parents}
          searchable
          clearable
          {...form.getInputProps('parentVendorId')}
        />
      )}
      <Textarea
        label={t('register.vendors.fields.services')}
        description={t('register.vendors.help.services')}
        autosize
        minRows={2}
        {...form.getInputProps('services')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('register.vendors.fields.website')}
          placeholder="https://"
          type="url"
          {...form.getInputProps('website')}
        />
        <TextInput
          label={t('register.vendors.fields.contactEmail')}
          type="email"
          {...form.getInputProps('contactEmail')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Where the vendor is established, and the transfer check with its safeguard. */
export function VendorTransferFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const safeguards = useEnumOptions(TRANSFER_SAFEGUARDS, 'safeguards');
  const values = form.getValues();
  return (
    <Stack>
      <CountrySelect
        label={t('register.vendors.fields.country')}
        description={t('register.vendors.help.country')}
        {...form.getInputProps('country')}
      />
      {values.country === 'US' && (
        <Checkbox
          label={t('register.vendors.fields.isDpfCertified')}
          description={t('register.vendors.help.isDpfCertified')}
          {...form.getInputProps('isDpfCertified', { type: 'checkbox' })}
        />
      )}
      {values.country === 'US' && values.isDpfCertified && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('register.vendors.fields.dpfCertifiedSince')}
            description={t('register.vendors.help.dpfCertifiedSince')}
            withAsterisk
            {...form.getInputProps('dpfCertifiedSince')}
          />
          <Checkbox
            mt="xl"
            label={t('register.vendors.fields.isDpfHrInScope')}
            description={t('register.vendors.help.isDpfHrInScope')}
            {...form.getInputProps('isDpfHrInScope', { type: 'checkbox' })}
          />
        </SimpleGrid>
      )}
      <TransferCheck
        country={values.country}
        dpf={{
          isDpfCertified: values.isDpfCertified,
          dpfCertifiedSince: values.dpfCertifiedSince || null,
          isDpfHrInScope: values.isDpfHrInScope,
        }}
        safeguard={values.transferSafeguard}
        safeguardDetails={values.safeguardDetails}
        tia={toTiaInput(values, values.transferSafeguard)}
        kind="vendor"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('register.vendors.fields.transferSafeguard')}
          placeholder={t('register.common.none')}
          data={safeguards}
          clearable
          {...form.getInputProps('transferSafeguard')}
        />
        <TextInput
          label={t('register.vendors.fields.safeguardDetails')}
          description={t('register.vendors.help.safeguardDetails')}
          {...form.getInputProps('safeguardDetails')}
        />
      </SimpleGrid>
      <TiaFields form={form} safeguard={values.transferSafeguard} />
    </Stack>
  );
}

/** Security: two-factor, certifications with their expiry, and access to our clients' infrastructure. */
export function VendorSecurityFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Stack>
      <TriStateField
        label={t('register.vendors.fields.hasMfa')}
        description={t('register.vendors.help.hasMfa')}
        value={values.hasMfa}
        onChange={(value) => form.setFieldValue('hasMfa', value)}
      />
      <CertificationFields form={form} />
      <Checkbox
        label={t('register.vendors.fields.canAccessClientInfrastructure')}
        description={t('register.vendors.help.canAccessClientInfrastructure')}
        {...form.getInputProps('canAccessClientInfrastructure', { type: 'checkbox' })}
      />
      {values.canAccessClientInfrastructure && (
        <Textarea
          label={t('register.vendors.fields.clientAccessDescription')}
          description={t('register.vendors.help.clientAccessDescription')}
          autosize
          minRows={2}
          {...form.getInputProps('clientAccessDescription')}
        />
      )}
    </Stack>
  );
}

function CertificationFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const certifications = form.getValues().certifications;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('register.vendors.fields.certifications')}
      </Text>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('register.vendors.help.certifications')}
      </Text>
      {certifications.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Group key={index} align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('register.vendors.fields.certificationName')}
            placeholder="ISO 27001"
            withAsterisk
            style={{ flex: '1 1 160px' }}
            {...form.getInputProps(`certifications.${index}.name`)}
          />
          <TextInput
            label={t('register.vendors.fields.certificationReference')}
            style={{ flex: '1 1 160px' }}
            {...form.getInputProps(`certifications.${index}.reference`)}
          />
          <DateField
            label={t('register.vendors.fields.validUntil')}
            style={{ flex: '0 1 170px' }}
            {...form.getInputProps(`certifications.${index}.validUntil`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="input-sm"
            aria-label={t('register.vendors.removeCertification')}
            onClick={() => form.removeListItem('certifications', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('certifications', { name: '', reference: '', validUntil: '' })}
        >
          {t('register.vendors.addCertification')}
        </Button>
      </Group>
    </Stack>
  );
}
