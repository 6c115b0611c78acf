import { Anchor, AppShell, Burger, Divider, Group, NavLink, ScrollArea, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingPlus, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { Logo } from '../components/Logo.tsx';
import { OrgNavigation } from './OrgNavigation.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import { lastUsedOrganisation, useMyOrganisations } from './organisations.ts';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in frame: header with language and account, a side bar with the organisation and its pages. */
export function AppLayout() {
  const { t } = useTranslation();
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const orgMatch = useMatch('/o/:org/*');
  const organisations = useMyOrganisations().data ?? [];
  const currentSlug = orgMatch?.params.org ?? lastUsedOrganisation() ?? undefined;
  const currentOrg = organisations.find((org) => org.slug === currentSlug || org.id === currentSlug);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggleMenu')} />
            <Anchor component={Link} to="/" underline="never" aria-label={t('nav.home')}>
              <Logo />
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section>
          <OrgSwitcher organisations={organisations} current={currentOrg?.slug} onNavigate={close} />
        </AppShell.Section>
        {/* One scrolling part with a visible scroll bar whenever it overflows: with the register menu open the
            organisation's last pages stay in sight on a laptop, and what does not fit can be seen to scroll. */}
        <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars mt="md" data-testid="navbar-scroll">
          {currentOrg && <OrgNavigation org={currentOrg} onNavigate={close} />}
          <Divider my="sm" />
          <Stack gap={2}>
            <NavLink
              component={Link}
              to="/organisations/new"
              label={t('nav.newOrganisation')}
              leftSection={<IconBuildingPlus size={18} stroke={1.6} />}
              active={pathname === '/organisations/new'}
              onClick={close}
            />
            <NavLink
              component={Link}
              to="/account"
              label={t('nav.account')}
              leftSection={<IconUserCircle size={18} stroke={1.6} />}
              active={pathname.startsWith('/account')}
              onClick={close}
            />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1100, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
