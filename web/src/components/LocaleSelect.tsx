import { Select, type SelectProps } from '@mantine/core';

/** Languages named in themselves. */
export const LANGUAGE_OPTIONS = [
  { value: 'nl', label: 'Nederlands' },
  { value: 'en', label: 'English' },
];

export function LocaleSelect(props: Omit<SelectProps, 'data'>) {
  return <Select allowDeselect={false} data={LANGUAGE_OPTIONS} {...props} />;
}
