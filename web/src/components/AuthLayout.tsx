import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';

/** The frame of the pages before the app: sign-in, second factor, password reset, setup, invitations. */
export function AuthLayout({
  title,
  description,
  children,
  width = 420,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" p="md">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="md" p={{ base: 'md', xs: 'xl' }} w="100%" maw={width}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {description && <Text c="dimmed">{description}</Text>}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
