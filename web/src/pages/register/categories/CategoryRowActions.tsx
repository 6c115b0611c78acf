import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { useCategoryActions } from './category-actions.ts';

/** A category row's buttons, each named after the category: edit, archive or restore, and delete while unused. */
export function CategoryRowActions({
  kind,
  category,
  name,
  canDelete,
  onEdit,
}: {
  kind: 'data' | 'subjects';
  category: { id: string; isArchived: boolean };
  name: string;
  canDelete: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { setArchived, remove } = useCategoryActions(kind);
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={t('register.categories.editNamed', { name })}>
        {t('register.common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setArchived.mutate({ id: category.id, isArchived: !category.isArchived })}
        aria-label={t(category.isArchived ? 'register.categories.restoreNamed' : 'register.categories.archiveNamed', {
          name,
        })}
      >
        {t(category.isArchived ? 'register.categories.restore' : 'register.categories.archive')}
      </Button>
      {canDelete && (
        <ConfirmButton
          question={t('register.categories.deleteQuestion', { name })}
          confirmLabel={t('register.common.delete')}
          onConfirm={() => remove.mutateAsync(category.id)}
          aria-label={t('register.common.removeNamed', { name })}
        >
          {t('register.common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}
