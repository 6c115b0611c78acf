import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../api/organisations.ts';

const COLOURS: Record<TRole, string> = { owner: 'grape', privacy_officer: 'blue', editor: 'teal', viewer: 'gray' };

export function RoleBadge({ role, size = 'sm' }: { role: TRole; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    // Never squeezed by a long name beside it: a role cut to "eig…" says nothing.
    <Badge color={COLOURS[role]} variant="light" size={size} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
