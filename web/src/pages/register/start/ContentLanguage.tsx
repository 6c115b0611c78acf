import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_OPTIONS } from '../../../components/LocaleSelect.tsx';

export type ContentLocale = 'nl' | 'en' | undefined;

/** The language of the texts a template writes into the register; by default the organisation's language. */
export function ContentLanguage({
  value,
  onChange,
}: {
  value: ContentLocale;
  onChange: (value: ContentLocale) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('register.start.contentLanguage')}
      description={t('register.start.contentLanguageHelp')}
      data={[{ value: '', label: t('register.start.organisationLanguage') }, ...LANGUAGE_OPTIONS]}
      value={value ?? ''}
      allowDeselect={false}
      onChange={(next) => onChange(next === 'nl' || next === 'en' ? next : undefined)}
      maw={360}
    />
  );
}
