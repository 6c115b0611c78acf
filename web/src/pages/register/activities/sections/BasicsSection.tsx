import { Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_ROLES, ACTIVITY_STATUSES } from '../../../../api/activities.ts';
import { DateField } from '../../shared/fields.tsx';
import { useEnumOptions, useMemberOptions } from '../../shared/options.ts';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Name, role (controller or processor), status, owner and review date. */
export function BasicsSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const statuses = useEnumOptions(ACTIVITY_STATUSES, 'activityStatus');
  const members = useMemberOptions();
  return (
    <FormSection id="basics" title={t('register.activity.sections.basics')} help={t('register.activity.help.basics')}>
      <TextInput
        label={t('register.activity.fields.name')}
        description={t('register.activity.help.name')}
        withAsterisk
        {...form.getInputProps('name')}
      />
      <Textarea label={t('register.common.description')} autosize minRows={2} {...form.getInputProps('description')} />
      <Radio.Group
        label={t('register.activity.fields.role')}
        description={t('register.activity.help.role')}
        {...form.getInputProps('role')}
      >
        <Stack gap={6} mt={6}>
          {ACTIVITY_ROLES.map((role) => (
            <Radio key={role} value={role} label={t(`register.enums.activityRoles.${role}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('register.common.status')}
          data={statuses}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Select
          label={t('register.activity.fields.owner')}
          description={t('register.activity.help.owner')}
          data={members}
          searchable
          clearable
          {...form.getInputProps('ownerUserId')}
        />
        <DateField
          label={t('register.activity.fields.reviewDate')}
          description={t('register.activity.help.reviewDate')}
          {...form.getInputProps('reviewDate')}
        />
      </SimpleGrid>
    </FormSection>
  );
}
