import { useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi, type TSessionState, type TUser } from '../api/identity.ts';
import { queryKeys } from '../api/keys.ts';

export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: identityApi.session, staleTime: 5 * 60_000 });
}

/** The session state; RootLayout renders nothing below it before the state is known. */
export function useSessionState(): TSessionState {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSessionState used outside RootLayout');
  return data;
}

/** The signed-in person; only below RequireUser. */
export function useCurrentUser(): TUser {
  const { user } = useSessionState();
  if (!user) throw new Error('useCurrentUser used outside RequireUser');
  return user;
}

/** Puts a fresh session state into the cache (after sign-in, second factor, profile change). */
export function useSetSessionState() {
  const queryClient = useQueryClient();
  return (state: TSessionState) => queryClient.setQueryData(queryKeys.session, state);
}

/** Updates the signed-in person in the cached session (after a profile change). */
export function useUpdateSessionUser() {
  const queryClient = useQueryClient();
  return (user: TUser) =>
    queryClient.setQueryData<TSessionState>(queryKeys.session, (state) => (state ? { ...state, user } : state));
}

/** A path inside this app to go to after signing in; anything else (other sites, odd schemes) becomes '/'. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}
