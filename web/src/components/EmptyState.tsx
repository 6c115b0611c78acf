import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" radius="md" ta="center">
      <Stack align="center" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" maw={520}>
            {description}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
