import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setRequestLanguage } from '../api/http.ts';
import { identityApi } from '../api/identity.ts';
import { queryKeys } from '../api/keys.ts';
import { currentLocale } from '../i18n/index.ts';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './router.tsx';
import { theme } from './theme.ts';

setRequestLanguage(currentLocale);
const router = createRouter();
const queryClient = createQueryClient((path) => void router.navigate(path));
// Every page starts from the session; ask for it while the texts are still loading.
void queryClient.prefetchQuery({ queryKey: queryKeys.session, queryFn: identityApi.session });

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
