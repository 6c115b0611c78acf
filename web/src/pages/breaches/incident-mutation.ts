import { useMutation, useQueryClient } from '@tanstack/react-query';
import { breachKeys, type TIncident } from '../../api/breaches.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import { describeError } from '../../app/query-client.ts';

/**
 * A change to an incident: the answer (the incident as it now stands) replaces the cached page, and the register
 * and the notification to the AP (assembled from the incident) are refreshed. The page shows the error itself (`errorText`).
 */
export function useIncidentMutation<Input = void>(
  incidentId: string,
  run: (org: string, input: Input) => Promise<TIncident>,
  onDone?: () => void,
) {
  const org = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (input: Input) => run(org.slug, input),
    onSuccess: (incident) => {
      queryClient.setQueryData(breachKeys.one(org.slug, incidentId), incident);
      void queryClient.invalidateQueries({ queryKey: breachKeys.list(org.slug) });
      void queryClient.invalidateQueries({ queryKey: breachKeys.authorityReports(org.slug, incidentId) });
      onDone?.();
    },
  });
  return { ...mutation, errorText: mutation.error ? describeError(mutation.error) : null };
}
