import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Art. 30(1)(b): why the data is processed, one purpose per line. */
export function PurposesSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const purposes = form.getValues().purposes;
  return (
    <FormSection
      id="purposes"
      title={t('register.activity.sections.purposes')}
      article={t('register.activity.articles.purposes')}
      help={t('register.activity.help.purposes')}
    >
      <Stack gap="xs">
        {purposes.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a purpose is only its text; the position is its identity
          <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={t('register.activity.fields.purposeNumbered', { number: index + 1 })}
              style={{ flex: 1 }}
              {...form.getInputProps(`purposes.${index}`)}
            />
            {purposes.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="input-sm"
                aria-label={t('register.activity.removePurpose', { number: index + 1 })}
                onClick={() => form.removeListItem('purposes', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('purposes', '')}
          >
            {t('register.activity.addPurpose')}
          </Button>
        </Group>
      </Stack>
    </FormSection>
  );
}
