import { Checkbox, Radio, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
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
  return (
    <Stack gap="md">
      <Switch label={t('organisations.contact.hasContact')} {...inputProps('hasContact', { type: 'checkbox' })} />
      {values.hasContact && (
        <>
          <Radio.Group
            label={t('organisations.contact.kind')}
            description={t('organisations.contact.kindHint')}
            {...inputProps('kind')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="privacy_officer" label={t('organisations.contact.kinds.privacy_officer')} />
              <Radio value="dpo" label={t('organisations.contact.kinds.dpo')} />
            </Stack>
          </Radio.Group>
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
