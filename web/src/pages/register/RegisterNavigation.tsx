import { NavLink } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleAtLeast, type TRole } from '../../api/organisations.ts';

interface SubPage {
  path: string;
  labelKey: string;
  role: TRole;
}

/** The register's pages in the order a small business works through them. */
const SUB_PAGES: SubPage[] = [
  { path: '', labelKey: 'register.nav.overview', role: 'viewer' },
  { path: '/activities', labelKey: 'register.nav.activities', role: 'viewer' },
  { path: '/systems', labelKey: 'register.nav.systems', role: 'viewer' },
  { path: '/vendors', labelKey: 'register.nav.vendors', role: 'viewer' },
  { path: '/agreements', labelKey: 'agreements.nav', role: 'viewer' },
  { path: '/categories', labelKey: 'register.nav.categories', role: 'viewer' },
  { path: '/where', labelKey: 'register.nav.whereIsData', role: 'viewer' },
  { path: '/transfers', labelKey: 'register.nav.transfers', role: 'viewer' },
  { path: '/consolidation', labelKey: 'register.nav.consolidation', role: 'viewer' },
  { path: '/start', labelKey: 'register.nav.start', role: 'editor' },
  { path: '/import-export', labelKey: 'register.nav.importExport', role: 'viewer' },
];

/** "Register" in the side bar, opened while one of its pages is shown, with a link to each of its pages. */
export function RegisterNavigation({ base, role, onNavigate }: { base: string; role: TRole; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const root = `${base}/register`;
  const isInside = pathname === root || pathname.startsWith(`${root}/`);
  const [isOpen, setIsOpen] = useState(isInside);
  return (
    <li>
      <NavLink
        component="button"
        type="button"
        aria-expanded={isOpen || isInside}
        label={t('register.nav.group')}
        leftSection={<IconBook2 size={18} stroke={1.6} />}
        opened={isOpen || isInside}
        onChange={setIsOpen}
        active={isInside && !isOpen}
        childrenOffset={28}
      >
        {SUB_PAGES.filter((sub) => roleAtLeast(role, sub.role)).map((sub) => {
          const to = `${root}${sub.path}`;
          const isActive = sub.path === '' ? pathname === root : pathname.startsWith(to);
          return (
            <NavLink
              key={sub.path}
              component={Link}
              to={to}
              label={t(sub.labelKey)}
              // A little tighter than the top level, so the side bar still fits a laptop screen with this open.
              py={3}
              active={isActive}
              aria-current={isActive ? 'page' : undefined}
              onClick={onNavigate}
            />
          );
        })}
      </NavLink>
    </li>
  );
}
