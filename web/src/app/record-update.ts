import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCurrentOrganisation } from './organisations.ts';

/**
 * A change to one record of the current organisation: the answer (the record as it now stands) replaces the cached
 * page, and the views that summarise it (a list, findings, coverage) are refreshed. The page shows errors itself.
 */
export function useRecordUpdate<Input, Record>(options: {
  recordKey: (org: string) => QueryKey;
  refreshKeys: (org: string) => QueryKey[];
  run: (org: string, input: Input) => Promise<Record>;
}) {
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (input: Input) => options.run(org.slug, input),
    onSuccess: (record) => {
      queryClient.setQueryData(options.recordKey(org.slug), record);
      for (const key of options.refreshKeys(org.slug)) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
