import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TMyOrganisation } from '../api/organisations.ts';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { groupOrganisations } from './org-groups.ts';

/** Switches between my organisations; client organisations sit under their ICT service provider. */
export function OrgSwitcher({
  organisations,
  current,
  onNavigate,
}: {
  organisations: TMyOrganisation[];
  current?: string | undefined;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bySlug = new Map(organisations.map((org) => [org.slug, org]));
  const data = groupOrganisations(organisations).map((group) => ({
    group: group.provider ? t('switcher.providerGroup', { name: group.provider.name }) : t('switcher.ownGroup'),
    items: group.organisations.map((org) => ({ value: org.slug, label: org.name })),
  }));

  return (
    <Select
      label={t('switcher.label')}
      placeholder={t('switcher.placeholder')}
      data={data}
      value={current && bySlug.has(current) ? current : null}
      title={current ? bySlug.get(current)?.name : undefined}
      onChange={(slug) => {
        if (!slug) return;
        navigate(`/o/${slug}`);
        onNavigate?.();
      }}
      searchable={organisations.length > 6}
      allowDeselect={false}
      nothingFoundMessage={t('switcher.nothingFound')}
      // The list is as wide as its longest name (not the side bar's width), so names, role badges and group
      // headings are shown whole; on a narrow screen it stops at the screen's edge and names wrap.
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
      styles={{
        dropdown: { maxWidth: 'calc(100vw - 16px)' },
        groupLabel: { whiteSpace: 'normal', overflowWrap: 'break-word' },
      }}
      maxDropdownHeight={360}
      renderOption={({ option }) => {
        const org = bySlug.get(option.value);
        if (!org) return option.label;
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" pl={org.managedBy ? 'sm' : 0} gap="md">
            <Text size="sm" style={{ overflowWrap: 'break-word', minWidth: 0 }}>
              {org.name}
            </Text>
            <RoleBadge role={org.role} size="xs" />
          </Group>
        );
      }}
    />
  );
}
