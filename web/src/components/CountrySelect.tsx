import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { COUNTRY_CODES } from '../../../src/shared/countries.ts';
import { countryName } from '../i18n/format.ts';
import { currentLocale } from '../i18n/index.ts';

/** Every ISO country by its name in the person's language (Intl.DisplayNames), searchable. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const locale = currentLocale();
  const data = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) =>
        a.label.localeCompare(b.label, locale),
      ),
    [locale],
  );
  return <Select searchable allowDeselect={false} data={data} maxDropdownHeight={280} {...props} />;
}
