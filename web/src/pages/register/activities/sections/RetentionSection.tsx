import { Group, NumberInput, Radio, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../../i18n/index.ts';
import { formatDay } from '../../shared/dates.ts';
import { useEnumOptions } from '../../shared/options.ts';
import { Tag } from '../../shared/Tag.tsx';
import { RETENTION_PRESETS, RETENTION_VALID_AS_OF, retentionFromPreset } from '../retention-presets.ts';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

const PRESET_COLOURS = { law: 'blue', guidance: 'grape', policy: 'gray' } as const;

/**
 * Art. 30(1)(f): how long the data is kept. A Dutch reference period fills in the period, the start event and
 * the legal reference; every field stays editable.
 */
export function RetentionSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const units = useEnumOptions(['days', 'weeks', 'months', 'years'], 'units');
  const { retention } = form.getValues();
  const preset = RETENTION_PRESETS.find((candidate) => candidate.id === retention.presetId);
  const presetOptions = RETENTION_PRESETS.map((candidate) => ({
    value: candidate.id,
    label: `${candidate.label[locale]} (${t(`register.retention.presetKinds.${candidate.kind}`)})`,
  }));

  const handlePreset = (id: string | null) => {
    const chosen = RETENTION_PRESETS.find((candidate) => candidate.id === id);
    if (!chosen) return form.setFieldValue('retention.presetId', null);
    const startEvent = t(`register.retention.startEvents.${chosen.start}`, { defaultValue: chosen.start });
    form.setFieldValue('retention', retentionFromPreset(chosen, startEvent, locale));
  };

  return (
    <FormSection
      id="retention"
      title={t('register.activity.sections.retention')}
      article={t('register.activity.articles.retention')}
      help={t('register.activity.help.retention')}
    >
      <Select
        label={t('register.retention.preset')}
        description={t('register.retention.presetHelp', { date: formatDay(RETENTION_VALID_AS_OF, locale) })}
        placeholder={t('register.retention.presetPlaceholder')}
        data={presetOptions}
        value={retention.presetId}
        onChange={handlePreset}
        searchable
        clearable
      />
      {preset && (
        <Group gap="xs">
          <Tag color={PRESET_COLOURS[preset.kind]} variant="light">
            {t(`register.retention.presetKinds.${preset.kind}`)}
          </Tag>
          <Text size="xs" c="dimmed">
            {t(`register.retention.presetMeaning.${preset.kind}`)}
          </Text>
        </Group>
      )}
      <Radio.Group label={t('register.retention.kind')} {...form.getInputProps('retention.kind')}>
        <Group gap="lg" mt={6}>
          <Radio value="period" label={t('register.retention.kinds.period')} />
          <Radio value="until_event" label={t('register.retention.kinds.until_event')} />
        </Group>
      </Radio.Group>
      {retention.kind === 'period' && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('register.retention.amount')}
            min={0}
            max={1200}
            allowDecimal={false}
            {...form.getInputProps('retention.amount')}
          />
          <Select
            label={t('register.retention.unit')}
            data={units}
            allowDeselect={false}
            {...form.getInputProps('retention.unit')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t(
            retention.kind === 'until_event' ? 'register.retention.untilEvent' : 'register.retention.startEvent',
          )}
          description={t('register.retention.startEventHelp')}
          {...form.getInputProps('retention.startEvent')}
        />
        <TextInput
          label={t('register.retention.reference')}
          description={t('register.retention.referenceHelp')}
          {...form.getInputProps('retention.reference')}
        />
      </SimpleGrid>
    </FormSection>
  );
}
