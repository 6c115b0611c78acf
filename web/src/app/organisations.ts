import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { queryKeys } from '../api/keys.ts';
import { organisationsApi, roleAtLeast, type TMyOrganisation, type TRole } from '../api/organisations.ts';

export function useMyOrganisations() {
  return useQuery({ queryKey: queryKeys.myOrganisations, queryFn: organisationsApi.mine });
}

export const CurrentOrganisationContext = createContext<TMyOrganisation | null>(null);

/** The organisation of the page (below /o/:org) with my role in it. */
export function useCurrentOrganisation(): TMyOrganisation {
  const org = useContext(CurrentOrganisationContext);
  if (!org) throw new Error('useCurrentOrganisation used outside OrgLayout');
  return org;
}

/** Whether my role allows an action; the server decides, this only hides what would be refused. */
export function useCan(required: TRole): boolean {
  return roleAtLeast(useCurrentOrganisation().role, required);
}

const LAST_ORG_KEY = 'privacydesk.lastOrganisation';

export function lastUsedOrganisation(): string | null {
  try {
    return window.localStorage.getItem(LAST_ORG_KEY);
  } catch {
    return null;
  }
}

export function rememberOrganisation(slug: string): void {
  try {
    window.localStorage.setItem(LAST_ORG_KEY, slug);
  } catch {
    // No storage: the home page opens the first organisation instead.
  }
}
