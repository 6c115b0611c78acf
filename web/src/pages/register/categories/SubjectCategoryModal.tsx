import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoriesApi, type TSubjectCategory } from '../../../api/categories.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { applyProblem } from '../../../app/forms.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { ModalForm } from '../shared/ModalForm.tsx';
import { namesGiven } from './category-actions.ts';

type Values = Pick<TSubjectCategory, 'nameNl' | 'nameEn' | 'description' | 'isVulnerable'>;

const valuesOf = (category: TSubjectCategory | null): Values => ({
  nameNl: category?.nameNl ?? '',
  nameEn: category?.nameEn ?? '',
  description: category?.description ?? '',
  isVulnerable: category?.isVulnerable ?? false,
});

/** Adds a category of data subjects (clients, staff, applicants, …), or changes one. */
export function SubjectCategoryModal({
  opened,
  onClose,
  category = null,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  category?: TSubjectCategory | null;
  onSaved?: (category: TSubjectCategory) => void;
}) {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(category) });

  const save = useMutation({
    mutationFn: ({ nameNl, nameEn, ...rest }: Values) => {
      const body = { ...namesGiven({ nameNl, nameEn }), ...rest };
      return category
        ? categoriesApi.updateSubject(org.slug, category.id, body)
        : categoriesApi.createSubject(org.slug, body);
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
      title={t(category ? 'register.categories.editSubject' : 'register.categories.addSubject')}
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
      <Checkbox
        label={t('register.categories.isVulnerable')}
        description={t('register.categories.isVulnerableHelp')}
        {...form.getInputProps('isVulnerable', { type: 'checkbox' })}
      />
    </ModalForm>
  );
}
