import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={1} size="h2">
          {t('common.notFoundTitle')}
        </Title>
        <Text c="dimmed">{message ?? t('errors.route_not_found')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('common.toHome')}
        </Button>
      </Stack>
    </Center>
  );
}

/** A page that failed to load or render: most often a new version was deployed while the tab was open. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Center h="100vh" p="xl">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={1} size="h2">
          {t('common.pageFailedTitle')}
        </Title>
        <Text c="dimmed">{t('common.pageFailedText')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Center>
  );
}
