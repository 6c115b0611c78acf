import { NavLink } from '@mantine/core';
import { IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleAtLeast, type TRole } from '../../api/organisations.ts';

interface SubPage {
  path: string;
  labelKey: string;
  role: TRole;
}

/** Clean-up's pages: the policies and coverage, and the connections they work through. */
const SUB_PAGES: SubPage[] = [
  { path: '/retention', labelKey: 'retention.nav', role: 'viewer' },
  { path: '/connectors', labelKey: 'connectors.nav', role: 'editor' },
];

/**
 * "Opschonen" in the side bar: one line, opened while one of its pages is shown (the side bar must keep its last
 * items in sight with the register open on a laptop).
 */
export function RetentionNavigation({ base, role, onNavigate }: { base: string; role: TRole; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isInside = SUB_PAGES.some(
    (sub) => pathname === `${base}${sub.path}` || pathname.startsWith(`${base}${sub.path}/`),
  );
  const [isOpen, setIsOpen] = useState(isInside);
  return (
    <li>
      <NavLink
        component="button"
        type="button"
        aria-expanded={isOpen || isInside}
        label={t('retention.navGroup')}
        leftSection={<IconTrashX size={18} stroke={1.6} />}
        opened={isOpen || isInside}
        onChange={setIsOpen}
        active={isInside && !isOpen}
        childrenOffset={28}
      >
        {SUB_PAGES.filter((sub) => roleAtLeast(role, sub.role)).map((sub) => {
          const to = `${base}${sub.path}`;
          const isActive = pathname === to || pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={sub.path}
              component={Link}
              to={to}
              label={t(sub.labelKey)}
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
