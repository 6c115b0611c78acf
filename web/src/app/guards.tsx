import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { applyLocale, rememberLocale, signedOutLocale } from '../i18n/index.ts';
import { safeNextPath, useSessionQuery, useSessionState } from './session.ts';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Speaks the signed-in person's language, or before sign-in the device's choice or the browser's language. */
function useSessionLanguage(locale: 'nl' | 'en' | undefined) {
  useEffect(() => {
    const wanted = locale ?? signedOutLocale();
    if (locale) rememberLocale(locale);
    void applyLocale(wanted);
  }, [locale]);
}

/** Loads the session once for the whole app and sends a fresh installation to the first-start setup. */
export function RootLayout() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const location = useLocation();
  useSessionLanguage(session.data?.user?.locale);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError)
    return (
      <Center h="100vh" p="md">
        <Stack align="center">
          <Text>{t('common.serverUnreachable')}</Text>
          <Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  const isSetupPage = location.pathname === '/setup';
  if (session.data.needsSetup && !isSetupPage) return <Navigate to="/setup" replace />;
  if (!session.data.needsSetup && isSetupPage) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Sign-in pages: whoever is signed in already goes on to where they were heading. */
export function GuestOnly() {
  const { user, isFullyAuthenticated } = useSessionState();
  const [params] = useSearchParams();
  const next = params.get('next');
  if (user && isFullyAuthenticated) return <Navigate to={safeNextPath(next)} replace />;
  if (user) return <Navigate to={`/sign-in/second-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  return <Outlet />;
}

/** The second-factor page: only between password and code. */
export function PendingOnly() {
  const { user, isFullyAuthenticated } = useSessionState();
  const [params] = useSearchParams();
  if (!user) return <Navigate to="/sign-in" replace />;
  if (isFullyAuthenticated) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <Outlet />;
}

/** The app itself: signed in with every factor, or off to sign in (and back here afterwards). */
export function RequireUser() {
  const { user, isFullyAuthenticated } = useSessionState();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
  if (!user) return <Navigate to={`/sign-in${next}`} replace />;
  if (!isFullyAuthenticated) return <Navigate to={`/sign-in/second-factor${next}`} replace />;
  return <Outlet />;
}
