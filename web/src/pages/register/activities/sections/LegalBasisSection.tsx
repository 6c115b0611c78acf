import { Alert, Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEGAL_BASES, SPECIAL_CATEGORY_GROUNDS } from '../../../../api/activities.ts';
import { categoryName } from '../../../../api/categories.ts';
import { currentLocale } from '../../../../i18n/index.ts';
import { useDataCategories, useEnumOptions } from '../../shared/options.ts';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/**
 * Art. 6(1): the legal basis and its justification (the balancing test for legitimate interests); Art. 9(2) and
 * Art. 10 appear only when the chosen data categories are special or criminal, and the BSN note when a national
 * identifier is processed.
 */
export function LegalBasisSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const bases = useEnumOptions(LEGAL_BASES, 'legalBases');
  const grounds = useEnumOptions(SPECIAL_CATEGORY_GROUNDS, 'art9Grounds');
  const values = form.getValues();
  const chosen = (useDataCategories().data?.items ?? []).filter((category) =>
    values.dataCategoryIds.includes(category.id),
  );
  const names = (flag: 'isSpecial' | 'isCriminal' | 'isNationalId') =>
    chosen
      .filter((category) => category[flag])
      .map((category) => categoryName(category, locale))
      .join(', ');
  const special = names('isSpecial');
  const criminal = names('isCriminal');
  const nationalIds = names('isNationalId');
  const isLegitimateInterest = values.legalBasis === 'f';

  return (
    <FormSection
      id="legal-basis"
      title={t('register.activity.sections.legalBasis')}
      article={t('register.activity.articles.legalBasis')}
      help={t('register.activity.help.legalBasis')}
    >
      <Select
        label={t('register.activity.fields.legalBasis')}
        data={bases}
        clearable
        {...form.getInputProps('legalBasis')}
      />
      <Textarea
        label={t(
          isLegitimateInterest ? 'register.activity.fields.balancingTest' : 'register.activity.fields.justification',
        )}
        description={t(
          isLegitimateInterest ? 'register.activity.help.balancingTest' : 'register.activity.help.justification',
        )}
        withAsterisk={isLegitimateInterest}
        autosize
        minRows={2}
        {...form.getInputProps('legalBasisJustification')}
      />
      {special && (
        <Select
          label={t('register.activity.fields.specialCategoryGround')}
          description={t('register.activity.help.specialCategoryGround', { categories: special })}
          data={grounds}
          withAsterisk
          clearable
          {...form.getInputProps('specialCategoryGround')}
        />
      )}
      {criminal && (
        <Textarea
          label={t('register.activity.fields.criminalDataGround')}
          description={t('register.activity.help.criminalDataGround', { categories: criminal })}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('criminalDataGround')}
        />
      )}
      {nationalIds && (
        <Alert color={values.legalBasis === 'c' ? 'blue' : 'orange'} variant="light">
          {t('register.activity.help.nationalId', { categories: nationalIds })}
        </Alert>
      )}
    </FormSection>
  );
}
