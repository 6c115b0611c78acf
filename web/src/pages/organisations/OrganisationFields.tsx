import { Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputPropsAt } from '../../app/forms.ts';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { LocaleSelect } from '../../components/LocaleSelect.tsx';

/**
 * The fields every organisation form shares (setup, create, settings). `inputProps` is the form's getInputProps
 * for the place the organisation sits in the form's values.
 */
export function OrganisationFields({ inputProps, error }: { inputProps: InputPropsAt; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <TextInput label={t('organisations.fields.name')} withAsterisk {...inputProps('name')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t('organisations.fields.kvkNumber')}
          description={t('organisations.fields.kvkHint')}
          inputMode="numeric"
          maxLength={8}
          {...inputProps('kvkNumber')}
        />
        <LocaleSelect
          label={t('organisations.fields.defaultLocale')}
          description={t('organisations.fields.defaultLocaleHint')}
          {...inputProps('defaultLocale')}
        />
      </SimpleGrid>
      <TextInput label={t('organisations.fields.street')} autoComplete="street-address" {...inputProps('street')} />
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <TextInput label={t('organisations.fields.postcode')} autoComplete="postal-code" {...inputProps('postcode')} />
        <TextInput label={t('organisations.fields.city')} autoComplete="address-level2" {...inputProps('city')} />
        <CountrySelect label={t('organisations.fields.country')} {...inputProps('country')} />
      </SimpleGrid>
      <Fieldset
        variant="unstyled"
        legend={
          <Text span size="sm" fw={500}>
            {t('organisations.fields.gdprRoles')}
          </Text>
        }
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('organisations.fields.gdprRolesHint')}
          </Text>
          <Group gap="lg">
            <Checkbox
              label={t('organisations.fields.isController')}
              {...inputProps('isController', { type: 'checkbox' })}
              error={undefined}
            />
            <Checkbox
              label={t('organisations.fields.isProcessor')}
              {...inputProps('isProcessor', { type: 'checkbox' })}
              error={undefined}
            />
          </Group>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
