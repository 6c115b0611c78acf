import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../api/organisations.ts';
import { capitalise } from '../i18n/format.ts';

/** The four roles, most rights first. */
export function RoleSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const data = [...ROLES].reverse().map((role) => ({ value: role, label: capitalise(t(`roles.${role}`)) }));
  return <Select allowDeselect={false} data={data} {...props} />;
}
