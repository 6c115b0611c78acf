import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoriesApi, type TCategoryFilters } from '../../../api/categories.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';

/**
 * Archive, restore and delete for both kinds of category. A category in use cannot be deleted (the server says
 * so); archiving keeps it for the history while hiding it from the pickers.
 */
export function useCategoryActions(kind: 'data' | 'subjects') {
  const { t } = useTranslation();
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: registerKeys.all(org.slug) });
  const setArchived = useMutation({
    mutationFn: async ({ id, isArchived }: { id: string; isArchived: boolean }): Promise<void> => {
      if (kind === 'data') await categoriesApi.updateData(org.slug, id, { isArchived });
      else await categoriesApi.updateSubject(org.slug, id, { isArchived });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      kind === 'data' ? categoriesApi.deleteData(org.slug, id) : categoriesApi.deleteSubject(org.slug, id),
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'green', message: t('register.common.deleted') });
    },
  });
  return { setArchived, remove };
}

/** The server's list query from the page's address: all matching categories at once (tens, not thousands). */
export function categoryFilters(values: {
  q: string;
  sort: string;
  order: string;
  archived: string;
}): TCategoryFilters {
  return {
    q: values.q || undefined,
    sort: values.sort as TCategoryFilters['sort'],
    order: values.order as TCategoryFilters['order'],
    includeArchived: values.archived ? 'true' : 'false',
    limit: 500,
  };
}

/** Only the names filled in: the server lets the other language fall back to the one given. */
export function namesGiven({ nameNl, nameEn }: { nameNl: string; nameEn: string }) {
  return { ...(nameNl.trim() ? { nameNl } : {}), ...(nameEn.trim() ? { nameEn } : {}) };
}
