import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../api/organisations.ts';

const COLOURS: Record<TRole, string> = { owner: 'grape', privacy_officer: 'blue', editor: 'teal', viewer: 'gray' };

export function RoleBadge({ role, size = 'sm' }: { role: TRole; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[role]} variant="light" size={size}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
