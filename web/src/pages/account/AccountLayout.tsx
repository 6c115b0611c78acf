import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';

const TABS = [
  { path: '/account', labelKey: 'account.tabs.profile' },
  { path: '/account/security', labelKey: 'account.tabs.security' },
  { path: '/account/sessions', labelKey: 'account.tabs.sessions' },
];

/** My account: profile, security (password, two-factor) and sessions, one tab each with its own address. */
export default function AccountLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((tab) => tab.path === pathname)?.path ?? '/account';
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Tabs value={active} onChange={(value) => value && navigate(value)} keepMounted={false} mb="lg">
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(tab.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
