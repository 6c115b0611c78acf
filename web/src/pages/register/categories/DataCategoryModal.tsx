import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoriesApi, DATA_CATEGORY_FLAGS, type TDataCategory } from '../../../api/categories.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { ModalForm } from '../shared/ModalForm.tsx';
import { namesGiven } from './category-actions.ts';

type Values = Pick<TDataCategory, 'nameNl' | 'nameEn' | 'description' | (typeof DATA_CATEGORY_FLAGS)[number]>;

const valuesOf = (category: TDataCategory | null): Values => ({
  nameNl: category?.nameNl ?? '',
  nameEn: category?.nameEn ?? '',
  description: category?.description ?? '',
  isSpecial: category?.isSpecial ?? false,
  isCriminal: category?.isCriminal ?? false,
  isNationalId: category?.isNationalId ?? false,
  isFinancial: category?.isFinancial ?? false,
  isCredentials: category?.isCredentials ?? false,
  isCommunicationContent: category?.isCommunicationContent ?? false,
});

/** Adds a data category, or changes one: its names in both languages and the flags the law cares about. */
export function DataCategoryModal({
  opened,
  onClose,
  category = null,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  category?: TDataCategory | null;
  onSaved?: (category: TDataCategory) => void;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(category) });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const { nameNl: _nl, nameEn: _en, ...rest } = values;
      const body = { ...namesGiven(values), ...rest };
      return category
        ? categoriesApi.updateData(org.slug, category.id, body)
        : categoriesApi.createData(org.slug, body);
    },
    meta: { showsOwnErrors: true },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
      form.setValues(valuesOf(null));
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => setFormError(applyProblem(form, error)),
  });

  return (
    <ModalForm
      opened={opened}
      onClose={onClose}
      title={t(category ? 'register.categories.editData' : 'register.categories.addData')}
      size="lg"
      error={formError}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
      isPending={save.isPending}
      submitLabel={t(category ? 'register.common.save' : 'register.common.add')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('register.categories.nameNl')} data-autofocus {...form.getInputProps('nameNl')} />
        <TextInput label={t('register.categories.nameEn')} {...form.getInputProps('nameEn')} />
      </SimpleGrid>
      <Textarea label={t('register.common.description')} autosize minRows={2} {...form.getInputProps('description')} />
      {/* A group's checkboxes show the group's value, not their own: the group holds the flags that are set. */}
      <Checkbox.Group
        label={t('register.categories.flagsLabel')}
        description={t('register.categories.flagsHelp')}
        value={DATA_CATEGORY_FLAGS.filter((flag) => form.values[flag])}
        onChange={(checked) => {
          for (const flag of DATA_CATEGORY_FLAGS) form.setFieldValue(flag, checked.includes(flag));
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {DATA_CATEGORY_FLAGS.map((flag) => (
            <Checkbox key={flag} value={flag} label={t(`register.enums.flags.${flag}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </ModalForm>
  );
}
