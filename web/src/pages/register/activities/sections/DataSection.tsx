import { useTranslation } from 'react-i18next';
import { DataCategoryModal } from '../../categories/DataCategoryModal.tsx';
import { SubjectCategoryModal } from '../../categories/SubjectCategoryModal.tsx';
import { EntityPicker } from '../../shared/EntityPicker.tsx';
import { useDataCategoryOptions, useSubjectCategoryOptions } from '../../shared/options.ts';
import { FormSection } from './FormSection.tsx';
import type { SectionProps } from './types.ts';

/** Art. 30(1)(c): whose data (categories of data subjects) and which data (categories of personal data). */
export function DataSection({ form, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const subjectOptions = useSubjectCategoryOptions();
  const dataOptions = useDataCategoryOptions();
  const values = form.getValues();
  return (
    <FormSection
      id="data"
      title={t('register.activity.sections.data')}
      article={t('register.activity.articles.data')}
      help={t('register.activity.help.data')}
    >
      <EntityPicker
        label={t('register.activity.fields.subjectCategories')}
        options={subjectOptions}
        value={values.subjectCategoryIds}
        onChange={(ids) => form.setFieldValue('subjectCategoryIds', ids)}
        error={form.errors.subjectCategoryIds}
        addLabel={t('register.categories.addSubject')}
        canAdd={canEdit}
        renderAddDialog={({ opened, onClose, onCreated }) => (
          <SubjectCategoryModal opened={opened} onClose={onClose} onSaved={(category) => onCreated(category.id)} />
        )}
      />
      <EntityPicker
        label={t('register.activity.fields.dataCategories')}
        description={t('register.activity.help.dataCategories')}
        options={dataOptions}
        value={values.dataCategoryIds}
        onChange={(ids) => form.setFieldValue('dataCategoryIds', ids)}
        error={form.errors.dataCategoryIds}
        addLabel={t('register.categories.addData')}
        canAdd={canEdit}
        renderAddDialog={({ opened, onClose, onCreated }) => (
          <DataCategoryModal opened={opened} onClose={onClose} onSaved={(category) => onCreated(category.id)} />
        )}
      />
    </FormSection>
  );
}
