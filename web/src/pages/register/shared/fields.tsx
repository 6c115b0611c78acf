import { Group, Radio, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type TriState = boolean | null;
const toChoice = (value: TriState) => (value === null ? 'unknown' : value ? 'yes' : 'no');
const fromChoice = (choice: string): TriState => (choice === 'unknown' ? null : choice === 'yes');

/** Yes, no or "we do not know yet" (null): for facts a person may still have to find out, such as 2FA. */
export function TriStateField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: TriState;
  onChange: (value: TriState) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      description={description}
      value={toChoice(value)}
      onChange={(choice) => onChange(fromChoice(choice))}
      error={error}
    >
      <Group gap="lg" mt={6}>
        {(['yes', 'no', 'unknown'] as const).map((choice) => (
          <Radio key={choice} value={choice} label={t(`register.enums.triState.${choice}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/**
 * A calendar day (YYYY-MM-DD) with the browser's own date field: typed or picked, keyboard-usable, shown in the
 * person's date format, and the value the API expects.
 */
export function DateField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="date" {...props} />;
}
