import { Checkbox, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputPropsAt } from '../../app/forms.ts';
import type { PrivacyContactValues } from './organisation-form.ts';

/** The designated data protection officer (DPO) or privacy officer, internal or from another firm. */
export function PrivacyContactFields({
  values,
  inputProps,
}: {
  values: PrivacyContactValues;
  inputProps: InputPropsAt;
}) {
  const { t } = useTranslation();
  const kindProps = inputProps('kind');
  return (
    <Stack gap="md">
      <Switch label={t('organisations.contact.hasContact')} {...inputProps('hasContact', { type: 'checkbox' })} />
      {values.hasContact && (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="privacy-contact-kind">
              {t('organisations.contact.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="privacy-contact-kind"
              data={[
                { value: 'privacy_officer', label: t('organisations.contact.kinds.privacy_officer') },
                { value: 'dpo', label: t('organisations.contact.kinds.dpo') },
              ]}
              value={kindProps.value as string}
              onChange={kindProps.onChange as (value: string) => void}
              style={{ alignSelf: 'flex-start' }}
            />
            <Text size="xs" c="dimmed">
              {t('organisations.contact.kindHint')}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t('organisations.contact.name')} withAsterisk {...inputProps('name')} />
            <TextInput label={t('organisations.contact.email')} type="email" withAsterisk {...inputProps('email')} />
            <TextInput label={t('organisations.contact.phone')} type="tel" {...inputProps('phone')} />
          </SimpleGrid>
          <Checkbox label={t('organisations.contact.isExternal')} {...inputProps('isExternal', { type: 'checkbox' })} />
          {values.isExternal && (
            <TextInput label={t('organisations.contact.organisation')} {...inputProps('organisation')} />
          )}
        </>
      )}
    </Stack>
  );
}
