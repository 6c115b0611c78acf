import { NavLink, Stack } from '@mantine/core';
import {
  IconBuilding,
  IconHistory,
  IconHome,
  IconInbox,
  IconKey,
  IconLockCheck,
  IconMail,
  IconShieldExclamation,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleAtLeast, type TMyOrganisation, type TRole } from '../api/organisations.ts';
import { RegisterNavigation } from '../pages/register/RegisterNavigation.tsx';
import { RetentionNavigation } from '../pages/retention/RetentionNavigation.tsx';

interface Entry {
  path: string;
  labelKey: string;
  icon: TablerIcon;
  /** The least role that may open the page; the others do not see the link. */
  role: TRole;
}

/** The rooms of the office first (the register and retention menus follow the dashboard), then administration. */
const ENTRIES: Entry[] = [
  { path: '', labelKey: 'nav.dashboard', icon: IconHome, role: 'viewer' },
  { path: '/requests', labelKey: 'requests.nav', icon: IconInbox, role: 'privacy_officer' },
  { path: '/breaches', labelKey: 'breaches.nav', icon: IconShieldExclamation, role: 'viewer' },
  { path: '/measures', labelKey: 'measures.nav', icon: IconLockCheck, role: 'viewer' },
  { path: '/settings', labelKey: 'nav.settings', icon: IconBuilding, role: 'viewer' },
  { path: '/members', labelKey: 'nav.members', icon: IconUsers, role: 'viewer' },
  { path: '/api-tokens', labelKey: 'nav.apiTokens', icon: IconKey, role: 'owner' },
  { path: '/audit', labelKey: 'nav.audit', icon: IconHistory, role: 'privacy_officer' },
  { path: '/outbox', labelKey: 'nav.outbox', icon: IconMail, role: 'privacy_officer' },
];

export function OrgNavigation({ org, onNavigate }: { org: TMyOrganisation; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/o/${org.slug}`;
  return (
    <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {ENTRIES.filter((entry) => roleAtLeast(org.role, entry.role)).map((entry) => {
        const to = `${base}${entry.path}`;
        const isActive = entry.path === '' ? pathname === base : pathname.startsWith(to);
        const Icon = entry.icon;
        return (
          <Fragment key={entry.path}>
            <li>
              <NavLink
                component={Link}
                to={to}
                label={t(entry.labelKey)}
                leftSection={<Icon size={18} stroke={1.6} />}
                active={isActive}
                aria-current={isActive ? 'page' : undefined}
                onClick={onNavigate}
              />
            </li>
            {entry.path === '' && <RegisterNavigation base={base} role={org.role} onNavigate={onNavigate} />}
            {entry.path === '' && <RetentionNavigation base={base} role={org.role} onNavigate={onNavigate} />}
          </Fragment>
        );
      })}
    </Stack>
  );
}
