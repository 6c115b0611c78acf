import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError, isApiError } from '../api/http.ts';
import { queryKeys } from '../api/keys.ts';

/** A person-readable sentence for any failure: the server's localised detail, or our own for a network failure. */
export function describeError(error: unknown): string {
  if (isApiError(error) && error.status === 0) return i18next.t('common.networkError');
  if (isApiError(error) && error.detail) return error.detail;
  return i18next.t('errors.kind.internal');
}

/** Mutations that show their own errors (forms) say so with `meta: { showsOwnErrors: true }`. */
declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { showsOwnErrors?: boolean };
  }
}

const SESSION_GONE = new Set(['sign_in_required', 'second_factor_required']);

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The query client with the app-wide reactions to problems: an organisation that demands two-factor sends the
 * person to enrolment, a session that ended sends them to sign-in (through the session query), and a failed
 * action without a form of its own shows a notification.
 */
export function createQueryClient(navigate: (path: string) => void): QueryClient {
  let client: QueryClient;
  const reactToProblem = (error: unknown): boolean => {
    if (!isApiError(error)) return false;
    if (error.code === 'mfa_enrolment_required') {
      navigate('/account/security?required=1');
      return true;
    }
    if (error.status === 401 && SESSION_GONE.has(error.code)) {
      void client.invalidateQueries({ queryKey: queryKeys.session });
      return true;
    }
    return false;
  };
  client = new QueryClient({
    queryCache: new QueryCache({ onError: reactToProblem }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (reactToProblem(error) || mutation.meta?.showsOwnErrors) return;
        notifications.show({ color: 'red', title: i18next.t('common.failed'), message: describeError(error) });
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
